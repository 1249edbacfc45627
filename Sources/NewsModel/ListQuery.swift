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
    /// Library search results for these words (the reader's virtual "Search: WORDS" list).
    case search(String)
}

/// The order a list is shown in. `relevance` is the search ranking (search lists only).
public enum ListOrder: String, Sendable, Hashable, CaseIterable {
    /// Newest first.
    case date
    /// A to Z (case-insensitive), then by id.
    case title
    /// By source name A to Z, newest first within a source.
    case source
    /// Best match first (library search lists).
    case relevance
}

/// Everything that decides which rows a list holds and in which order.
public struct ListQuery: Sendable, Hashable {
    public var filter: ArticleFilter
    public var order: ListOrder
    public var unreadOnly: Bool
    public init(filter: ArticleFilter = .all, order: ListOrder = .date, unreadOnly: Bool = false) {
        self.filter = filter
        self.order = order
        self.unreadOnly = unreadOnly
    }
}

/// Keyset position in a list. Date order is (sortDate DESC, id DESC); title and source orders
/// also carry the row's title or source name in `key`.
public struct PageCursor: Sendable, Hashable {
    public var sortDate: Date
    public var id: String
    public var key: String?
    public init(sortDate: Date, id: String, key: String? = nil) {
        self.sortDate = sortDate
        self.id = id
        self.key = key
    }
    public init(_ summary: ArticleSummary, order: ListOrder = .date) {
        let key: String?
        switch order {
        case .title: key = summary.title
        case .source: key = summary.sourceName
        case .date, .relevance: key = nil
        }
        self.init(sortDate: summary.sortDate, id: summary.id, key: key)
    }
}

public enum PageDirection: Sendable { case forward, backward }
