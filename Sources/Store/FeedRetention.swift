import Foundation
import GRDB

/// How much of a feed's history the library keeps (config.toml `max-articles-per-feed`,
/// `max-article-age-days`). A feed that rotates its guids on every fetch would otherwise grow
/// the library forever.
///
/// Never pruned: bookmarked articles (nor do they count toward the limit), articles in the
/// feed's current document (a feed is never cut below what it serves), article files.
public struct FeedRetention: Sendable, Hashable {
    /// Most articles kept per feed, newest first; 0 = unlimited.
    public var maxArticles: Int
    /// Articles older than this many days (by their list date) go; 0 = off.
    public var maxAgeDays: Int

    public init(maxArticles: Int, maxAgeDays: Int) {
        self.maxArticles = max(0, maxArticles)
        self.maxAgeDays = max(0, maxAgeDays)
    }

    /// Keeps everything (what the store does unless told otherwise).
    public static let unlimited = FeedRetention(maxArticles: 0, maxAgeDays: 0)

    public var isUnlimited: Bool { maxArticles == 0 && maxAgeDays == 0 }

    /// Deletes what `update`'s feed holds beyond the limits, oldest first, inside the caller's
    /// transaction through the same delete path as removing a feed (search rows, tag and
    /// sidebar counts follow). Returns how many articles went.
    /// `beforeDeleting` runs first when there is something to delete (the upsert's queued
    /// search rows must be written before any of them is deleted).
    func prune(_ update: FeedUpdate, now: Int64, in db: Database, beforeDeleting: () throws -> Void = {}) throws -> Int {
        guard !isUnlimited else { return 0 }
        // Cheap common case: a feed within the count limit and no age limit (index-only count).
        if maxAgeDays == 0 {
            let stored = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE sourceLocation = ?",
                                          arguments: [update.url]) ?? 0
            if stored <= maxArticles { return 0 }
        }
        let current = Set(update.articles.map(\.article.id)).union(update.earlierIDs)
        let cutoff: Int64? = maxAgeDays > 0 ? now - Int64(maxAgeDays) * 86_400_000 : nil
        // The feed newest first (article_by_source). What it still serves stays and counts
        // toward the limit; the rest fill the room left, newest first.
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, sortDate FROM article
            WHERE sourceLocation = ? AND sourceKind = 'feed' AND bookmarkedAt IS NULL
            ORDER BY sortDate DESC, id DESC
            """, arguments: [update.url]).map { (id: $0["id"] as String, sortDate: $0["sortDate"] as Int64) }
        var room = maxArticles > 0 ? maxArticles - rows.count(where: { current.contains($0.id) }) : Int.max
        var doomed: [String] = []
        for row in rows where !current.contains(row.id) {
            if room <= 0 || (cutoff.map { row.sortDate < $0 } ?? false) {
                doomed.append(row.id)
            } else {
                room -= 1
            }
        }
        if doomed.isEmpty { return 0 }
        try beforeDeleting()
        try LibraryStore.deleteArticles(doomed, in: db)
        return doomed.count
    }
}
