import Foundation

/// One subscribed feed as stored in the library.
public struct FeedSubscription: Sendable, Hashable, Codable {
    /// http(s) URL, or a file:// URL for local feeds (paths are stored as file URLs).
    public var url: String
    /// The user's title (`add --title`, OPML, newsboat `~Title`); overrides `feedTitle`.
    public var title: String?
    /// The title the feed gives itself, from the last successful refresh.
    public var feedTitle: String?
    public var tags: [String]
    public var hidden: Bool
    public var etag: String?
    public var lastModified: String?
    public var lastRefresh: Date?
    public var lastError: String?
    public var itemCount: Int

    public init(url: String, title: String? = nil, feedTitle: String? = nil, tags: [String] = [],
                hidden: Bool = false, etag: String? = nil, lastModified: String? = nil,
                lastRefresh: Date? = nil, lastError: String? = nil, itemCount: Int = 0) {
        self.url = url
        self.title = title
        self.feedTitle = feedTitle
        self.tags = tags
        self.hidden = hidden
        self.etag = etag
        self.lastModified = lastModified
        self.lastRefresh = lastRefresh
        self.lastError = lastError
        self.itemCount = itemCount
    }

    /// What lists show: the user's title, else the feed's, else the URL.
    public var displayTitle: String { title ?? feedTitle ?? url }
}
