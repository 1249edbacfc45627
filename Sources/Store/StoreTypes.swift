import Foundation
import NewsModel

public struct UpsertResult: Sendable, Hashable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Articles whose id is already taken by an article of another source: never moved over
    /// (a crafted or accidental id collision must not let one feed overwrite another's article).
    public var refused = 0
    /// The feed's older articles deleted by its retention limits (`FeedRetention`).
    public var pruned = 0
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
