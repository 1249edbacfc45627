import Foundation
import GRDB
import NewsModel
import Testing
@testable import Store

/// Text bound as a C string (length -1) ends at its first NUL: the bulk upsert binds the
/// byte count, so SQLite holds every byte that was written.
@Suite struct TextBindingTests {
    @Test func aNULInsideTextIsNotACut() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let title = "before\u{0}after the NUL"
        let article = StoreFixtures.article("nul", title: title)
        _ = try store.upsert([article])
        let lengths = try store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT length(CAST(title AS BLOB)) AS title FROM article WHERE id = ?
                """, arguments: [article.id])
        }
        #expect(lengths?["title"] as Int? == title.utf8.count)
    }
}
