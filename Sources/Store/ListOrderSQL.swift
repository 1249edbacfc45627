import Foundation
import NewsModel

/// A list order as SQL: the ORDER BY terms and the keyset condition for "rows beyond this
/// cursor". Date order keeps the index-friendly form the date indexes serve; title and source
/// orders compare lexicographically over their terms.
struct ListOrderSQL {
    enum Value { case date, id, key }
    /// (expression, ascending, which cursor value) in list order.
    let terms: [(expression: String, ascending: Bool, value: Value)]
    let order: ListOrder
    let filter: FilterSQL

    init(_ order: ListOrder, _ filter: FilterSQL) {
        self.order = order
        self.filter = filter
        switch order {
        case .date, .relevance:
            terms = [(filter.dateColumn, false, .date), (filter.idColumn, false, .id)]
        case .title:
            terms = [("a.title COLLATE NOCASE", true, .key), (filter.idColumn, true, .id)]
        case .source:
            terms = [("a.sourceName COLLATE NOCASE", true, .key), (filter.dateColumn, false, .date), (filter.idColumn, false, .id)]
        }
    }

    func orderBy(forward: Bool) -> String {
        terms.map { "\($0.expression) \($0.ascending == forward ? "ASC" : "DESC")" }.joined(separator: ", ")
    }

    private func bind(_ value: Value, _ cursor: PageCursor) -> BulkValue {
        switch value {
        case .date: return .int(ArticleRecord.millis(cursor.sortDate))
        case .id: return .text(cursor.id)
        case .key: return .text(cursor.key ?? "")
        }
    }

    /// Rows after `cursor` in list order (forward) or before it (backward), the cursor row excluded.
    func beyond(_ cursor: PageCursor, forward: Bool) -> (String, [BulkValue]) {
        if order == .date || order == .relevance {
            // Written so the index range on the date column is used (row values are not always).
            let ms = ArticleRecord.millis(cursor.sortDate)
            let (cmp, strict) = forward ? ("<=", "<") : (">=", ">")
            return ("\(filter.dateColumn) \(cmp) ? AND (\(filter.dateColumn) \(strict) ? OR \(filter.idColumn) \(strict) ?)",
                    [.int(ms), .int(ms), .text(cursor.id)])
        }
        // t0 beyond v0 OR (t0 = v0 AND (t1 beyond v1 OR (t1 = v1 AND …))).
        var sql = ""
        var values: [BulkValue] = []
        for (i, term) in terms.enumerated().reversed() {
            let after = term.ascending == forward ? ">" : "<"
            let v = bind(term.value, cursor)
            if i == terms.count - 1 {
                sql = "\(term.expression) \(after) ?"
                values = [v]
            } else {
                sql = "(\(term.expression) \(after) ? OR (\(term.expression) = ? AND \(sql)))"
                values = [v, v] + values
            }
        }
        return (sql, values)
    }
}
