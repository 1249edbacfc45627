import Foundation
import GRDB
import NewsModel

/// Whole-list operations for the reader: mark a list read (undoably) and find the next unread row.
extension LibraryStore {
    /// Marks every unread article of a list read in one transaction and returns their ids
    /// (so the reader can undo). Search lists are marked through their ids instead.
    public func markListRead(_ filter: ArticleFilter) throws -> [String] {
        let f = FilterSQL(filter)
        let conditions = f.conditions + ["a.read = 0"]
        let sql = "SELECT a.id FROM \(f.from) WHERE " + conditions.joined(separator: " AND ")
        return try write { db in
            let ids = try BulkStatement(db, sql).all(f.arguments) { $0.text(0) }
            let statement = try db.cachedStatement(sql: "UPDATE article SET read = 1 WHERE id = ?")
            for id in ids { try statement.execute(arguments: [id]) }
            return ids
        }
    }

    /// The first unread row after `cursor` in list order (forward; from the top when nil), or
    /// the last one before it (backward; from the bottom when nil), with its index in the list.
    public func unreadRow(_ query: ListQuery, from cursor: PageCursor?, forward: Bool) throws -> (index: Int, row: ArticleSummary)? {
        guard let row = try page(query.filter, order: query.order, unreadOnly: true, after: cursor,
                                 direction: forward ? .forward : .backward, limit: 1).first else { return nil }
        let f = FilterSQL(query.filter)
        let (before, values) = ListOrderSQL(query.order, f).beyond(PageCursor(row, order: query.order), forward: false)
        var conditions = f.conditions + [before]
        if query.unreadOnly { conditions.append("a.read = 0") }
        let index = try read { db in
            try BulkStatement(db, "SELECT count(*) FROM \(f.from) WHERE " + conditions.joined(separator: " AND "))
                .all(f.arguments + values) { Int($0.int(0)) }.first ?? 0
        }
        return (index, row)
    }
}
