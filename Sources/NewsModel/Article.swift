import Foundation

/// Where an article came from.
public struct ArticleSource: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        case file, feed, demo
    }
    public var kind: Kind
    /// File path or feed URL (the identity of the source).
    public var location: String
    /// Human name shown in the list: feed title or file name.
    public var name: String

    public init(kind: Kind, location: String, name: String) {
        self.kind = kind
        self.location = location
        self.name = name
    }
}

public struct Enclosure: Sendable, Codable, Hashable {
    public var url: String
    public var type: String?
    public var length: Int?
    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}

/// The one article type used by every importer, the store and the UI.
public struct Article: Sendable, Codable, Hashable, Identifiable {
    /// Stable: derived from source location + guid (or path), so re-imports never duplicate.
    public var id: String
    public var title: String
    /// Breadcrumb, outermost first: ["SECURITY", "Cybersecurity"].
    public var section: [String]
    public var tags: [String]
    public var author: String?
    public var published: Date?
    public var updated: Date?
    public var link: String?
    public var source: ArticleSource
    /// Identity inside the source (feed guid, or the file path for files).
    public var guid: String
    public var summary: String?
    /// Original HTML content when the article came from HTML (feeds, .html files).
    public var contentHTML: String?
    public var body: [Block]
    /// Readable plain text, paragraphs separated by a blank line.
    public var text: String
    public var enclosures: [Enclosure]
    public var read: Bool
    /// When the bookmark was set; nil when not bookmarked.
    public var bookmarkedAt: Date?
    /// Index of the first visible block in the reading pane (survives reflow).
    public var readingPosition: Int
    /// The feed's own id for the entry as written (RSS guid, Atom id, rdf:about, JSON Feed id);
    /// nil for files and for entries without one. `guid` above may fall back to the link.
    public var feedGUID: String?
    /// False when the source gave no title and `title` was made up for display.
    public var hasOwnTitle: Bool

    public var isBookmarked: Bool { bookmarkedAt != nil }

    public init(
        id: String? = nil, title: String, section: [String] = [], tags: [String] = [],
        author: String? = nil, published: Date? = nil, updated: Date? = nil, link: String? = nil,
        source: ArticleSource, guid: String, summary: String? = nil, contentHTML: String? = nil,
        body: [Block], text: String? = nil, enclosures: [Enclosure] = [],
        read: Bool = false, bookmarkedAt: Date? = nil, readingPosition: Int = 0,
        feedGUID: String? = nil, hasOwnTitle: Bool = true
    ) {
        self.id = id ?? ArticleID.make(source: source.location, guid: guid)
        self.title = title
        self.section = section
        self.tags = tags
        self.author = author
        self.published = published
        self.updated = updated
        self.link = link
        self.source = source
        self.guid = guid
        self.summary = summary
        self.contentHTML = contentHTML
        self.body = body
        self.text = text ?? body.plainText
        self.enclosures = enclosures
        self.read = read
        self.bookmarkedAt = bookmarkedAt
        self.readingPosition = readingPosition
        self.feedGUID = feedGUID
        self.hasOwnTitle = hasOwnTitle
    }
}

/// What a list row needs: no body, so lists never load article bodies.
public struct ArticleSummary: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var published: Date?
    /// What lists sort by (newest first): published, else the time the article was first seen.
    public var sortDate: Date
    public var sourceName: String
    public var section: [String]
    public var read: Bool
    public var bookmarked: Bool

    public init(id: String, title: String, published: Date?, sortDate: Date, sourceName: String,
                section: [String], read: Bool, bookmarked: Bool) {
        self.id = id
        self.title = title
        self.published = published
        self.sortDate = sortDate
        self.sourceName = sourceName
        self.section = section
        self.read = read
        self.bookmarked = bookmarked
    }
}
