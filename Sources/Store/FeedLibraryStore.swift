import Foundation
import GRDB
import NewsModel

/// Subscriptions: add/remove/list feeds, remember validators and errors, store fetched items.
extension LibraryStore {
    /// Adds a feed, or updates the title/tags/hidden of an existing one. Returns true when new.
    @discardableResult
    public func addFeed(url: String, title: String? = nil, tags: [String] = [], hidden: Bool = false) throws -> Bool {
        try write { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM feed WHERE url = ?", arguments: [url]) ?? false
            if exists {
                try db.execute(sql: """
                    UPDATE feed SET title = COALESCE(?, title), tags = ?, hidden = ? WHERE url = ?
                    """, arguments: [title, Self.tagsJSON(tags), hidden, url])
            } else {
                try db.execute(sql: """
                    INSERT INTO feed(url, title, tags, hidden, addedAt) VALUES(?, ?, ?, ?, ?)
                    """, arguments: [url, title, Self.tagsJSON(tags), hidden, ArticleRecord.millis(Date())])
            }
            return !exists
        }
    }

    /// Removes the subscription and its articles, except bookmarked ones. Returns false when unknown.
    @discardableResult
    public func removeFeed(url: String) throws -> Bool {
        // One transaction: a bookmark set between choosing and deleting would otherwise be lost.
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM feed WHERE url = ?", arguments: [url]) ?? false else {
                return false
            }
            let ids = try String.fetchAll(db, sql: """
                SELECT id FROM article WHERE sourceLocation = ? AND sourceKind = 'feed' AND bookmarkedAt IS NULL
                """, arguments: [url])
            try Self.deleteArticles(ids, in: db)
            try db.execute(sql: "DELETE FROM feed WHERE url = ?", arguments: [url])
            return true
        }
    }

    /// Bookmarks (now) the given articles not bookmarked yet, or clears them, in one transaction.
    public func setBookmarked(ids: [String], _ on: Bool, at date: Date = Date()) throws {
        guard !ids.isEmpty else { return }
        try write { db in
            let statement = on
                ? try db.cachedStatement(sql: "UPDATE article SET bookmarkedAt = ? WHERE id = ? AND bookmarkedAt IS NULL")
                : try db.cachedStatement(sql: "UPDATE article SET bookmarkedAt = NULL WHERE id = ?")
            for id in ids {
                try statement.execute(arguments: on ? [ArticleRecord.millis(date), id] : [id])
            }
        }
    }

    public func feeds() throws -> [FeedSubscription] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feed ORDER BY COALESCE(title, feedTitle, url) COLLATE NOCASE").map { row in
                FeedSubscription(
                    url: row["url"], title: row["title"], feedTitle: row["feedTitle"],
                    tags: Self.decodeTags(row["tags"]), hidden: row["hidden"], etag: row["etag"],
                    lastModified: row["lastModified"],
                    lastRefresh: (row["lastRefresh"] as Int64?).map { Date(timeIntervalSince1970: Double($0) / 1000) },
                    lastError: row["lastError"], itemCount: row["itemCount"])
            }
        }
    }

    public func feed(url: String) throws -> FeedSubscription? {
        try feeds().first { $0.url == url }
    }

    /// Records a failed refresh (the feed keeps its articles and validators).
    public func recordFeedError(url: String, _ message: String, at date: Date = Date()) throws {
        try write { db in
            try db.execute(sql: "UPDATE feed SET lastError = ?, lastRefresh = ? WHERE url = ?",
                           arguments: [message, ArticleRecord.millis(date), url])
        }
    }

    /// Records a 304 / unchanged file: no work, error cleared.
    public func recordFeedNotModified(url: String, at date: Date = Date()) throws {
        try write { db in
            try db.execute(sql: "UPDATE feed SET lastError = NULL, lastRefresh = ? WHERE url = ?",
                           arguments: [ArticleRecord.millis(date), url])
        }
    }

    /// Stores a refreshed feed's articles (feed tags added to each article's own tags) and its
    /// new validators and title.
    @discardableResult
    public func storeFeedArticles(url: String, feedTitle: String?, articles: [Article], etag: String?,
                                  lastModified: String?, at date: Date = Date()) throws -> UpsertResult {
        let subscription = try read { db in
            try Row.fetchOne(db, sql: "SELECT title, tags FROM feed WHERE url = ?", arguments: [url])
        }
        let update = FeedUpdate(url: url, feedTitle: feedTitle, articles: articles,
                                feedTags: Self.decodeTags(subscription?["tags"]), userTitle: subscription?["title"],
                                etag: etag, lastModified: lastModified)
        return try storeFeedUpdates([update], at: date)[0]
    }

    /// Stores several refreshed feeds in one transaction (the refresh writer batches feeds this
    /// way: one commit, one set of prepared statements for all of them). Results in input order.
    /// Each feed is then cut to `retention` in the same transaction (`UpsertResult.pruned`).
    public func storeFeedUpdates(_ updates: [FeedUpdate], retention: FeedRetention = .unlimited,
                                 at date: Date = Date()) throws -> [UpsertResult] {
        guard !updates.isEmpty else { return [] }
        let now = ArticleRecord.millis(date)
        return try write { db in
            try Self.bulkWrite(db, count: updates.reduce(0) { $0 + $1.count }) { writer in
                let finish = try db.cachedStatement(sql: """
                    UPDATE feed SET feedTitle = COALESCE(?, feedTitle), etag = ?, lastModified = ?, lastError = NULL,
                        lastRefresh = ?, itemCount = (SELECT COUNT(*) FROM article WHERE sourceLocation = ?)
                    WHERE url = ?
                    """)
                return try updates.map { update in
                    var result = try writer.upsert(update.articles, now: now)
                    // Earlier pieces of a big feed only add articles; the last one prunes and
                    // writes the feed's row.
                    if update.isFinal {
                        if let name = update.earlierSourceName {
                            let rename = try db.cachedStatement(sql: """
                                UPDATE article SET sourceName = ? WHERE id = ? AND sourceName != ?
                                """)
                            for id in update.earlierIDs { try rename.execute(arguments: [name, id, name]) }
                        }
                        result.pruned = try retention.prune(update, now: now, in: db, beforeDeleting: writer.flushSearch)
                        try finish.execute(arguments: [update.feedTitle, update.etag, update.lastModified, now,
                                                       update.url, update.url])
                    }
                    return result
                }
            }
        }
    }

    static func tagsJSON(_ tags: [String]) -> String {
        "[" + ArticleRecord.uniqueTags(tags).map(JSONString.quoted).joined(separator: ",") + "]"
    }

    static func decodeTags(_ json: String?) -> [String] {
        guard let json, let data = json.data(using: .utf8),
              let tags = try? JSONDecoder().decode([String].self, from: data) else { return [] }
        return tags
    }
}
