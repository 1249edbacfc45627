import Foundation
import NewsModel
import Testing
@testable import Store

/// Subscriptions in the library: the feed table, validators, errors, feed tags on articles.
@Suite struct FeedStoreTests {
    let path = StoreFixtures.temporaryLibraryPath()

    func feedArticle(_ guid: String, feed: String, tags: [String] = []) -> Article {
        Article(title: "Item \(guid)", tags: tags, source: ArticleSource(kind: .feed, location: feed, name: "Feed"),
                guid: guid, body: [Block(.paragraph, text: "Body of \(guid)")])
    }

    @Test func addListUpdateAndRemoveFeeds() throws {
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        #expect(try store.addFeed(url: "https://b.example/feed", tags: ["news"]))
        #expect(try store.addFeed(url: "https://a.example/feed", title: "Alpha", tags: ["tech", "news"]))
        #expect(try !store.addFeed(url: "https://b.example/feed", title: "Beta", tags: ["world"]))
        let feeds = try store.feeds()
        #expect(feeds.map(\.displayTitle) == ["Alpha", "Beta"])
        #expect(feeds[1].tags == ["world"])
        #expect(feeds[0].itemCount == 0 && feeds[0].lastRefresh == nil)
        #expect(try store.removeFeed(url: "https://a.example/feed"))
        #expect(try !store.removeFeed(url: "https://a.example/feed"))
        #expect(try store.feeds().map(\.url) == ["https://b.example/feed"])
    }

    @Test func storedItemsCarryFeedTagsAndValidatorsAndErrorsAreKept() throws {
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let url = "https://feed.example/rss"
        try store.addFeed(url: url, tags: ["feedtag"])
        let result = try store.storeFeedArticles(url: url, feedTitle: "The Feed",
                                                 articles: [feedArticle("1", feed: url, tags: ["cat"]), feedArticle("2", feed: url)],
                                                 etag: "\"e1\"", lastModified: "Tue, 05 Mar 2024 10:00:00 GMT")
        #expect(result.inserted == 2)
        var feed = try #require(try store.feed(url: url))
        #expect(feed.feedTitle == "The Feed" && feed.itemCount == 2 && feed.etag == "\"e1\"")
        #expect(feed.lastModified == "Tue, 05 Mar 2024 10:00:00 GMT" && feed.lastError == nil && feed.lastRefresh != nil)
        #expect(try store.ids(tag: "feedtag").count == 2)
        #expect(try store.ids(tag: "cat").count == 1)

        // Same items again: nothing new, nothing duplicated.
        let again = try store.storeFeedArticles(url: url, feedTitle: "The Feed", articles: [feedArticle("1", feed: url, tags: ["cat"])],
                                                etag: "\"e1\"", lastModified: nil)
        #expect(again.inserted == 0)
        #expect(try store.count(.all) == 2)

        try store.recordFeedError(url: url, "HTTP status 500")
        feed = try #require(try store.feed(url: url))
        #expect(feed.lastError == "HTTP status 500")
        #expect(feed.itemCount == 2)  // articles stay
        try store.recordFeedNotModified(url: url)
        #expect(try store.feed(url: url)?.lastError == nil)
    }

    @Test func removingAFeedKeepsBookmarkedArticles() throws {
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let url = "https://feed.example/rss"
        try store.addFeed(url: url)
        try store.storeFeedArticles(url: url, feedTitle: nil, articles: [feedArticle("1", feed: url), feedArticle("2", feed: url)],
                                    etag: nil, lastModified: nil)
        let keep = feedArticle("1", feed: url).id
        try store.setBookmarked(id: keep, true)
        try store.removeFeed(url: url)
        #expect(try store.count(.all) == 1)
        #expect(try store.article(id: keep) != nil)
    }
}

/// A cache.db written by a real newsboat run on local file:// feeds.
@Suite struct NewsboatCacheTests {
    static let newsboat: String? = ["/usr/bin/newsboat", "/usr/local/bin/newsboat"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs `newsboat -x reload` on two local feeds; returns the cache path (in `dir`).
    static func makeCache(in dir: URL) throws -> (cache: String, feeds: [String]) {
        let rss = dir.appendingPathComponent("one.rss")
        try """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Newsboat One</title><link>https://one.example/</link>
        <item><guid>one-1</guid><title>First of one</title><link>https://one.example/1</link><description>&lt;p&gt;Body 1&lt;/p&gt;</description><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
        <item><guid>one-2</guid><title>Second of one</title><link>https://one.example/2</link><description>Body 2</description></item>
        </channel></rss>
        """.write(to: rss, atomically: true, encoding: .utf8)
        let atom = dir.appendingPathComponent("two.atom")
        try """
        <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Newsboat Two</title>
        <entry><id>two-1</id><title>Atom entry</title><link href="https://two.example/1"/><updated>2024-03-01T00:00:00Z</updated><content type="html">&lt;p&gt;Atom body&lt;/p&gt;</content></entry>
        </feed>
        """.write(to: atom, atomically: true, encoding: .utf8)
        let urls = dir.appendingPathComponent("urls")
        try "\(rss.absoluteString) \"nb\"\n\(atom.absoluteString)\n".write(to: urls, atomically: true, encoding: .utf8)
        let config = dir.appendingPathComponent("config")
        try "auto-reload no\nshow-read-feeds yes\n".write(to: config, atomically: true, encoding: .utf8)
        let cache = dir.appendingPathComponent("cache.db")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(newsboat))
        process.arguments = ["-u", urls.path, "-c", cache.path, "-C", config.path, "-x", "reload"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = dir.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (cache.path, [rss.absoluteString, atom.absoluteString])
    }

    @Test(.enabled(if: newsboat != nil, "newsboat is not installed (apt-get install newsboat)"))
    func readsARealNewsboatCache() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nbcache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (cache, feeds) = try Self.makeCache(in: dir)
        let contents = try NewsboatCache.read(path: cache)
        #expect(Set(contents.feeds.map(\.rssURL)) == Set(feeds))
        #expect(contents.feeds.first { $0.rssURL == feeds[0] }?.title == "Newsboat One")
        #expect(contents.items.count == 3)
        let first = try #require(contents.items.first { $0.guid == "one-1" })
        #expect(first.title == "First of one")
        #expect(first.link == "https://one.example/1")
        #expect(first.feedURL == feeds[0])
        #expect(first.published == Date(timeIntervalSince1970: 1_709_632_800))
        #expect(first.contentHTML.contains("Body 1"))
        #expect(first.unread && !first.isFlagged)
    }

    @Test func notACacheIsAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nbcache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: StoreError.self) { try NewsboatCache.read(path: dir.appendingPathComponent("missing.db").path) }
        let library = dir.appendingPathComponent("lib.sqlite").path
        _ = try LibraryStore(path: library)
        #expect(throws: StoreError.self) { try NewsboatCache.read(path: library) }
    }
}
