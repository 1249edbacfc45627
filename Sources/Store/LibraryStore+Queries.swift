import Foundation
import GRDB
import NewsModel

/// How one filter is read in keyset order: from `article` itself (partial or source index) or
/// from a membership table (`articleTag`, `articleSection`) whose primary key is the order.
struct FilterSQL {
    /// FROM clause; the article table is always aliased `a`.
    var from: String
    /// Conditions (without the cursor) joined with AND; may be empty.
    var conditions: [String]
    var arguments: [BulkValue]
    /// The sort columns: `a.sortDate, a.id` or `m.sortDate, m.articleId`.
    var dateColumn: String
    var idColumn: String

    init(_ filter: ArticleFilter) {
        switch filter {
        case .all:
            self.init(conditions: [])
        case .unread:
            self.init(conditions: ["a.read = 0"])
        case .bookmarks:
            self.init(conditions: ["a.bookmarkedAt IS NOT NULL"])
        case .source(let location):
            self.init(conditions: ["a.sourceLocation = ?"], arguments: [.text(location)])
        case .tag(let tag):
            self.init(membership: "articleTag", column: "tag", key: tag)
        case .section(let path):
            let key = ArticleRecord.sectionKey(path.filter { !$0.isEmpty })
            if key.isEmpty {
                self.init(conditions: [])
            } else {
                self.init(membership: "articleSection", column: "path", key: key)
            }
        case .search(let words):
            // Words that make no match expression (only punctuation) match nothing.
            if let match = SearchText.matchExpression(words) {
                self.init(conditions: ["a.seq IN (SELECT rowid FROM articleSearch WHERE articleSearch MATCH ?)"],
                          arguments: [.text(match)])
            } else {
                self.init(conditions: ["0"])
            }
        }
    }

    private init(conditions: [String], arguments: [BulkValue] = []) {
        from = "article a"
        self.conditions = conditions
        self.arguments = arguments
        dateColumn = "a.sortDate"
        idColumn = "a.id"
    }

    private init(membership table: String, column: String, key: String) {
        from = "\(table) m JOIN article a ON a.id = m.articleId"
        conditions = ["m.\(column) = ?"]
        arguments = [.text(key)]
        dateColumn = "m.sortDate"
        idColumn = "m.articleId"
    }
}

extension LibraryStore {
    /// One page of a list in (sortDate DESC, id DESC) order, without bodies.
    ///
    /// - `.forward`: the `limit` rows after `cursor` (older); from the newest when `cursor` is nil.
    /// - `.backward`: the `limit` rows before `cursor` (newer); the last (oldest) page when
    ///   `cursor` is nil. Also returned in list order (newest first), ready to prepend.
    /// The cursor row itself is never included. `order` and `unreadOnly` page another order
    /// (`ListOrderSQL`) or only the unread rows; the cursor must carry that order's key.
    public func page(_ filter: ArticleFilter, order: ListOrder = .date, unreadOnly: Bool = false,
                     after cursor: PageCursor?, direction: PageDirection = .forward,
                     limit: Int) throws -> [ArticleSummary] {
        guard limit > 0 else { return [] }
        let f = FilterSQL(filter)
        let o = ListOrderSQL(order, f)
        var conditions = f.conditions
        var arguments = f.arguments
        if unreadOnly { conditions.append("a.read = 0") }
        let forward = direction == .forward
        if let cursor {
            let (sql, values) = o.beyond(cursor, forward: forward)
            conditions.append(sql)
            arguments += values
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT \(ArticleRecord.summaryColumns) FROM \(f.from) \(whereClause)
            ORDER BY \(o.orderBy(forward: forward)) LIMIT ?
            """
        arguments.append(.int(Int64(limit)))
        let summaries = try read { db in
            try BulkStatement(db, sql).all(arguments, ArticleRecord.summary)
        }
        return forward ? summaries : summaries.reversed()
    }

    /// Number of articles a filter shows (maintained counters; source, search and some
    /// unread-only lists count an index).
    public func count(_ filter: ArticleFilter, unreadOnly: Bool = false) throws -> Int {
        try read { db in
            switch filter {
            case .all:
                let c = try counter(db, kind: "all", key: "")
                return unreadOnly ? c.unread : c.total
            case .unread:
                return try counter(db, kind: "all", key: "").unread
            case .tag(let tag):
                let c = try counter(db, kind: "tag", key: tag)
                return unreadOnly ? c.unread : c.total
            case .section(let path):
                let key = ArticleRecord.sectionKey(path.filter { !$0.isEmpty })
                let c = try counter(db, kind: key.isEmpty ? "all" : "section", key: key)
                return unreadOnly ? c.unread : c.total
            case .bookmarks where !unreadOnly:
                return try counter(db, kind: "bookmarks", key: "").total
            case .bookmarks, .source, .search:
                let f = FilterSQL(filter)
                let conditions = f.conditions + (unreadOnly ? ["a.read = 0"] : [])
                let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
                return try BulkStatement(db, "SELECT count(*) FROM \(f.from) \(whereClause)")
                    .all(f.arguments) { $0.int(0) }.first.map(Int.init) ?? 0
            }
        }
    }

    func counter(_ db: Database, kind: String, key: String) throws -> (total: Int, unread: Int) {
        let row = try Row.fetchOne(db, sql: "SELECT total, unread FROM counter WHERE kind = ? AND key = ?",
                                   arguments: [kind, key])
        return (row?["total"] ?? 0, row?["unread"] ?? 0)
    }

    /// The full article with its body, or nil.
    public func article(id: String) throws -> Article? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT a.*, b.summary, b.contentHTML, b.body, b.text, b.enclosures
                FROM article a JOIN articleBody b ON b.seq = a.seq WHERE a.id = ?
                """, arguments: [id]).map(ArticleRecord.article)
        }
    }

    /// The list row of one article, or nil.
    public func summary(id: String) throws -> ArticleSummary? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(ArticleRecord.summaryColumns) FROM article a WHERE a.id = ?",
                             arguments: [id]).map(ArticleRecord.summary)
        }
    }

    /// Resolves a full id or a unique prefix of one (as typed on the command line).
    public func resolveID(_ prefix: String) throws -> IDResolution {
        let p = prefix.trimmingCharacters(in: .whitespaces).lowercased()
        guard !p.isEmpty, p.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return .notFound }
        let ids = try read { db in
            // GLOB is case-sensitive, so the unique index on id serves the prefix range.
            try String.fetchAll(db, sql: "SELECT id FROM article WHERE id GLOB ? ORDER BY id LIMIT 6",
                                arguments: [p + "*"])
        }
        if ids.contains(p) { return .found(p) }
        switch ids.count {
        case 0: return .notFound
        case 1: return .found(ids[0])
        default: return .ambiguous(ids)
        }
    }

    /// Bookmarked articles, most recently bookmarked first, without bodies.
    public func bookmarkedArticles(limit: Int = .max) throws -> [BookmarkEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(ArticleRecord.summaryColumns), a.link, a.tags FROM article a
                WHERE a.bookmarkedAt IS NOT NULL ORDER BY a.bookmarkedAt DESC, a.id DESC LIMIT ?
                """, arguments: [limit]).map { row in
                BookmarkEntry(summary: ArticleRecord.summary(row),
                              bookmarkedAt: ArticleRecord.date(millis: row["bookmarkedAt"]),
                              link: row["link"],
                              tags: ArticleRecord.decodeJSON([String].self, row["tags"], default: []))
            }
        }
    }

    // MARK: User state

    /// Sets or clears the bookmark; setting keeps the original time when already bookmarked.
    public func setBookmarked(id: String, _ on: Bool) throws {
        try write { db in
            if on {
                try db.execute(sql: "UPDATE article SET bookmarkedAt = ? WHERE id = ? AND bookmarkedAt IS NULL",
                               arguments: [ArticleRecord.millis(Date()), id])
            } else {
                try db.execute(sql: "UPDATE article SET bookmarkedAt = NULL WHERE id = ?", arguments: [id])
            }
        }
    }

    public func setRead(id: String, _ read: Bool) throws {
        try write { db in
            try db.execute(sql: "UPDATE article SET read = ? WHERE id = ?", arguments: [read, id])
        }
    }

    /// Marks many articles at once (one transaction), e.g. "mark all in this list read".
    public func setRead(ids: [String], _ read: Bool) throws {
        try write { db in
            let statement = try db.cachedStatement(sql: "UPDATE article SET read = ? WHERE id = ?")
            for id in ids { try statement.execute(arguments: [read, id]) }
        }
    }

    public func setReadingPosition(id: String, _ position: Int) throws {
        try write { db in
            try db.execute(sql: "UPDATE article SET readingPosition = ? WHERE id = ?", arguments: [position, id])
        }
    }
}

extension LibraryStore {
    /// Ids of the articles with a tag (case-insensitive), from the tag index alone.
    public func ids(tag: String) throws -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT articleId FROM articleTag WHERE tag = ?", arguments: [tag]))
        }
    }
}
