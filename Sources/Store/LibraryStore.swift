import Foundation
import GRDB
import NewsModel

/// The article library on SQLite (GRDB `DatabasePool`, WAL mode).
///
/// Layout (see `LibrarySchema`): `article` holds list columns only, `articleBody` the bodies,
/// `articleTag` / `articleSection` one row per tag / ancestor section (keyset-paged by their
/// primary keys), `counter` the sidebar counts maintained by triggers, `articleSearch` the FTS5
/// index. Lists and counts never read `articleBody`.
public final class LibraryStore: Sendable {
    public let path: String
    let pool: DatabasePool

    /// The page size of a new library, in bytes.
    static let pageSize = 16_384

    /// SQLite's page cache per connection, in KiB.
    static let pageCacheKiB = 4_096

    /// Opens (creating if needed) the library at `path`; missing parent folders are created.
    /// - Parameter busyTimeout: how long a write waits for another process holding the library
    ///   before failing with `StoreError.locked`.
    public init(path: String, busyTimeout: TimeInterval = 5) throws {
        let expanded = (path as NSString).expandingTildeInPath
        self.path = expanded
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: expanded, isDirectory: &isDir), isDir.boolValue {
            throw StoreError.other("\(expanded) is a folder, not a library file")
        }
        let parent = (expanded as NSString).deletingLastPathComponent
        if !parent.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw StoreError.other("cannot create folder \(parent): \(error.localizedDescription)")
            }
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "newsreader-library"
        config.prepareDatabase { db in
            // Only a new, empty library takes it (before WAL mode is set); older ones keep 4 KB.
            // Compressed bodies are 1–6 KB: on 4 KB pages most fill a page of their own, a fifth
            // of the file was slack. 16 KB: the library 3.6 % smaller at 100k, the same CPU
            // (32 KB: 8 % smaller, 8 % more CPU). Benchmarks/INGEST.md has the runs.
            try db.execute(sql: "PRAGMA page_size = \(LibraryStore.pageSize)")
            // WAL + NORMAL is durable across application crashes and much faster for imports.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 4 MB holds a refresh batch's dirty pages until commit: 16, 8 and 4 MB measured the
            // same CPU on a 100k refresh, and each halving saved 4–15 MB of peak RSS. Bulk upserts
            // of 2,000 and more raise it for their transaction (`bulkWrite`).
            try db.execute(sql: "PRAGMA cache_size = -\(LibraryStore.pageCacheKiB)")
            // Statement journals (written for every statement that fires triggers) stay in memory;
            // on disk they cost millions of small writes during a 100k-article import.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            try LibraryStore.refuseForeignDatabase(path: expanded)
            pool = try DatabasePool(path: expanded, configuration: config)
            try LibrarySchema.migrator.migrate(pool)
        } catch {
            throw LibraryStore.translate(error, path: expanded)
        }
    }

    /// Migrating someone else's database (say `--library ~/.newsboat/cache.db`) would add our
    /// tables to it: a database with tables is ours only if our first migration ran in it.
    /// Checked through a read-only connection, before WAL mode or anything else is written.
    private static func refuseForeignDatabase(path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return }
        var readOnly = Configuration()
        readOnly.readonly = true
        let known = Set(LibrarySchema.migrator.migrations)
        var unknown: [String] = []
        let foreign = try DatabaseQueue(path: path, configuration: readOnly).read { db -> Bool in
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            guard tables > 0 else { return false }
            guard try db.tableExists("grdb_migrations") else { return true }
            // Written by a newer newsreader: migrating or writing could damage what it added.
            unknown = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").filter { !known.contains($0) }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations WHERE identifier = 'v1'") == 0
        }
        if foreign { throw StoreError.foreignDatabase(path: path) }
        if !unknown.isEmpty {
            throw StoreError.other("\(path) was written by a newer version of newsreader (schema "
                + unknown.joined(separator: ", ") + "); not opened, left untouched")
        }
    }

    /// `$NEWSREADER_LIBRARY`, else `$XDG_DATA_HOME/newsreader/library.sqlite` (an absolute
    /// `XDG_DATA_HOME`), else `~/.local/share/newsreader/library.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["NEWSREADER_LIBRARY"], !p.isEmpty { return p }
        return XDGDirectory.data.url(environment: environment).appending(path: "newsreader/library.sqlite").path
    }

    // MARK: Demo seeding flag

    /// True until `markDemoSeeded()` has been called once on this library, whatever happens to
    /// the demo articles afterwards (deleting them never brings them back).
    public func needsDemo() throws -> Bool {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demoSeeded'") == nil
        }
    }

    public func markDemoSeeded() throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO meta(key, value) VALUES('demoSeeded', ?)
                ON CONFLICT(key) DO NOTHING
                """, arguments: [ISO8601DateFormatter().string(from: Date())])
        }
    }

    /// Copies the write-ahead log into the library and truncates it: after a refresh or import
    /// the library is one self-contained file again (otherwise the log stays as big as the
    /// last transactions until the next writer comes along).
    /// A TRUNCATE checkpoint holds the write lock while it waits for readers, so it waits only
    /// briefly: another process's bookmark write must never time out behind it (best effort; the
    /// log is folded in by a later checkpoint otherwise).
    public func checkpoint() throws {
        do {
            _ = try pool.writeWithoutTransaction { db in
                let previous = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 5000
                try db.execute(sql: "PRAGMA busy_timeout = 50")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(previous)") }
                return try db.checkpoint(.truncate)
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    // MARK: Access with error translation

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw Self.translate(error, path: path) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw Self.translate(error, path: path) }
    }

    /// Maps SQLite failures to the errors users understand.
    static func translate(_ error: Error, path: String) -> Error {
        if error is StoreError { return error }
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_NOTADB:
            return StoreError.notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.locked(path: path)
        case .SQLITE_CORRUPT:
            return StoreError.other("\(path) is damaged (SQLite reports corruption)")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return StoreError.other("cannot open \(path): \(dbError.message ?? "permission denied")")
        default:
            return StoreError.other("\(path): \(dbError.message ?? "\(dbError)")")
        }
    }
}
