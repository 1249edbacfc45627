import Foundation

/// One subscription as read from (or written to) OPML or a newsboat `urls` file.
public struct SubscriptionEntry: Sendable, Hashable, Codable {
    public var url: String
    public var title: String?
    public var tags: [String]
    /// newsboat's `!`: subscribed but hidden from the feed list.
    public var hidden: Bool

    public init(url: String, title: String? = nil, tags: [String] = [], hidden: Bool = false) {
        self.url = url
        self.title = title
        self.tags = tags
        self.hidden = hidden
    }
}

/// What an import file yielded: subscriptions plus lines we understood but cannot honour.
public struct SubscriptionList: Sendable, Hashable {
    public var entries: [SubscriptionEntry]
    /// "line 7: query: feeds are not supported (query:Unread:unread = \"yes\")"
    public var unsupported: [String]

    public init(entries: [SubscriptionEntry], unsupported: [String] = []) {
        self.entries = entries
        self.unsupported = unsupported
    }
}
