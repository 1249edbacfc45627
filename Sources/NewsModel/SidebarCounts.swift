// What the sidebar shows: counted by the store, drawn by the reader.

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
