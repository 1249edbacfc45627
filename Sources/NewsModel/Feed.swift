import Foundation

/// Feed-level metadata from a parsed feed document.
public struct FeedInfo: Sendable, Codable, Hashable {
    public var title: String?
    public var link: String?
    public var description: String?
    public var language: String?
    public var updated: Date?
    public init(title: String? = nil, link: String? = nil, description: String? = nil,
                language: String? = nil, updated: Date? = nil) {
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.updated = updated
    }
}

/// The result of parsing one file or feed document: `feed` is nil for article files.
public struct ParsedDocument: Sendable, Hashable {
    public var feed: FeedInfo?
    public var articles: [Article]
    /// Non-fatal problems worth telling the user ("invalid UTF-8 replaced at byte 120").
    public var warnings: [String]
    public init(feed: FeedInfo? = nil, articles: [Article], warnings: [String] = []) {
        self.feed = feed
        self.articles = articles
        self.warnings = warnings
    }
}
