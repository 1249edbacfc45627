import Foundation
import GRDB
import NewsModel
import Testing
@testable import Store

/// A new library uses 16 KB pages (compressed bodies pack instead of leaving each 4 KB page a
/// quarter empty); a library made with 4 KB pages keeps them and works as before.
@Suite struct PageSizeTests {
    static func pageSize(_ store: LibraryStore) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0 }
    }

    static func article(_ name: String) -> Article {
        CompressedColumnTests.feedArticle(name, paragraphs: 40)
    }

    @Test func aNewLibraryHasSixteenKilobytePages() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        #expect(try Self.pageSize(store) == LibraryStore.pageSize)
        try store.upsert((0..<30).map { Self.article("new-\($0)") })
        #expect(try store.article(id: Self.article("new-7").id)?.contentHTML == Self.article("new-7").contentHTML)
    }

    @Test func anOlderLibraryKeepsItsPagesAndStillWorks() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        // As an older newsreader made it: 4 KB pages, WAL, our schema.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA page_size = 4096")
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try LibrarySchema.migrator.migrate(queue)
        }
        let store = try LibraryStore(path: path)
        #expect(try Self.pageSize(store) == 4096)
        let articles = (0..<30).map { Self.article("old-\($0)") }
        try store.upsert(articles)
        let again = try LibraryStore(path: path)
        #expect(try Self.pageSize(again) == 4096)
        for original in articles.prefix(3) {
            let stored = try #require(try again.article(id: original.id))
            #expect(stored.contentHTML == original.contentHTML && stored.body == original.body)
        }
    }
}
