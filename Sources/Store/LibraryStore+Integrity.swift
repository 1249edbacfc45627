import GRDB

extension LibraryStore {
    /// SQLite's own consistency check of every table and index: `["ok"]` for a sound library,
    /// otherwise one line per problem found. For tests and diagnostics (it reads everything).
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
