import Foundation
import NewsModel

/// The `newsreader parse FILE --json` contract (issue 2), shared by article files and feeds:
///
///     {"feed": null | {"title","link","description","language","updated"},
///      "articles": [{"id","guid","title","link","author","published","updated","section","tags":[…],
///                    "summary","content_html","text","enclosures":[{"url","type","length"}]}]}
///
/// Every key is always present (absent values are `null`), keys are sorted, dates are ISO-8601
/// UTC strings (`2024-05-01T10:00:00Z`), `section` is the breadcrumb joined with ` > `.
/// `guid` is the feed's own entry id as written (null for files); `title` is null when the
/// source has none (the reader shows a made-up one, JSON does not).
public enum ParsedDocumentJSON {
    public struct Document: Codable, Hashable, Sendable {
        public var feed: Feed?
        public var articles: [ArticleJSON]

        public init(_ document: ParsedDocument) {
            feed = document.feed.map(Feed.init)
            articles = document.articles.map(ArticleJSON.init)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeOrNull(feed, forKey: .feed)
            try container.encode(articles, forKey: .articles)
        }
    }

    public struct Feed: Codable, Hashable, Sendable {
        public var title, link, description, language, updated: String?

        public init(_ feed: FeedInfo) {
            title = feed.title
            link = feed.link
            description = feed.description
            language = feed.language
            updated = feed.updated.map(ParsedDocumentJSON.isoString)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeOrNull(title, forKey: .title)
            try container.encodeOrNull(link, forKey: .link)
            try container.encodeOrNull(description, forKey: .description)
            try container.encodeOrNull(language, forKey: .language)
            try container.encodeOrNull(updated, forKey: .updated)
        }
    }

    public struct ArticleJSON: Codable, Hashable, Sendable {
        public var id: String
        public var guid: String?
        public var title: String?
        public var link, author, published, updated, section, summary, contentHTML: String?
        public var tags: [String]
        public var text: String
        public var enclosures: [EnclosureJSON]

        enum CodingKeys: String, CodingKey {
            case id, guid, title, link, author, published, updated, section, tags, summary
            case contentHTML = "content_html"
            case text, enclosures
        }

        public init(_ article: Article) {
            id = article.id
            guid = article.feedGUID
            title = article.hasOwnTitle ? article.title : nil
            link = article.link
            author = article.author
            published = article.published.map(ParsedDocumentJSON.isoString)
            updated = article.updated.map(ParsedDocumentJSON.isoString)
            section = article.section.isEmpty ? nil : article.section.joined(separator: " > ")
            tags = article.tags
            summary = article.summary
            contentHTML = article.contentHTML
            text = article.text
            enclosures = article.enclosures.map(EnclosureJSON.init)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encodeOrNull(guid, forKey: .guid)
            try container.encodeOrNull(title, forKey: .title)
            try container.encodeOrNull(link, forKey: .link)
            try container.encodeOrNull(author, forKey: .author)
            try container.encodeOrNull(published, forKey: .published)
            try container.encodeOrNull(updated, forKey: .updated)
            try container.encodeOrNull(section, forKey: .section)
            try container.encode(tags, forKey: .tags)
            try container.encodeOrNull(summary, forKey: .summary)
            try container.encodeOrNull(contentHTML, forKey: .contentHTML)
            try container.encode(text, forKey: .text)
            try container.encode(enclosures, forKey: .enclosures)
        }
    }

    public struct EnclosureJSON: Codable, Hashable, Sendable {
        public var url: String
        public var type: String?
        public var length: Int?

        public init(_ enclosure: Enclosure) {
            url = enclosure.url
            type = enclosure.type
            length = enclosure.length
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(url, forKey: .url)
            try container.encodeOrNull(type, forKey: .type)
            try container.encodeOrNull(length, forKey: .length)
        }
    }

    /// The JSON bytes (UTF-8, sorted keys, slashes unescaped; indented when `pretty`).
    public static func encode(_ document: ParsedDocument, pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Document(document))
    }

    /// The JSON as a String, for printing.
    public static func string(_ document: ParsedDocument, pretty: Bool = false) throws -> String {
        String(decoding: try encode(document, pretty: pretty), as: UTF8.self)
    }

    /// `2024-05-01T10:00:00Z`: UTC, whole seconds.
    public static func isoString(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current))
    }
}
