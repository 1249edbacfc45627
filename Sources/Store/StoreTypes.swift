import Foundation
import NewsModel

/// Which articles a list shows.
public enum ArticleFilter: Sendable, Hashable {
    case all
    case unread
    case bookmarks
    /// Articles whose section path starts with this path.
    case section([String])
    case tag(String)
    /// Articles from one source (feed URL or file path).
    case source(String)
}

/// Keyset position in a list sorted by (sortDate DESC, id DESC).
public struct PageCursor: Sendable, Hashable {
    public var sortDate: Date
    public var id: String
    public init(sortDate: Date, id: String) {
        self.sortDate = sortDate
        self.id = id
    }
    public init(_ summary: ArticleSummary) { self.init(sortDate: summary.sortDate, id: summary.id) }
}

public enum PageDirection: Sendable { case forward, backward }

public struct CountedName: Sendable, Hashable {
    public var name: String
    public var total: Int
    public var unread: Int
    public init(name: String, total: Int, unread: Int) {
        self.name = name
        self.total = total
        self.unread = unread
    }
}

public struct SectionCount: Sendable, Hashable {
    public var path: [String]
    public var total: Int
    public var unread: Int
    public init(path: [String], total: Int, unread: Int) {
        self.path = path
        self.total = total
        self.unread = unread
    }
}

/// Everything the sidebar shows, computed without loading any body.
public struct SidebarCounts: Sendable, Hashable {
    public var total: Int
    public var unread: Int
    public var bookmarks: Int
    public var sections: [SectionCount]
    public var tags: [CountedName]
    /// Subscribed feeds (hidden ones left out), by title.
    public var feeds: [FeedCount]
    public init(total: Int = 0, unread: Int = 0, bookmarks: Int = 0, sections: [SectionCount] = [],
                tags: [CountedName] = [], feeds: [FeedCount] = []) {
        self.total = total
        self.unread = unread
        self.bookmarks = bookmarks
        self.sections = sections
        self.tags = tags
        self.feeds = feeds
    }
}

/// A feed row of the sidebar: its articles are `ArticleFilter.source(url)`.
public struct FeedCount: Sendable, Hashable {
    public var url: String
    public var title: String
    /// Items the feed had at its last successful refresh.
    public var items: Int
    /// The last refresh's error, nil when it worked.
    public var lastError: String?
    public init(url: String, title: String, items: Int, lastError: String? = nil) {
        self.url = url
        self.title = title
        self.items = items
        self.lastError = lastError
    }
}

public struct UpsertResult: Sendable, Hashable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Articles whose id is already taken by an article of another source: never moved over
    /// (a crafted or accidental id collision must not let one feed overwrite another's article).
    public var refused = 0
    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }
}

public struct SearchHit: Sendable, Hashable {
    public var article: ArticleSummary
    /// A short excerpt around the first match.
    public var snippet: String
    public init(article: ArticleSummary, snippet: String) {
        self.article = article
        self.snippet = snippet
    }
}

public enum StoreError: Error, CustomStringConvertible, Sendable {
    case notADatabase(path: String)
    /// An SQLite database that belongs to something else (a newsboat cache, another app).
    case foreignDatabase(path: String)
    case locked(path: String)
    case other(String)
    public var description: String {
        switch self {
        case .notADatabase(let path): return "\(path) is not a newsreader library (not an SQLite database)"
        case .foreignDatabase(let path):
            return "\(path) is an SQLite database of another program, not a newsreader library; left untouched"
        case .locked(let path): return "\(path) is locked by another newsreader (gave up waiting)"
        case .other(let message): return message
        }
    }
}

/// What a (possibly shortened) article id typed by a user refers to.
public enum IDResolution: Sendable, Hashable {
    case found(String)
    case notFound
    /// Several ids start with the prefix (up to a handful are listed).
    case ambiguous([String])
}

/// A bookmarked article as bookmark lists and exports need it: no body.
public struct BookmarkEntry: Sendable, Hashable {
    public var summary: ArticleSummary
    public var bookmarkedAt: Date
    public var link: String?
    public var tags: [String]
    public init(summary: ArticleSummary, bookmarkedAt: Date, link: String?, tags: [String]) {
        self.summary = summary
        self.bookmarkedAt = bookmarkedAt
        self.link = link
        self.tags = tags
    }
}
