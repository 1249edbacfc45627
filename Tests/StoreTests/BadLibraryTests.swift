import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct BadLibraryTests {
    @Test func fileThatIsNotADatabase() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let text = String(repeating: "These are my notes, not a database.\n", count: 200)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try LibraryStore(path: path)
            Issue.record("opening a text file as a library must fail")
        } catch let error as StoreError {
            guard case .notADatabase(let p) = error else {
                Issue.record("wrong error: \(error)")
                return
            }
            #expect(p == path)
            #expect(error.description.contains("not a newsreader library"))
        }
        // Nothing was lost.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftUntouched() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        // Shaped like a newsboat cache.db: someone typed --library instead of --newsboat-cache.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE rss_item(id INTEGER PRIMARY KEY, title TEXT)")
            try db.execute(sql: "INSERT INTO rss_item(title) VALUES ('kept')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try LibraryStore(path: path)
            Issue.record("opening another program's database as a library must fail")
        } catch let error as StoreError {
            guard case .foreignDatabase(let p) = error else {
                Issue.record("wrong error: \(error)")
                return
            }
            #expect(p == path)
            #expect(error.description.contains("not a newsreader library"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func lockedDatabaseFailsAfterTheBusyTimeout() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path, busyTimeout: 0.3)
        let article = StoreFixtures.article("x")
        try store.upsert([article])

        // Another connection (as another newsreader process would) holds the write lock.
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: config)
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        let start = Date()
        do {
            try store.setBookmarked(id: article.id, true)
            Issue.record("write must fail while another connection holds the lock")
        } catch let error as StoreError {
            guard case .locked = error else {
                Issue.record("wrong error: \(error)")
                return
            }
        }
        #expect(Date().timeIntervalSince(start) >= 0.25)
        // Readers still work under WAL, and once the lock is gone, writes succeed.
        #expect(try store.count(.all) == 1)
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        try store.setBookmarked(id: article.id, true)
        #expect(try store.count(.bookmarks) == 1)
    }

    @Test func missingParentFoldersAreCreated() throws {
        let base = StoreFixtures.temporaryLibraryPath("deep")
        defer { StoreFixtures.removeLibrary(at: base) }
        let path = base + "/a/b/library.sqlite"
        let store = try LibraryStore(path: path)
        try store.upsert([StoreFixtures.article("one")])
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func folderInsteadOfFile() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(throws: StoreError.self) { try LibraryStore(path: path) }
    }

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(LibraryStore.defaultPath(environment: ["NEWSREADER_LIBRARY": "/x/lib.db", "XDG_DATA_HOME": "/d"]) == "/x/lib.db")
        #expect(LibraryStore.defaultPath(environment: ["XDG_DATA_HOME": "/d"]) == "/d/newsreader/library.sqlite")
        #expect(LibraryStore.defaultPath(environment: [:]).hasSuffix("/.local/share/newsreader/library.sqlite"))
    }
}
