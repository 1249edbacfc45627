import Foundation
import GRDB
import NewsModel
import Testing
@testable import Store

/// Retention per feed (config.toml `max-articles-per-feed`, `max-article-age-days`), on a real
/// SQLite library through the refresh writer's path (`storeFeedUpdates`).
@Suite struct FeedRetentionTests {
    static let feed = "https://rotating.example/rss"
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    /// Item `n` of a feed that mints a new guid for every entry: a unique word per item so the
    /// search index can be checked for each one.
    static func item(_ n: Int, feed: String = feed, published: Date? = nil) -> Article {
        Article(title: "Rotating item \(n)", tags: ["rot"], published: published ?? start.addingTimeInterval(Double(n) * 60),
                source: ArticleSource(kind: .feed, location: feed, name: "Rotating"), guid: "urn:uuid:\(n)",
                body: [Block(.paragraph, text: "marker\(Self.word(n)) body of item \(n)")])
    }

    /// Digits as letters (the tokenizer keeps words whole): 12 -> "bc".
    static func word(_ n: Int) -> String {
        String(String(n).map { Character(UnicodeScalar(UInt8(97) + UInt8(String($0))!)) })
    }

    static func update(_ items: [Article], feed: String = feed) -> FeedUpdate {
        FeedUpdate(url: feed, feedTitle: "Rotating", articles: items, feedTags: ["news"], userTitle: nil,
                   etag: nil, lastModified: nil)
    }

    static func feedIDs(_ store: LibraryStore, feed: String = feed) throws -> Set<String> {
        try store.read { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM article WHERE sourceLocation = ?", arguments: [feed]))
        }
    }

    static func expectConsistent(_ store: LibraryStore) throws {
        #expect(try store.integrityCheck() == ["ok"])
        // The trigger-kept counters against a recount (which has no per-feed rows).
        var counters = try store.sidebar()
        counters.feeds = []
        #expect(try store.sidebarByAggregation() == counters)
        try store.write { db in
            try db.execute(sql: "INSERT INTO articleSearch(articleSearch) VALUES('integrity-check')")
            // Every indexed row belongs to an article (a prune that left rows would show here).
            let orphans = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM articleSearch WHERE articleSearch MATCH 'marker*'
                AND rowid NOT IN (SELECT seq FROM article)
                """)
            #expect(orphans == 0)
        }
    }

    /// Rows of the search index itself (not joined to articles) matching `word`.
    static func indexed(_ store: LibraryStore, _ word: String) throws -> Int {
        try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articleSearch WHERE articleSearch MATCH ?", arguments: [word]) ?? 0
        }
    }

    @Test func aFeedThatRotatesGuidsStaysAtTheLimit() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        try store.addFeed(url: Self.feed, tags: ["news"])
        let retention = FeedRetention(maxArticles: 8, maxAgeDays: 0)
        var pruned = 0
        var bookmarked: String?
        // 12 refreshes of 3 items each, every one new; the feed serves the newest 3.
        for refresh in 0..<12 {
            let items = (refresh * 3..<refresh * 3 + 3).map { Self.item($0) }
            let result = try store.storeFeedUpdates([Self.update(items)], retention: retention,
                                                    at: Self.start.addingTimeInterval(Double(refresh) * 3600))[0]
            #expect(result.inserted == 3)
            pruned += result.pruned
            if refresh == 0 {
                // The oldest article, bookmarked: it must outlive every prune.
                bookmarked = items[0].id
                try store.setBookmarked(id: items[0].id, true)
            }
            let ids = try Self.feedIDs(store)
            let bookmarks = bookmarked == nil ? 0 : 1
            #expect(ids.count <= retention.maxArticles + bookmarks, "refresh \(refresh): \(ids.count)")
            #expect(Set(items.map(\.id)).isSubset(of: ids), "refresh \(refresh): the current items stay")
        }
        let ids = try Self.feedIDs(store)
        // 8 newest plus the bookmark (which does not count toward the limit).
        let newest = Set((28..<36).map { Self.item($0).id })
        #expect(ids == newest.union([try #require(bookmarked)]))
        #expect(pruned == 36 - 9)
        #expect(try store.article(id: try #require(bookmarked))?.isBookmarked == true)
        #expect(try store.count(.all) == 9)
        #expect(try store.count(.tag("rot")) == 9 && store.count(.tag("news")) == 9)
        #expect(try store.count(.bookmarks) == 1)
        #expect(try store.feed(url: Self.feed)?.itemCount == 9)
        // Search finds what is kept, nothing of what was pruned.
        #expect(try store.search("marker\(Self.word(35))", limit: 5).map(\.article.id) == [Self.item(35).id])
        #expect(try store.search("marker\(Self.word(0))", limit: 5).map(\.article.id) == [Self.item(0).id])
        #expect(try store.search("marker\(Self.word(5))", limit: 5).isEmpty)
        #expect(try store.search("marker\(Self.word(27))", limit: 5).isEmpty)
        #expect(try Self.indexed(store, "marker\(Self.word(27))") == 0 && Self.indexed(store, "marker\(Self.word(28))") == 1)
        try Self.expectConsistent(store)
    }

    @Test func whatTheFeedServesIsNeverCut() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        try store.addFeed(url: Self.feed)
        let retention = FeedRetention(maxArticles: 5, maxAgeDays: 0)
        let old = (0..<4).map { Self.item($0) }
        _ = try store.storeFeedUpdates([Self.update(old)], retention: retention)
        // The document now serves 7 (more than the limit), the oldest of them dated before the
        // articles it dropped: all 7 stay, the 4 dropped go.
        let served = (10..<16).map { Self.item($0) } + [Self.item(99, published: Self.start.addingTimeInterval(-Self.day))]
        let result = try store.storeFeedUpdates([Self.update(served)], retention: retention)[0]
        #expect(result.pruned == 4)
        #expect(try Self.feedIDs(store) == Set(served.map(\.id)))
        try Self.expectConsistent(store)
    }

    /// A big feed reaches the store in pieces; the last piece prunes with every piece's ids, so
    /// a document larger than the limit keeps all it serves, whichever piece carried it.
    @Test func aFeedStoredInPiecesKeepsEveryPieceItServes() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        try store.addFeed(url: Self.feed)
        let retention = FeedRetention(maxArticles: 5, maxAgeDays: 0)
        func storeInPieces(_ items: [Article]) throws -> UpsertResult {
            let pieces = stride(from: 0, to: items.count, by: 3).map { Array(items[$0..<min($0 + 3, items.count)]) }
            for piece in pieces.dropLast() {
                let early = FeedUpdate(url: Self.feed, feedTitle: nil, articles: piece, feedTags: [], userTitle: nil,
                                       etag: nil, lastModified: nil, isFinal: false)
                #expect(try store.storeFeedUpdates([early], retention: retention)[0].pruned == 0)
            }
            var last = Self.update(pieces.last ?? [])
            last.earlierIDs = pieces.dropLast().flatMap { $0.map(\.id) }
            return try store.storeFeedUpdates([last], retention: retention)[0]
        }
        let first = (0..<8).map { Self.item($0) }
        #expect(try storeInPieces(first).pruned == 0)
        #expect(try Self.feedIDs(store) == Set(first.map(\.id)))
        // The feed rotates to 8 new items: the 8 old ones go, all 8 new ones stay.
        let second = (20..<28).map { Self.item($0) }
        #expect(try storeInPieces(second).pruned == 8)
        #expect(try Self.feedIDs(store) == Set(second.map(\.id)))
        #expect(try store.feed(url: Self.feed)?.itemCount == 8)
        try Self.expectConsistent(store)
    }

    @Test func ageLimitDropsOldArticlesButNotServedOnesNorFiles() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        try store.addFeed(url: Self.feed)
        let now = Self.start
        let aged = [Self.item(1, published: now.addingTimeInterval(-100 * Self.day)),
                    Self.item(2, published: now.addingTimeInterval(-40 * Self.day)),
                    Self.item(3, published: now.addingTimeInterval(-10 * Self.day))]
        _ = try store.storeFeedUpdates([Self.update(aged)], at: now)
        // An article file that happens to share the location: files are never pruned.
        var file = Self.item(4, published: now.addingTimeInterval(-500 * Self.day))
        file.source = ArticleSource(kind: .file, location: Self.feed, name: "file")
        try store.upsert([file])
        // Next fetch serves item 1 (very old) and a new one; items 2 and 3 are no longer served.
        let served = [aged[0], Self.item(5, published: now)]
        let result = try store.storeFeedUpdates([Self.update(served)], retention: FeedRetention(maxArticles: 0, maxAgeDays: 30),
                                                at: now)[0]
        #expect(result.pruned == 1)
        #expect(try Self.feedIDs(store) == Set([aged[0].id, aged[2].id, served[1].id, file.id]))
        try Self.expectConsistent(store)
    }

    @Test func unlimitedKeepsEverything() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        try store.addFeed(url: Self.feed)
        for refresh in 0..<4 {
            let result = try store.storeFeedUpdates([Self.update((refresh * 5..<refresh * 5 + 5).map { Self.item($0) })],
                                                    retention: .unlimited)[0]
            #expect(result.pruned == 0)
        }
        #expect(try Self.feedIDs(store).count == 20)
    }
}
