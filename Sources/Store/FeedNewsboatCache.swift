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

    /// Opens the cache read-only; deleted items are skipped. Loads everything: for big caches
    /// use `read(path:feeds:item:)`.
    public static func read(path: String) throws -> Contents {
        var contents = Contents(feeds: [], items: [])
        try read(path: path, feeds: { contents.feeds = $0 }, item: { contents.items.append($0) })
        return contents
    }

    /// Streams the cache: `feeds` gets every feed first, then `item` each non-deleted item in
    /// order, read with a cursor so memory stays flat. Errors thrown by the callbacks pass through.
    public static func read(path: String, feeds: ([Feed]) throws -> Void, item: (Item) throws -> Void) throws {
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
            try queue.read { db in
                guard try db.tableExists("rss_item"), try db.tableExists("rss_feed") else {
                    throw StoreError.other("\(expanded): not a newsboat cache (no rss_item/rss_feed tables)")
                }
                // A foreign file: SQLite columns are untyped, so every value is read as a
                // DatabaseValue and converted leniently (GRDB's typed row subscripts trap on a mismatch).
                let all = try Row.fetchAll(db, sql: "SELECT rssurl, url, title FROM rss_feed").map { row in
                    Feed(rssURL: text(row, "rssurl") ?? "", link: text(row, "url") ?? "", title: text(row, "title") ?? "")
                }
                do { try feeds(all) } catch { throw CallbackError(underlying: error) }
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT guid, title, author, url, feedurl, pubDate, content, unread, flags,
                           enclosure_url, enclosure_type, base
                    FROM rss_item WHERE deleted = 0 ORDER BY id
                    """)
                while let row = try rows.next() {
                    let next = Self.item(row)
                    do { try item(next) } catch { throw CallbackError(underlying: error) }
                }
            }
        } catch let error as CallbackError {
            throw error.underlying
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.other("\(expanded): cannot read newsboat cache (\(error))")
        }
    }

    /// Carries a callback's own error past the "cannot read newsboat cache" wrapping.
    private struct CallbackError: Error {
        var underlying: Error
    }

    /// Latest accepted publication time (about year 2200); later or non-positive values are junk.
    static let latestPubDate: Double = 7.3e9

    static func item(_ row: Row) -> Item {
        let published = number(row, "pubDate").flatMap { seconds -> Date? in
            seconds > 0 && seconds <= latestPubDate ? Date(timeIntervalSince1970: seconds) : nil
        }
        return Item(
            guid: text(row, "guid") ?? "", title: text(row, "title") ?? "", author: text(row, "author") ?? "",
            link: text(row, "url") ?? "", feedURL: text(row, "feedurl") ?? "", published: published,
            contentHTML: text(row, "content") ?? "", unread: (number(row, "unread") ?? 1) != 0,
            flags: text(row, "flags") ?? "", enclosureURL: text(row, "enclosure_url"),
            enclosureType: text(row, "enclosure_type"), base: text(row, "base") ?? "")
    }

    /// Any stored value as text (numbers printed, blobs decoded as UTF-8); NULL is nil.
    static func text(_ row: Row, _ column: String) -> String? {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .null: return nil
        case .int64(let n): return String(n)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        }
    }

    /// Any stored value as a finite number (numeric text accepted); otherwise nil.
    static func number(_ row: Row, _ column: String) -> Double? {
        let value: DatabaseValue = row[column]
        let number: Double?
        switch value.storage {
        case .int64(let n): number = Double(n)
        case .double(let d): number = d
        case .string(let s): number = Double(s.trimmingCharacters(in: .whitespaces))
        case .null, .blob: number = nil
        }
        return number.flatMap { $0.isFinite ? $0 : nil }
    }
}
