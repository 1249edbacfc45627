import Foundation

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
