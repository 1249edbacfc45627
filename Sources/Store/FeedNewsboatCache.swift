import Foundation
import GRDB

/// Reads a newsboat `cache.db` (schema of newsboat 2.x): feeds and items with read state and flags.
public enum NewsboatCache {
    public struct Feed: Sendable, Hashable {
        public var rssURL: String
        public var link: String
        public var title: String
    }

    public struct Item: Sendable, Hashable {
        public var guid: String
        public var title: String
        public var author: String
        public var link: String
        public var feedURL: String
        public var published: Date?
        public var contentHTML: String
        public var unread: Bool
        /// newsboat's flags (letters); any flag counts as "flagged".
        public var flags: String
        public var enclosureURL: String?
        public var enclosureType: String?
        public var base: String

        public var isFlagged: Bool { !flags.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    public struct Contents: Sendable {
        public var feeds: [Feed]
        public var items: [Item]
    }

    /// Opens the cache read-only; deleted items are skipped.
    public static func read(path: String) throws -> Contents {
        let expanded = (path as NSString).expandingTildeInPath
        guard FileManager.default.fileExists(atPath: expanded) else {
            throw StoreError.other("\(expanded): no such newsboat cache")
        }
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: expanded, configuration: configuration) } catch {
            throw StoreError.other("\(expanded): cannot open as a newsboat cache (\(error))")
        }
        do {
            return try queue.read { db in
                guard try db.tableExists("rss_item"), try db.tableExists("rss_feed") else {
                    throw StoreError.other("\(expanded): not a newsboat cache (no rss_item/rss_feed tables)")
                }
                let feeds = try Row.fetchAll(db, sql: "SELECT rssurl, url, title FROM rss_feed").map { row in
                    Feed(rssURL: row["rssurl"] ?? "", link: row["url"] ?? "", title: row["title"] ?? "")
                }
                let items = try Row.fetchAll(db, sql: """
                    SELECT guid, title, author, url, feedurl, pubDate, content, unread, flags,
                           enclosure_url, enclosure_type, base
                    FROM rss_item WHERE deleted = 0 ORDER BY id
                    """).map { row -> Item in
                    let pub: Int64 = row["pubDate"] ?? 0
                    return Item(
                        guid: row["guid"] ?? "", title: row["title"] ?? "", author: row["author"] ?? "",
                        link: row["url"] ?? "", feedURL: row["feedurl"] ?? "",
                        published: pub > 0 ? Date(timeIntervalSince1970: TimeInterval(pub)) : nil,
                        contentHTML: row["content"] ?? "", unread: (row["unread"] as Int64? ?? 1) != 0,
                        flags: row["flags"] ?? "", enclosureURL: row["enclosure_url"],
                        enclosureType: row["enclosure_type"], base: row["base"] ?? "")
                }
                return Contents(feeds: feeds, items: items)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.other("\(expanded): cannot read newsboat cache (\(error))")
        }
    }
}
