import Foundation
import NewsModel
import Testing
@testable import Store

/// The refresh writer's path: several feeds prepared off the writer, stored in one transaction.
@Suite struct FeedBatchStoreTests {
    static func item(_ guid: String, feed: String, text: String, tags: [String] = []) -> Article {
        let html = "<p>\(text)</p>" + String(repeating: "<p>filler paragraph for \(guid)</p>", count: 20)
        return Article(title: "Item \(guid)", tags: tags, published: Date(timeIntervalSince1970: 1_700_000_000),
                       source: ArticleSource(kind: .feed, location: feed, name: "Feed"), guid: guid,
                       summary: "<p>\(text)</p>", contentHTML: html,
                       body: [Block(.paragraph, text: text)] + (0..<20).map { _ in Block(.paragraph, text: "filler paragraph for \(guid)") })
    }

    @Test func manyFeedsInOneTransactionKeepTagsReadStateAndBookmarks() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let a = "https://a.example/rss", b = "file:///feeds/b.atom"
        try store.addFeed(url: a, tags: ["news"])
        try store.addFeed(url: b, title: "Bee", tags: ["science", "日本語"])
        func updates(_ changed: String) -> [FeedUpdate] {
            [FeedUpdate(url: a, feedTitle: "Feed A", articles: (0..<3).map { Self.item("a\($0)", feed: a, text: "alpha \($0)", tags: ["cat"]) },
                        feedTags: ["news"], userTitle: nil, etag: "\"e1\"", lastModified: nil),
             FeedUpdate(url: b, feedTitle: "Feed B", articles: [Self.item("b0", feed: b, text: changed), Self.item("b1", feed: b, text: "beta one")],
                        feedTags: ["science", "日本語"], userTitle: "Bee", etag: nil, lastModified: "file:1:2")]
        }
        let first = try store.storeFeedUpdates(updates("beta zero"))
        #expect(first.map(\.inserted) == [3, 2])
        let ids = (a: (0..<3).map { ArticleID.make(source: a, guid: "a\($0)") },
                   b: ["b0", "b1"].map { ArticleID.make(source: b, guid: $0) })
        #expect(try store.ids(tag: "news") == Set(ids.a))
        #expect(try store.ids(tag: "cat") == Set(ids.a))
        #expect(try store.ids(tag: "日本語") == Set(ids.b))
        #expect(try store.article(id: ids.b[0])?.source.name == "Bee")
        let feeds = try store.feeds()
        #expect(feeds.first { $0.url == a }?.itemCount == 3 && feeds.first { $0.url == a }?.etag == "\"e1\"")
        #expect(feeds.first { $0.url == b }?.itemCount == 2 && feeds.first { $0.url == b }?.lastModified == "file:1:2")
        #expect(feeds.first { $0.url == b }?.feedTitle == "Feed B")

        try store.setRead(ids: [ids.a[1], ids.b[0]], true)
        try store.setBookmarked(id: ids.b[0], true)
        try store.setReadingPosition(id: ids.b[0], 4)

        // The same feeds again, one item changed: only it is rewritten, user state stays.
        let second = try store.storeFeedUpdates(updates("beta zero, corrected walrus"))
        #expect(second.map(\.inserted) == [0, 0] && second.map(\.updated) == [0, 1] && second.map(\.unchanged) == [3, 1])
        let changed = try #require(try store.article(id: ids.b[0]))
        #expect(changed.read && changed.isBookmarked && changed.readingPosition == 4)
        #expect(changed.contentHTML?.hasPrefix("<p>beta zero, corrected walrus</p>") == true)
        #expect(changed.summary == "<p>beta zero, corrected walrus</p>")
        #expect(try store.article(id: ids.a[1])?.read == true)
        #expect(try store.count(.all) == 5)
        #expect(try store.count(.unread) == 3)
        #expect(try store.search("walrus", limit: 10).map(\.article.id) == [ids.b[0]])
        #expect(try store.ids(tag: "日本語") == Set(ids.b))
    }
}
