import GRDB
import GRDBSQLite

/// A value bound to a bulk statement parameter.
enum BulkValue {
    case int(Int64)
    case text(String)
    case blob([UInt8])
    case null

    init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    init(_ value: Int64?) { self = value.map { .int($0) } ?? .null }
    init(_ value: Bool) { self = .int(value ? 1 : 0) }
}

/// Binds and steps a GRDB-prepared statement through the SQLite C API directly.
///
/// The bulk import runs a handful of statements per article; binding through the C API keeps
/// that loop cheap (GRDB's generic argument path costs several times more per value, which
/// matters for 100,000-article imports, in debug builds above all). Errors are thrown as GRDB
/// `DatabaseError`s so `LibraryStore.translate` maps them like any other.
struct BulkStatement {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private func bind(_ values: [BulkValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for offset in values.indices {
            let index = Int32(offset + 1)
            let code: Int32
            switch values[offset] {
            case .int(let v): code = sqlite3_bind_int64(handle, index, v)
            // With its byte count, not -1: a NUL inside the text must not cut it short.
            case .text(let s): code = sqlite3_bind_text(handle, index, s, Int32(clamping: s.utf8.count), Self.transient)
            case .blob(let b) where b.isEmpty: code = sqlite3_bind_zeroblob(handle, index, 0)
            case .blob(let b):
                code = b.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32(b.count), Self.transient) }
            case .null: code = sqlite3_bind_null(handle, index)
            }
            if code != SQLITE_OK { throw error(code) }
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// Runs a statement that returns no rows.
    func execute(_ values: [BulkValue]) throws {
        try bind(values)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        if code != SQLITE_DONE && code != SQLITE_ROW { throw error(code) }
    }

    /// Runs a query and hands the first row (if any) to `read` while it is current.
    func first<T>(_ values: [BulkValue], _ read: (Columns) -> T) throws -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return read(Columns(handle: handle))
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    /// Runs a query and maps every row.
    func all<T>(_ values: [BulkValue], _ read: (Columns) -> T) throws -> [T] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var rows: [T] = []
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: rows.append(read(Columns(handle: handle)))
            case SQLITE_DONE: return rows
            case let code: throw error(code)
            }
        }
    }

    /// Column access for the current row.
    struct Columns {
        let handle: OpaquePointer
        func int(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
        func optionalInt(_ i: Int32) -> Int64? {
            sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, i)
        }
        func isBlob(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_BLOB }
        func blob(_ i: Int32) -> [UInt8] {
            let count = Int(sqlite3_column_bytes(handle, i))
            guard count > 0, let p = sqlite3_column_blob(handle, i) else { return [] }
            return Array(UnsafeRawBufferPointer(start: p, count: count))
        }
        func text(_ i: Int32) -> String {
            guard let p = sqlite3_column_text(handle, i) else { return "" }
            return String(cString: p)
        }
    }
}
