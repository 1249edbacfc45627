import Foundation
import GRDB
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
    public init(total: Int = 0, unread: Int = 0, bookmarks: Int = 0, sections: [SectionCount] = [], tags: [CountedName] = []) {
        self.total = total
        self.unread = unread
        self.bookmarks = bookmarks
        self.sections = sections
        self.tags = tags
    }
}

public struct UpsertResult: Sendable, Hashable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
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
    case locked(path: String)
    case other(String)
    public var description: String {
        switch self {
        case .notADatabase(let path): return "\(path) is not a newsreader library (not an SQLite database)"
        case .locked(let path): return "\(path) is locked by another newsreader (gave up waiting)"
        case .other(let message): return message
        }
    }
}

/// The article library on SQLite. STUB: signatures are the contract; bodies are being built.
public final class LibraryStore: Sendable {
    public let path: String

    public init(path: String) throws {
        self.path = path
    }

    /// `$NEWSREADER_LIBRARY`, else `$XDG_DATA_HOME/newsreader/library.sqlite`,
    /// else `~/.local/share/newsreader/library.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["NEWSREADER_LIBRARY"], !p.isEmpty { return p }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() + "/.local/share")
        return base + "/newsreader/library.sqlite"
    }

    /// True once: when the library has never been seeded with the demo articles.
    public func needsDemo() throws -> Bool { false }
    public func markDemoSeeded() throws {}

    public func upsert(_ articles: [Article]) throws -> UpsertResult { UpsertResult() }
    public func page(_ filter: ArticleFilter, after cursor: PageCursor?, direction: PageDirection = .forward, limit: Int) throws -> [ArticleSummary] { [] }
    public func count(_ filter: ArticleFilter) throws -> Int { 0 }
    public func sidebar() throws -> SidebarCounts { SidebarCounts() }
    public func article(id: String) throws -> Article? { nil }
    public func setBookmarked(id: String, _ on: Bool) throws {}
    public func setRead(id: String, _ read: Bool) throws {}
    public func setReadingPosition(id: String, _ position: Int) throws {}
    public func search(_ query: String, filter: ArticleFilter = .all, limit: Int) throws -> [SearchHit] { [] }
    public func delete(ids: [String]) throws {}
}
