import Foundation
import GRDB
import NewsModel

extension LibraryStore {
    /// Full-text search over title, text and tags, best matches first (bm25; a title match
    /// weighs most, then tags, then body text). All query terms must match; words of 3+
    /// characters match as prefixes; Japanese works for terms of any length (see `SearchText`).
    /// Only the bodies of the returned hits are read (for their snippets).
    public func search(_ query: String, filter: ArticleFilter = .all, limit: Int) throws -> [SearchHit] {
        guard limit > 0, let match = SearchText.matchExpression(query) else { return [] }
        let terms = SearchText.terms(query)
        var conditions = ["articleSearch MATCH ?"]
        var arguments: StatementArguments = [match]
        switch filter {
        case .all:
            break
        case .unread:
            conditions.append("a.read = 0")
        case .bookmarks:
            conditions.append("a.bookmarkedAt IS NOT NULL")
        case .source(let location):
            conditions.append("a.sourceLocation = ?")
            arguments += [location]
        case .tag(let tag):
            conditions.append("EXISTS (SELECT 1 FROM articleTag m WHERE m.articleId = a.id AND m.tag = ?)")
            arguments += [tag]
        case .section(let path):
            let key = ArticleRecord.sectionKey(path.filter { !$0.isEmpty })
            if !key.isEmpty {
                conditions.append("EXISTS (SELECT 1 FROM articleSection m WHERE m.articleId = a.id AND m.path = ?)")
                arguments += [key]
            }
        case .search(let words):
            guard let inner = SearchText.matchExpression(words) else { return [] }
            conditions.append("a.seq IN (SELECT rowid FROM articleSearch WHERE articleSearch MATCH ?)")
            arguments += [inner]
        }
        arguments += [limit]
        // Rank and cut in the inner query (no bodies), then read the text of the hits only:
        // carrying every match's text through the sort costs seconds for common terms at 100k.
        let needsArticle = conditions.count > 1
        let inner = needsArticle ? """
            SELECT s.rowid AS seq, bm25(articleSearch, 10.0, 1.0, 4.0) AS score
            FROM articleSearch s JOIN article a ON a.seq = s.rowid
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY score, a.sortDate DESC LIMIT ?
            """ : """
            SELECT rowid AS seq, bm25(articleSearch, 10.0, 1.0, 4.0) AS score
            FROM articleSearch WHERE articleSearch MATCH ?
            ORDER BY score, rowid DESC LIMIT ?
            """
        let sql = """
            WITH hits AS (\(inner))
            SELECT \(ArticleRecord.summaryColumns), \(ArticleRecord.storedTextColumns("b"))
            FROM hits JOIN article a ON a.seq = hits.seq JOIN articleBody b ON b.seq = hits.seq
            ORDER BY hits.score, a.sortDate DESC
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                SearchHit(article: ArticleRecord.summary(row),
                          snippet: SearchText.snippet(ArticleRecord.text(row), terms: terms))
            }
        }
    }
}
