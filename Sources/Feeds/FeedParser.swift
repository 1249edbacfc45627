import Foundation
import NewsModel

public enum FeedParserError: Error, CustomStringConvertible, Equatable {
    case notAFeed(String)
    case entityExpansion
    case invalidJSON(String)

    public var description: String {
        switch self {
        case .notAFeed(let why): return "not a feed: \(why)"
        case .entityExpansion: return "refused: the document declares nested entities (entity-expansion attack)"
        case .invalidJSON(let why): return "invalid JSON feed: \(why)"
        }
    }
}

public enum FeedFormat: String, Sendable, Codable {
    case rss, rdf, atom, jsonFeed = "json"
}

/// Parses RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1 into articles.
/// Liberal like the Universal Feed Parser: HTML entities, lying encodings, broken or truncated
/// XML and odd dates are all accepted; entity-expansion documents are refused.
public enum FeedParser {
    /// - Parameters:
    ///   - url: the feed's URL (identity of the source, base for relative links); for local
    ///     files a `file://` URL.
    ///   - httpContentType: the `Content-Type` header, for its charset.
    public static func parse(data: Data, url: URL?, httpContentType: String? = nil) throws -> ParsedDocument {
        let location = url?.absoluteString ?? ""
        if looksLikeJSON(data) {
            // One value at a time, items past the cap only counted (JSONFeedSalvage).
            let json = try JSONFeedParser.parse(data: data, feedURL: url, limit: ArticleLimits.maxItemsPerFeed)
            return assemble(info: json.info, items: json.items, url: url, location: location, warnings: json.warnings,
                            totalItems: json.totalItems)
        }
        let (info, items, warnings) = try parseXML(data: data, url: url, httpContentType: httpContentType)
        return assemble(info: info, items: items, url: url, location: location, warnings: warnings)
    }

    /// The items of an XML feed. A function of its own so the document tree (about ten times the
    /// feed's size) and the decoded copies are freed before the items become articles, not
    /// held through `assemble` (the peak of a big feed's parse).
    private static func parseXML(data: Data, url: URL?, httpContentType: String?) throws
        -> (FeedInfo, [FeedItem], [String]) {
        var warnings: [String] = []
        let tree: XMLTree
        do {
            let decoded = FeedEncoding.decode(data, httpContentType: httpContentType)
            warnings = decoded.warnings
            tree = try XMLTree(utf8: try XMLSanitizer.sanitize(decoded.utf8), url: url)
        }
        guard let root = tree.root else { throw FeedParserError.notAFeed("empty document") }
        let info: FeedInfo
        let items: [FeedItem]
        switch format(ofRoot: root) {
        case .rss?, .rdf?: (info, items) = RSSParser.parse(root: root, feedURL: url)
        case .atom?: (info, items) = AtomParser.parse(root: root, feedURL: url)
        case .jsonFeed?, nil: throw FeedParserError.notAFeed("root element <\(root.localName)>")
        }
        if !tree.wellFormed {
            warnings.append("not well-formed XML; kept the \(items.count) item(s) before the error")
        }
        return (info, items, warnings)
    }

    /// The feed format of a document, from its first bytes (XML root element or JSON Feed version).
    public static func sniff(data: Data) -> FeedFormat? {
        if looksLikeJSON(data) {
            return data.range(of: Data("jsonfeed.org/version".utf8)) != nil ? .jsonFeed : nil
        }
        let head = FeedEncoding.decode(data.prefix(65_536), httpContentType: nil).utf8
        guard let name = rootElementName(head) else { return nil }
        switch name.lowercased() {
        case "rss", "channel": return .rss
        case "rdf:rdf", "rdf": return .rdf
        case "feed": return .atom
        default:
            if name.hasSuffix(":feed") { return .atom }
            if name.hasSuffix(":RDF") { return .rdf }
            return nil
        }
    }

    static func format(ofRoot root: XMLElement) -> FeedFormat? {
        switch root.localName {
        case "rss", "channel": return .rss
        case "RDF": return .rdf
        case "feed": return .atom
        default: return nil
        }
    }

    /// `totalItems`: how many the document had when only some were built (JSON Feed).
    private static func assemble(info: FeedInfo, items: [FeedItem], url: URL?, location: String,
                                 warnings: [String], totalItems: Int? = nil) -> ParsedDocument {
        var info = info
        info.link = resolveLink(info.link, base: url)
        let name = info.title ?? url.map { $0.host ?? $0.lastPathComponent } ?? "feed"
        let assembler = ArticleAssembler(feedLocation: location, feedName: name)
        var seen = Set<String>()
        var articles: [Article] = []
        var warnings = warnings
        let limit = ArticleLimits.maxItemsPerFeed
        let total = max(items.count, totalItems ?? 0)
        if total > limit { warnings.append("kept the first \(limit) of \(total) items") }
        articles.reserveCapacity(min(items.count, limit))
        for item in items.prefix(limit) {
            let article = ArticleLimits.capped(assembler.article(from: item))
            if seen.insert(article.id).inserted { articles.append(article) }
        }
        return ParsedDocument(feed: info, articles: articles, warnings: warnings)
    }

    private static func looksLikeJSON(_ data: Data) -> Bool {
        for byte in data.prefix(1024) {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: continue
            case 0x7B: return true  // {
            default: return false
            }
        }
        return false
    }

    /// The first element name, skipping the XML declaration, comments, PIs and the DOCTYPE.
    private static func rootElementName(_ bytes: [UInt8]) -> String? {
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == 0x3C, i + 1 < n else { i += 1; continue }
            let next = bytes[i + 1]
            if next == 0x3F || next == 0x21 {  // <? or <!
                if i + 3 < n && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D {
                    // comment: skip to -->
                    var k = i + 4
                    while k + 2 < n && !(bytes[k] == 0x2D && bytes[k + 1] == 0x2D && bytes[k + 2] == 0x3E) { k += 1 }
                    i = k + 3
                } else {
                    var k = i + 2
                    var depth = 0
                    while k < n {
                        if bytes[k] == 0x5B { depth += 1 } else if bytes[k] == 0x5D { depth -= 1 }
                        else if bytes[k] == 0x3E && depth <= 0 { break }
                        k += 1
                    }
                    i = k + 1
                }
                continue
            }
            var k = i + 1
            while k < n, bytes[k] > 0x20, bytes[k] != 0x3E, bytes[k] != 0x2F { k += 1 }
            return String(decoding: bytes[(i + 1)..<k], as: UTF8.self)
        }
        return nil
    }
}
