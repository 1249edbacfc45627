import Foundation
import NewsModel
@testable import Feeds

/// One item written in every feed format, for tests that must hold in each of them.
enum FeedShape: String, CaseIterable, CustomStringConvertible {
    case rss091, rss20, rdf, atom03, atom10, jsonFeed

    var description: String { rawValue }

    static let xmlShapes: [FeedShape] = [.rss091, .rss20, .rdf, .atom03, .atom10]

    /// XML-escaped text.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A feed with one item whose body is `html` (escaped as the format wants) and whose title is
    /// `title` written as raw element content (callers escape it when they mean to).
    func document(title: String = "Item", html: String, id: String = "urn:item:1",
                  declaration: String = #"<?xml version="1.0" encoding="utf-8"?>"#) -> String {
        let body = Self.escape(html)
        switch self {
        case .rss091:
            return declaration + #"<rss version="0.91"><channel><title>F</title><link>http://example.com/</link>"#
                + "<item><title>\(title)</title><link>http://example.com/1</link><description>\(body)</description></item></channel></rss>"
        case .rss20:
            return declaration + #"<rss version="2.0"><channel><title>F</title><link>http://example.com/</link>"#
                + "<item><title>\(title)</title><guid isPermaLink=\"false\">\(id)</guid><description>\(body)</description></item></channel></rss>"
        case .rdf:
            return declaration + #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:content="http://purl.org/rss/1.0/modules/content/">"#
                + #"<channel rdf:about="http://example.com/"><title>F</title><link>http://example.com/</link></channel>"#
                + "<item rdf:about=\"\(id)\"><title>\(title)</title><link>http://example.com/1</link><content:encoded>\(body)</content:encoded></item></rdf:RDF>"
        case .atom03:
            return declaration + #"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>F</title>"#
                + "<entry><title>\(title)</title><id>\(id)</id><content type=\"text/html\" mode=\"escaped\">\(body)</content></entry></feed>"
        case .atom10:
            return declaration + #"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>urn:feed</id>"#
                + "<entry><title>\(title)</title><id>\(id)</id><content type=\"html\">\(body)</content></entry></feed>"
        case .jsonFeed:
            let object: [String: Any] = [
                "version": "https://jsonfeed.org/version/1.1", "title": "F",
                "items": [["id": id, "title": title, "content_html": html]],
            ]
            let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    func parse(title: String = "Item", html: String, id: String = "urn:item:1",
               url: String = "http://example.com/feed") throws -> ParsedDocument {
        try FeedParser.parse(data: Data(document(title: title, html: html, id: id).utf8), url: URL(string: url))
    }
}
