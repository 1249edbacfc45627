import Foundation
import GRDB
import NewsModel
import Testing
@testable import Store

/// `article.feedGuid` (migration feed-guid-v1): stored, read back, and backfilled for rows
/// written before the column existed.
@Suite struct FeedGUIDStoreTests {
    let path = StoreFixtures.temporaryLibraryPath()

    func feedArticle(_ guid: String, feedGUID: String?, link: String? = nil) -> Article {
        Article(title: "Item \(guid)", link: link, source: ArticleSource(kind: .feed, location: "http://f.example/rss", name: "F"),
                guid: guid, body: [Block(.paragraph, text: "Body")], feedGUID: feedGUID)
    }

    @Test func feedGUIDRoundTripsAndUpdates() throws {
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        var withGUID = feedArticle("urn:x:1", feedGUID: "urn:x:1")
        let withoutGUID = feedArticle("http://f.example/2", feedGUID: nil, link: "http://f.example/2")
        _ = try store.upsert([withGUID, withoutGUID])
        #expect(try store.article(id: withGUID.id)?.feedGUID == "urn:x:1")
        #expect(try store.article(id: withoutGUID.id)?.feedGUID == nil)
        withGUID.title = "Changed"
        withGUID.feedGUID = "urn:x:1 "
        _ = try store.upsert([withGUID])
        #expect(try store.article(id: withGUID.id)?.feedGUID == "urn:x:1 ")
    }

    @Test func rowsFromBeforeTheMigrationAreBackfilledWhereCertain() throws {
        defer { StoreFixtures.removeLibrary(at: path) }
        // A library at the schema before this migration, with rows written then.
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try LibrarySchema.migrator.migrate(queue, upTo: "feeds-v1")
        try queue.write { db in
            for (id, guid, link, kind) in [("a", "tag:own-id", "http://f.example/a", "feed"),
                                           ("b", "http://f.example/b", "http://f.example/b", "feed"),
                                           ("c", "hash:0123", nil, "feed"),
                                           ("d", "/home/me/file.txt", nil, "file")] as [(String, String, String?, String)] {
                try db.execute(sql: """
                    INSERT INTO article(id, title, sortDate, firstSeen, link, sourceKind, sourceLocation, sourceName, guid, contentHash)
                    VALUES(?, 't', 0, 0, ?, ?, 'loc', 'n', ?, 'h')
                    """, arguments: [id, link, kind, guid])
                try db.execute(sql: "INSERT INTO articleBody(seq, body, text) VALUES(last_insert_rowid(), '[]', '')")
            }
        }
        try queue.close()
        let store = try LibraryStore(path: path)
        // The ids-sha256 migration runs first and rewrites each id from (source, guid).
        func id(_ guid: String) -> String { ArticleID.make(source: "loc", guid: guid) }
        #expect(try store.article(id: id("tag:own-id"))?.feedGUID == "tag:own-id")
        #expect(try store.article(id: id("tag:own-id")) != nil)
        #expect(try store.article(id: id("http://f.example/b"))?.feedGUID == nil)  // identity was the link: unknown
        #expect(try store.article(id: id("hash:0123"))?.feedGUID == nil)
        #expect(try store.article(id: id("/home/me/file.txt"))?.feedGUID == nil)
    }
}
