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
        try parse(data: data, url: url, httpContentType: httpContentType, chunkSize: .max) { _ in }
    }

    /// Parses a feed, handing its articles to `onChunk` in pieces of `chunkSize` while an XML
    /// document is still being read, so a refresh holds a few items at a time, never a big feed's
    /// whole tree and all its articles. The returned document holds the feed's details, the
    /// warnings and the articles not yet handed on (the last piece).
    /// Articles handed on before the feed's title was read carry the name known then.
    public static func parse(data: Data, url: URL?, httpContentType: String? = nil, chunkSize: Int,
                             onChunk: @escaping ([Article]) -> Void) throws -> ParsedDocument {
        let location = url?.absoluteString ?? ""
        let chunker = ArticleChunker(location: location, chunkSize: chunkSize, onChunk: onChunk)
        if looksLikeJSON(data) {
            // One value at a time, items past the cap only counted (JSONFeedSalvage).
            let json = try JSONFeedParser.parse(data: data, feedURL: url, limit: ArticleLimits.maxItemsPerFeed)
            let name = json.info.title ?? defaultName(url)
            for item in json.items where chunker.admit() {
                chunker.add(item)
                if chunker.isFull { chunker.flush(feedName: name) }
            }
            chunker.countUnread(json.totalItems - json.items.count)
            return finish(info: json.info, chunker: chunker, url: url, warnings: json.warnings)
        }
        return try parseXML(data: data, url: url, httpContentType: httpContentType, chunker: chunker)
    }

    /// An XML feed, its items read as they close (`FeedItemStream`) and freed, so the tree holds
    /// one item; items the stream could not place are read from the tree afterwards.
    private static func parseXML(data: Data, url: URL?, httpContentType: String?,
                                 chunker: ArticleChunker) throws -> ParsedDocument {
        var warnings: [String] = []
        let stream = FeedItemStream()
        let fallbackName = defaultName(url)
        let itemClosed = { (element: XMLElement) in
            guard stream.isStreamedItem(element) else { return }
            if chunker.admit() {
                let isEntry = element.localName == "entry"
                chunker.add(isEntry ? AtomParser.entry(element, feedURL: url) : RSSParser.item(element, feedURL: url))
            }
            element.discardContent()
            if chunker.isFull, let root = element.tree.root {
                chunker.flush(feedName: Self.info(soFar: root, url: url)?.title ?? fallbackName)
            }
        }
        // Sanitised a piece at a time straight into libxml2; UTF-8 (nearly every feed) is read
        // where it lies, so the parse holds no copy of the document besides `data`.
        func parse(_ utf8: UnsafeBufferPointer<UInt8>) throws -> XMLTree {
            try XMLTree(url: url, elementClosed: itemClosed) { feed in try XMLSanitizer.sanitize(utf8, emit: feed) }
        }
        let tree = try data.withUnsafeBytes { raw in
            if FeedEncoding.isUTF8AsIs(raw, httpContentType: httpContentType) {
                return try parse(raw.assumingMemoryBound(to: UInt8.self))
            }
            let decoded = FeedEncoding.decode(data, httpContentType: httpContentType)
            warnings = decoded.warnings
            return try decoded.utf8.withUnsafeBufferPointer(parse)
        }
        guard let root = tree.root else { throw FeedParserError.notAFeed("empty document") }
        let info: FeedInfo
        let items: [FeedItem]
        switch format(ofRoot: root) {
        case .rss?, .rdf?: (info, items) = RSSParser.parse(root: root, feedURL: url)
        case .atom?: (info, items) = AtomParser.parse(root: root, feedURL: url)
        case .jsonFeed?, nil: throw FeedParserError.notAFeed("root element <\(root.localName)>")
        }
        for item in items where chunker.admit() { chunker.add(item) }
        if !tree.wellFormed {
            warnings.append("not well-formed XML; kept the \(chunker.itemCount) item(s) before the error")
        }
        return finish(info: info, chunker: chunker, url: url, warnings: warnings)
    }

    /// The feed's details from what has been parsed so far (nil for a root that is no feed).
    private static func info(soFar root: XMLElement, url: URL?) -> FeedInfo? {
        switch format(ofRoot: root) {
        case .rss?, .rdf?: return RSSParser.info(root: root)
        case .atom?: return AtomParser.info(root: root, feedURL: url)
        case .jsonFeed?, nil: return nil
        }
    }

    private static func defaultName(_ url: URL?) -> String {
        url.map { $0.host ?? $0.lastPathComponent } ?? "feed"
    }

    /// The source name a feed's articles carry: its title, else its URL's host or file name.
    public static func sourceName(feedTitle: String?, url: URL?) -> String {
        feedTitle ?? defaultName(url)
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

    private static func finish(info: FeedInfo, chunker: ArticleChunker, url: URL?, warnings: [String]) -> ParsedDocument {
        var info = info
        info.link = resolveLink(info.link, base: url)
        let articles = chunker.take(feedName: sourceName(feedTitle: info.title, url: url))
        var warnings = warnings
        if let capWarning = chunker.capWarning { warnings.append(capWarning) }
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
