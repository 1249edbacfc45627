import Foundation
import GRDB
import NewsModel

extension LibraryStore {
    /// Sidebar counts read from the `counter` table, which triggers keep in step with every
    /// insert, delete, read and bookmark change: the cost is one small table scan whatever the
    /// library size. Sections come parents first ("A", "A > B", "A > C", "B"); tags by name.
    public func sidebar() throws -> SidebarCounts {
        try read { db in
            var counts = SidebarCounts()
            let rows = try Row.fetchAll(db, sql: """
                SELECT kind, key, total, unread FROM counter
                WHERE total > 0 OR kind IN ('all', 'bookmarks')
                ORDER BY kind, key COLLATE NOCASE, key
                """)
            for row in rows {
                let kind: String = row["kind"]
                let key: String = row["key"]
                let total: Int = row["total"]
                let unread: Int = row["unread"]
                switch kind {
                case "all":
                    counts.total = total
                    counts.unread = unread
                case "bookmarks":
                    counts.bookmarks = total
                case "section":
                    counts.sections.append(SectionCount(path: ArticleRecord.sectionPath(key), total: total, unread: unread))
                case "tag":
                    counts.tags.append(CountedName(name: key, total: total, unread: unread))
                default:
                    break
                }
            }
            // One row per subscription: a few hundred at most, read from the small feed table.
            counts.feeds = try Row.fetchAll(db, sql: """
                SELECT url, COALESCE(title, feedTitle, url) AS name, itemCount, lastError FROM feed
                WHERE hidden = 0 ORDER BY name COLLATE NOCASE, url
                """).map { row in
                    FeedCount(url: row["url"], title: row["name"], items: row["itemCount"], lastError: row["lastError"])
                }
            return counts
        }
    }

    /// The same numbers computed by aggregate queries over the membership tables (no counters).
    /// Used to check the counters and to compare costs; the app uses `sidebar()`.
    public func sidebarByAggregation() throws -> SidebarCounts {
        try read { db in
            var counts = SidebarCounts()
            counts.total = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
            counts.unread = try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE read = 0") ?? 0
            counts.bookmarks = try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE bookmarkedAt IS NOT NULL") ?? 0
            counts.sections = try Row.fetchAll(db, sql: """
                SELECT min(path) AS path, count(*) AS total, sum(unread) AS unread FROM articleSection
                GROUP BY path ORDER BY path COLLATE NOCASE, path
                """).map { SectionCount(path: ArticleRecord.sectionPath($0["path"]), total: $0["total"], unread: $0["unread"]) }
            counts.tags = try Row.fetchAll(db, sql: """
                SELECT min(tag) AS tag, count(*) AS total, sum(unread) AS unread FROM articleTag
                GROUP BY tag ORDER BY tag COLLATE NOCASE, tag
                """).map { CountedName(name: $0["tag"], total: $0["total"], unread: $0["unread"]) }
            return counts
        }
    }
}
