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
        return try upsert(prepared: PreparedArticle.prepareAll(articles))
    }

    /// The same for articles prepared beforehand (on other threads).
    @discardableResult
    public func upsert(prepared: [PreparedArticle]) throws -> UpsertResult {
        guard !prepared.isEmpty else { return UpsertResult() }
        let now = ArticleRecord.millis(Date())
        return try write { db in
            try Self.bulkWrite(db, count: prepared.count) { writer in try writer.upsert(prepared, now: now) }
        }
    }

    /// Runs `body` with the bulk statements inside the caller's transaction, with a cache big
    /// enough for the batch, and folds the FTS segments a big batch leaves.
    static func bulkWrite<T>(_ db: Database, count: Int, _ body: (UpsertStatements) throws -> T) throws -> T {
        // A large batch dirties many pages; if they do not fit the cache SQLite spills them
        // to the WAL mid-transaction and rewrites them again later.
        let big = count >= Self.ftsMergeThreshold
        if big { try db.execute(sql: "PRAGMA cache_size = -262144") }
        defer { if big { try? db.execute(sql: "PRAGMA cache_size = -\(Self.pageCacheKiB)") } }
        let writer = try UpsertStatements(db)
        let result = try body(writer)
        try writer.flushSearch()
        if writer.written >= Self.ftsMergeThreshold {
            // Fold the many small segments a big import leaves into fewer, bigger ones.
            try db.execute(sql: "INSERT INTO articleSearch(articleSearch, rank) VALUES('merge', 500)")
        }
        return result
    }

    /// Batches at least this large end with an FTS merge step.
    static let ftsMergeThreshold = 2_000

    /// Removes articles (and their tags, sections, bodies and search entries).
    public func delete(ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try write { db in try Self.deleteArticles(ids, in: db) }
    }

    /// Deletes articles (and their search rows) inside the caller's transaction: every search
    /// row first, then the articles (see `UpsertStatements.pendingSearch` for why not in turn).
    static func deleteArticles(_ ids: [String], in db: Database) throws {
            let lookup = try db.cachedStatement(sql: """
                SELECT a.seq, a.title, a.tags, \(ArticleRecord.storedTextColumns("b")) FROM article a
                LEFT JOIN articleBody b ON b.seq = a.seq WHERE a.id = ?
                """)
            let deleteFTS = try db.cachedStatement(sql: """
                INSERT INTO articleSearch(articleSearch, rowid, title, text, tags)
                VALUES('delete', ?, ?, ?, ?)
                """)
            let deleteArticle = try db.cachedStatement(sql: "DELETE FROM article WHERE seq = ?")
            var seqs: [Int64] = []
            seqs.reserveCapacity(ids.count)
            for id in ids {
                guard let row = try Row.fetchOne(lookup, arguments: [id]) else { continue }
                let seq: Int64 = row["seq"]
                let fields = SearchText.indexFields(
                    title: row["title"], text: ArticleRecord.text(row),
                    tags: ArticleRecord.decodeJSON([String].self, row["tags"], default: []))
                try deleteFTS.execute(arguments: [seq, fields.title, fields.text, fields.tags])
                seqs.append(seq)
            }
            for seq in seqs { try deleteArticle.execute(arguments: [seq]) }
    }
}

/// What the upsert needs to know about a stored article.
struct ExistingArticle {
    var seq: Int64
    var contentHash: String
    var firstSeen: Int64
    var read: Bool
    var title: String
    var tagsJSON: String
    var sourceKind: String
    var sourceLocation: String
}

/// The prepared statements of one upsert transaction, reused for every article in it.
final class UpsertStatements {
    let db: Database
    let lookup: BulkStatement
    let insertArticle: BulkStatement
    let updateArticle: BulkStatement
    let insertBody: BulkStatement
    let updateBody: BulkStatement
    let oldText: BulkStatement
    let insertTag: BulkStatement
    let deleteTags: BulkStatement
    let insertSection: BulkStatement
    let deleteSections: BulkStatement
    let insertFTS: BulkStatement
    let deleteFTS: BulkStatement
    /// Articles inserted or updated so far.
    private(set) var written = 0
    /// Search-index changes (old rows to forget, new rows to add), in order, written together by
    /// `flushSearch`. FTS5 writes its pending terms out as a new segment at every statement
    /// savepoint, and SQLite opens one for each statement that fires triggers (article, tag and
    /// section inserts): interleaved, every article became a segment of its own to merge, and
    /// the index cost 85 µs an article instead of ~30 (import of 10,000 files).
    private var pendingSearch: [(delete: Bool, seq: Int64, fields: SearchText.Fields)] = []

    init(_ db: Database) throws {
        self.db = db
        lookup = try BulkStatement(db, """
            SELECT seq, contentHash, firstSeen, read, title, tags, sourceKind, sourceLocation FROM article WHERE id = ?
            """)
        insertArticle = try BulkStatement(db, """
            INSERT INTO article(id, title, sortDate, published, updated, firstSeen, section, tags,
                author, link, sourceKind, sourceLocation, sourceName, guid, contentHash,
                read, bookmarkedAt, readingPosition, feedGuid)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        updateArticle = try BulkStatement(db, """
            UPDATE article SET title = ?, sortDate = ?, published = ?, updated = ?, section = ?,
                tags = ?, author = ?, link = ?, sourceKind = ?, sourceLocation = ?, sourceName = ?,
                guid = ?, contentHash = ?, feedGuid = ?
            WHERE seq = ?
            """)
        insertBody = try BulkStatement(db, """
            INSERT INTO articleBody(seq, summary, contentHTML, body, text, enclosures)
            VALUES(?, ?, ?, ?, ?, ?)
            """)
        updateBody = try BulkStatement(db, """
            UPDATE articleBody SET summary = ?, contentHTML = ?, body = ?, text = ?, enclosures = ?
            WHERE seq = ?
            """)
        oldText = try BulkStatement(db, "SELECT \(ArticleRecord.storedTextColumns("b")) FROM articleBody b WHERE seq = ?")
        insertTag = try BulkStatement(db, """
            INSERT OR IGNORE INTO articleTag(tag, sortDate, articleId, unread) VALUES(?, ?, ?, ?)
            """)
        deleteTags = try BulkStatement(db, "DELETE FROM articleTag WHERE articleId = ?")
        insertSection = try BulkStatement(db, """
            INSERT OR IGNORE INTO articleSection(path, sortDate, articleId, unread) VALUES(?, ?, ?, ?)
            """)
        deleteSections = try BulkStatement(db, "DELETE FROM articleSection WHERE articleId = ?")
        insertFTS = try BulkStatement(db, """
            INSERT INTO articleSearch(rowid, title, text, tags) VALUES(?, ?, ?, ?)
            """)
        deleteFTS = try BulkStatement(db, """
            INSERT INTO articleSearch(articleSearch, rowid, title, text, tags) VALUES('delete', ?, ?, ?, ?)
            """)
    }

    private static func ms(_ date: Date?) -> BulkValue { BulkValue(date.map(ArticleRecord.millis)) }

    /// Inserts the new, updates the changed, counts the unchanged.
    func upsert(_ items: [PreparedArticle], now: Int64) throws -> UpsertResult {
        var result = UpsertResult()
        for item in items {
            let existing = try lookup.first([.text(item.article.id)]) { c in
                ExistingArticle(seq: c.int(0), contentHash: c.text(1), firstSeen: c.int(2),
                                read: c.int(3) != 0, title: c.text(4), tagsJSON: c.text(5),
                                sourceKind: c.text(6), sourceLocation: c.text(7))
            }
            if let existing {
                if existing.sourceKind != item.article.source.kind.rawValue
                    || existing.sourceLocation != item.article.source.location {
                    result.refused += 1
                } else if existing.contentHash == item.encoded.contentHash {
                    result.unchanged += 1
                } else {
                    try update(item, existing: existing)
                    result.updated += 1
                }
            } else {
                try insert(item, firstSeen: now)
                result.inserted += 1
            }
        }
        written += result.inserted + result.updated
        return result
    }

    func insert(_ item: PreparedArticle, firstSeen: Int64) throws {
        let a = item.article
        let e = item.encoded
        let sortDate = a.published.map(ArticleRecord.millis) ?? firstSeen
        try insertArticle.execute([
            .text(a.id), .text(a.title), .int(sortDate), Self.ms(a.published), Self.ms(a.updated),
            .int(firstSeen), .text(e.sectionKey), .text(e.tagsJSON), BulkValue(a.author),
            BulkValue(a.link), .text(a.source.kind.rawValue), .text(a.source.location),
            .text(a.source.name), .text(a.guid), .text(e.contentHash), BulkValue(a.read),
            Self.ms(a.bookmarkedAt), .int(Int64(a.readingPosition)), BulkValue(a.feedGUID),
        ])
        let seq = db.lastInsertedRowID
        try insertBody.execute([.int(seq), item.summary, item.contentHTML, .blob(item.body), item.text,
                                .text(item.enclosures)])
        try insertMemberships(e, sortDate: sortDate, unread: !a.read)
        pendingSearch.append((false, seq, item.search))
    }

    func update(_ item: PreparedArticle, existing: ExistingArticle) throws {
        let a = item.article
        let e = item.encoded
        let seq = existing.seq
        let sortDate = a.published.map(ArticleRecord.millis) ?? existing.firstSeen

        // The contentless FTS table forgets a row only when given the exact old indexed values.
        let oldText = try oldText.first([.int(seq)]) { c in
            c.isBlob(0) ? (BodyCodec.decode(c.blob(1)) ?? []).plainText : c.text(0)
        } ?? ""
        let old = SearchText.indexFields(
            title: existing.title, text: oldText,
            tags: ArticleRecord.decodeJSON([String].self, existing.tagsJSON, default: []))
        pendingSearch.append((true, seq, old))

        try updateArticle.execute([
            .text(a.title), .int(sortDate), Self.ms(a.published), Self.ms(a.updated),
            .text(e.sectionKey), .text(e.tagsJSON), BulkValue(a.author), BulkValue(a.link),
            .text(a.source.kind.rawValue), .text(a.source.location), .text(a.source.name),
            .text(a.guid), .text(e.contentHash), BulkValue(a.feedGUID), .int(seq),
        ])
        try updateBody.execute([item.summary, item.contentHTML, .blob(item.body), item.text,
                                .text(item.enclosures), .int(seq)])
        try deleteTags.execute([.text(a.id)])
        try deleteSections.execute([.text(a.id)])
        try insertMemberships(e, sortDate: sortDate, unread: !existing.read)
        pendingSearch.append((false, seq, item.search))
    }

    /// Writes the queued search-index changes; before anything else reads or deletes search rows
    /// in the transaction, and at its end (`bulkWrite`).
    func flushSearch() throws {
        for change in pendingSearch {
            let f = change.fields
            try (change.delete ? deleteFTS : insertFTS).execute([.int(change.seq), .text(f.title), .text(f.text), .text(f.tags)])
        }
        pendingSearch.removeAll()
    }

    private func insertMemberships(_ item: EncodedArticle, sortDate: Int64, unread: Bool) throws {
        for tag in item.tags {
            try insertTag.execute([.text(tag), .int(sortDate), .text(item.article.id), BulkValue(unread)])
        }
        for key in ArticleRecord.ancestorKeys(item.article.section) {
            try insertSection.execute([.text(key), .int(sortDate), .text(item.article.id), BulkValue(unread)])
        }
    }
}
