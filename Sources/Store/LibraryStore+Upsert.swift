import Foundation
import GRDB
import NewsModel

extension LibraryStore {
    /// Inserts new articles and updates changed ones, all in one transaction with prepared
    /// statements (this is the bulk path: pass thousands at once).
    ///
    /// Idempotent: an article whose id exists is updated only when its content hash changed, and
    /// an update never touches read, bookmark or reading position. For a new article those three
    /// are taken from the value passed in.
    @discardableResult
    public func upsert(_ articles: [Article]) throws -> UpsertResult {
        guard !articles.isEmpty else { return UpsertResult() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encoded = try articles.map { try EncodedArticle($0, encoder: encoder) }
        let now = ArticleRecord.millis(Date())
        return try write { db in
            var result = UpsertResult()
            let writer = try UpsertStatements(db)
            for item in encoded {
                let existing = try Row.fetchOne(writer.lookup, arguments: [item.article.id])
                if let existing {
                    let oldHash: String = existing["contentHash"]
                    if oldHash == item.contentHash {
                        result.unchanged += 1
                    } else {
                        try writer.update(item, existing: existing)
                        result.updated += 1
                    }
                } else {
                    try writer.insert(item, firstSeen: now)
                    result.inserted += 1
                }
            }
            if result.inserted + result.updated >= Self.ftsMergeThreshold {
                // Fold the many small segments a big import leaves into fewer, bigger ones.
                try db.execute(sql: "INSERT INTO articleSearch(articleSearch, rank) VALUES('merge', 500)")
            }
            return result
        }
    }

    /// Batches at least this large end with an FTS merge step.
    static let ftsMergeThreshold = 2_000

    /// Removes articles (and their tags, sections, bodies and search entries).
    public func delete(ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try write { db in
            let lookup = try db.cachedStatement(sql: """
                SELECT a.seq, a.title, a.tags, b.text FROM article a
                LEFT JOIN articleBody b ON b.seq = a.seq WHERE a.id = ?
                """)
            let deleteFTS = try db.cachedStatement(sql: """
                INSERT INTO articleSearch(articleSearch, rowid, title, text, tags)
                VALUES('delete', ?, ?, ?, ?)
                """)
            let deleteArticle = try db.cachedStatement(sql: "DELETE FROM article WHERE seq = ?")
            for id in ids {
                guard let row = try Row.fetchOne(lookup, arguments: [id]) else { continue }
                let seq: Int64 = row["seq"]
                let fields = SearchText.indexFields(
                    title: row["title"], text: row["text"] ?? "",
                    tags: ArticleRecord.decodeJSON([String].self, row["tags"], default: []))
                try deleteFTS.execute(arguments: [seq, fields.title, fields.text, fields.tags])
                try deleteArticle.execute(arguments: [seq])
            }
        }
    }
}

/// The prepared statements of one upsert transaction.
private struct UpsertStatements {
    let db: Database
    let lookup: Statement
    let insertArticle: Statement
    let updateArticle: Statement
    let insertBody: Statement
    let updateBody: Statement
    let oldSearchFields: Statement
    let insertTag: Statement
    let deleteTags: Statement
    let insertSection: Statement
    let deleteSections: Statement
    let insertFTS: Statement
    let deleteFTS: Statement

    init(_ db: Database) throws {
        self.db = db
        lookup = try db.cachedStatement(sql: """
            SELECT seq, contentHash, firstSeen, read, title, tags FROM article WHERE id = ?
            """)
        insertArticle = try db.cachedStatement(sql: """
            INSERT INTO article(id, title, sortDate, published, updated, firstSeen, section, tags,
                author, link, sourceKind, sourceLocation, sourceName, guid, contentHash,
                read, bookmarkedAt, readingPosition)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        updateArticle = try db.cachedStatement(sql: """
            UPDATE article SET title = ?, sortDate = ?, published = ?, updated = ?, section = ?,
                tags = ?, author = ?, link = ?, sourceKind = ?, sourceLocation = ?, sourceName = ?,
                guid = ?, contentHash = ?
            WHERE seq = ?
            """)
        insertBody = try db.cachedStatement(sql: """
            INSERT INTO articleBody(seq, summary, contentHTML, body, text, enclosures)
            VALUES(?, ?, ?, ?, ?, ?)
            """)
        updateBody = try db.cachedStatement(sql: """
            UPDATE articleBody SET summary = ?, contentHTML = ?, body = ?, text = ?, enclosures = ?
            WHERE seq = ?
            """)
        oldSearchFields = try db.cachedStatement(sql: "SELECT text FROM articleBody WHERE seq = ?")
        insertTag = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO articleTag(tag, sortDate, articleId, unread) VALUES(?, ?, ?, ?)
            """)
        deleteTags = try db.cachedStatement(sql: "DELETE FROM articleTag WHERE articleId = ?")
        insertSection = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO articleSection(path, sortDate, articleId, unread) VALUES(?, ?, ?, ?)
            """)
        deleteSections = try db.cachedStatement(sql: "DELETE FROM articleSection WHERE articleId = ?")
        insertFTS = try db.cachedStatement(sql: """
            INSERT INTO articleSearch(rowid, title, text, tags) VALUES(?, ?, ?, ?)
            """)
        deleteFTS = try db.cachedStatement(sql: """
            INSERT INTO articleSearch(articleSearch, rowid, title, text, tags) VALUES('delete', ?, ?, ?, ?)
            """)
    }

    func insert(_ item: EncodedArticle, firstSeen: Int64) throws {
        let a = item.article
        let sortDate = a.published.map(ArticleRecord.millis) ?? firstSeen
        try insertArticle.execute(arguments: [
            a.id, a.title, sortDate, a.published.map(ArticleRecord.millis),
            a.updated.map(ArticleRecord.millis), firstSeen, item.sectionKey, item.tagsJSON,
            a.author, a.link, a.source.kind.rawValue, a.source.location, a.source.name, a.guid,
            item.contentHash, a.read, a.bookmarkedAt.map(ArticleRecord.millis), a.readingPosition,
        ])
        let seq = db.lastInsertedRowID
        try insertBody.execute(arguments: [seq, a.summary, a.contentHTML, item.bodyJSON, a.text, item.enclosuresJSON])
        try insertMemberships(item, sortDate: sortDate, unread: !a.read)
        let fields = SearchText.indexFields(title: a.title, text: a.text, tags: item.tags)
        try insertFTS.execute(arguments: [seq, fields.title, fields.text, fields.tags])
    }

    func update(_ item: EncodedArticle, existing: Row) throws {
        let a = item.article
        let seq: Int64 = existing["seq"]
        let firstSeen: Int64 = existing["firstSeen"]
        let read: Bool = existing["read"]
        let sortDate = a.published.map(ArticleRecord.millis) ?? firstSeen

        // The contentless FTS table forgets a row only when given the exact old indexed values.
        let oldText = try String.fetchOne(oldSearchFields, arguments: [seq]) ?? ""
        let old = SearchText.indexFields(
            title: existing["title"], text: oldText,
            tags: ArticleRecord.decodeJSON([String].self, existing["tags"], default: []))
        try deleteFTS.execute(arguments: [seq, old.title, old.text, old.tags])

        try updateArticle.execute(arguments: [
            a.title, sortDate, a.published.map(ArticleRecord.millis), a.updated.map(ArticleRecord.millis),
            item.sectionKey, item.tagsJSON, a.author, a.link, a.source.kind.rawValue,
            a.source.location, a.source.name, a.guid, item.contentHash, seq,
        ])
        try updateBody.execute(arguments: [a.summary, a.contentHTML, item.bodyJSON, a.text, item.enclosuresJSON, seq])
        try deleteTags.execute(arguments: [a.id])
        try deleteSections.execute(arguments: [a.id])
        try insertMemberships(item, sortDate: sortDate, unread: !read)
        let fields = SearchText.indexFields(title: a.title, text: a.text, tags: item.tags)
        try insertFTS.execute(arguments: [seq, fields.title, fields.text, fields.tags])
    }

    private func insertMemberships(_ item: EncodedArticle, sortDate: Int64, unread: Bool) throws {
        for tag in item.tags {
            try insertTag.execute(arguments: [tag, sortDate, item.article.id, unread])
        }
        for key in ArticleRecord.ancestorKeys(item.article.section) {
            try insertSection.execute(arguments: [key, sortDate, item.article.id, unread])
        }
    }
}
