import Foundation
import GRDB
import Testing
@testable import Store

/// A library written by a newer newsreader (a migration this build does not know) is refused
/// with a clear message and left byte for byte as it was.
@Suite struct NewerSchemaTests {
    @Test func libraryFromANewerVersionIsRefusedAndUntouched() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        do { _ = try LibraryStore(path: path) }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v9-from-the-future')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try LibraryStore(path: path)
            Issue.record("a newer library must be refused")
        } catch {
            #expect("\(error)".contains("newer version of newsreader"), "\(error)")
            #expect("\(error)".contains(path), "\(error)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
