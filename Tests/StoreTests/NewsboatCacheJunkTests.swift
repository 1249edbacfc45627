import Foundation
import GRDB
import NewsModel
import Testing
@testable import Store

/// newsboat caches are foreign SQLite files: any column may hold any type or a wild value.
@Suite struct NewsboatCacheJunkTests {
    /// A cache with newsboat's tables and the given raw pubDate/unread SQL literals, one item per pair.
    static func makeCache(_ values: [(pubDate: String, unread: String)], in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("cache.db").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE rss_feed (rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, url VARCHAR(1024) NOT NULL,
                                       title VARCHAR(1024) NOT NULL);
                CREATE TABLE rss_item (id INTEGER PRIMARY KEY AUTOINCREMENT, guid VARCHAR(64) NOT NULL,
                    title VARCHAR(1024) NOT NULL, author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL,
                    feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL, content VARCHAR(65535) NOT NULL,
                    unread INTEGER(1) NOT NULL, enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024),
                    enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0,
                    base VARCHAR(128) NOT NULL DEFAULT '');
                INSERT INTO rss_feed VALUES (42, x'6869', 'Junk');
                """)
            for (index, value) in values.enumerated() {
                try db.execute(sql: """
                    INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, flags)
                    VALUES ('g\(index)', 7, x'41', 'https://junk.example/\(index)', 'https://junk.example/feed',
                            \(value.pubDate), 'body', \(value.unread), 3.5)
                    """)
            }
        }
        return path
    }

    @Test func wildValuesAreReadLeniently() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nbjunk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = try Self.makeCache([
            ("9000000000000000000", "1"), ("'1709632800'", "'0'"), ("'yesterday'", "'x'"), ("-5", "0"),
            ("1.5e300", "1"), ("x'00ff'", "x'01'"), ("1709632800", "1"),
        ], in: dir)
        let contents = try NewsboatCache.read(path: cache)
        #expect(contents.feeds == [NewsboatCache.Feed(rssURL: "42", link: "hi", title: "Junk")])
        #expect(contents.items.count == 7)
        #expect(contents.items.map(\.published) == [
            nil, Date(timeIntervalSince1970: 1_709_632_800), nil, nil, nil, nil, Date(timeIntervalSince1970: 1_709_632_800),
        ])
        #expect(contents.items.map(\.unread) == [true, false, true, false, true, true, true])
        #expect(contents.items[0].title == "7" && contents.items[0].author == "A" && contents.items[0].flags == "3.5")

        // Every item can be stored.
        let library = dir.appendingPathComponent("library.sqlite").path
        let store = try LibraryStore(path: library)
        let articles = contents.items.map { item in
            Article(title: item.title, published: item.published,
                    source: ArticleSource(kind: .feed, location: item.feedURL, name: "Junk"), guid: item.guid,
                    body: [Block(.paragraph, text: item.contentHTML)])
        }
        let result = try store.upsert(articles)
        #expect(result.inserted == 7)
    }

    struct Stop: Error, Equatable {}

    @Test func streamsFeedsThenItemsAndPassesCallbackErrorsThrough() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nbstream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = try Self.makeCache((0..<5).map { _ in ("1709632800", "1") }, in: dir)
        var events: [String] = []
        try NewsboatCache.read(path: cache, feeds: { events.append("feeds \($0.count)") }, item: { events.append($0.guid) })
        #expect(events == ["feeds 1", "g0", "g1", "g2", "g3", "g4"])
        var seen = 0
        #expect(throws: Stop()) {
            try NewsboatCache.read(path: cache, feeds: { _ in }, item: { _ in seen += 1; if seen == 2 { throw Stop() } })
        }
        #expect(seen == 2)
    }

    @Test func bookmarksManyInOneCall() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nbmarks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try LibraryStore(path: dir.appendingPathComponent("library.sqlite").path)
        let articles = (0..<3).map { n in
            Article(title: "A\(n)", source: ArticleSource(kind: .feed, location: "https://m.example/feed", name: "M"),
                    guid: "m\(n)", body: [Block(.paragraph, text: "b")])
        }
        try store.upsert(articles)
        let when = Date(timeIntervalSince1970: 1_700_000_000)
        try store.setBookmarked(ids: [articles[0].id, articles[2].id, "unknown"], true, at: when)
        #expect(try store.article(id: articles[0].id)?.bookmarkedAt == when)
        #expect(try store.article(id: articles[1].id)?.bookmarkedAt == nil)
        #expect(try store.article(id: articles[2].id)?.bookmarkedAt == when)
        try store.setBookmarked(ids: [articles[0].id], false)
        #expect(try store.article(id: articles[0].id)?.bookmarkedAt == nil)
    }

    @Test func millisClampsInsteadOfTrapping() {
        #expect(ArticleRecord.millis(Date(timeIntervalSince1970: 9e18)) == Int64.max)
        #expect(ArticleRecord.millis(Date(timeIntervalSince1970: -9e18)) == Int64.min)
        #expect(ArticleRecord.millis(Date(timeIntervalSince1970: .infinity)) == Int64.max)
        #expect(ArticleRecord.millis(Date(timeIntervalSince1970: .nan)) == 0)
        #expect(ArticleRecord.millis(Date(timeIntervalSince1970: 1.5)) == 1500)
    }
}
