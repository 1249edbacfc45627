import CLibXML2
import Foundation
import Markup

/// A feed found for a web page: declared by a `<link rel="alternate">` or found by probing.
public struct DiscoveredFeed: Sendable, Hashable {
    public var url: URL
    /// The link's `title`, or the feed's own title when it was probed; nil when neither says.
    public var title: String?

    public init(url: URL, title: String?) {
        self.url = url
        self.title = title
    }
}

/// The feeds an HTML page declares: `<link rel="alternate" type="application/rss+xml" …>` and
/// friends, resolved against `<base href>` and the page's URL. Parsed with libxml2's HTML
/// parser (recovering, no network), so broken markup, entities and odd case all work.
public enum FeedLinkScanner {
    /// Link types that always mean a feed.
    static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
        "application/x-rss+xml", "application/x-atom+xml",
    ]

    private static let parserInitialized: Void = xmlInitParser()

    private static let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Feed links in `html`, in document order, without duplicates. A page fetched over
    /// http(s) may only point at http(s) feeds (never `file:` or `javascript:`); a local page
    /// may also point at local files.
    public static func feeds(inHTML html: Data, pageURL: URL, contentType: String? = nil) -> [DiscoveredFeed] {
        _ = parserInitialized
        guard !html.isEmpty, html.count < Int(Int32.max) else { return [] }
        // The one decoding front end: HTTP charset, BOM, <meta charset>, as for every HTML input.
        let utf8 = ByteDecoder.decode(html, contentType: contentType, kind: .html).utf8
        let document: htmlDocPtr? = utf8.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }

        var baseHref: String?
        var links: [(href: String, type: String, title: String?)] = []
        walk(document.pointee.children) { node, name in
            if name == "base", baseHref == nil, let href = HTMLNode.attribute(node, "href") {
                baseHref = href
            } else if name == "link", let rel = HTMLNode.attribute(node, "rel"), let href = HTMLNode.attribute(node, "href") {
                let tokens = rel.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
                guard tokens.contains("alternate") else { return }
                let type = (HTMLNode.attribute(node, "type") ?? "").split(separator: ";").first
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() } ?? ""
                links.append((href, type, HTMLNode.attribute(node, "title").map(collapse).flatMap { $0.isEmpty ? nil : $0 }))
            }
        }

        let base = baseHref.flatMap { resolve($0, against: pageURL) } ?? pageURL
        var seen = Set<String>()
        var result: [DiscoveredFeed] = []
        for link in links where isFeedType(link.type, title: link.title) {
            guard let url = resolve(link.href, against: base), allowed(url, from: pageURL),
                  seen.insert(url.absoluteString).inserted else { continue }
            result.append(DiscoveredFeed(url: url, title: link.title))
        }
        return result
    }

    /// `application/json` is also used for APIs (WordPress puts its REST API in a
    /// `rel="alternate"` link), so it counts only when the title says it is a feed.
    static func isFeedType(_ type: String, title: String?) -> Bool {
        if feedTypes.contains(type) { return true }
        guard type == "application/json", let title = title?.lowercased() else { return false }
        return ["feed", "rss", "atom"].contains { title.contains($0) }
    }

    /// True when the bytes look like an HTML page rather than a feed or something else:
    /// an HTML content type, or a document that starts with a doctype or an `<html>`/`<head>` tag.
    public static func looksLikeHTML(_ data: Data, contentType: String?) -> Bool {
        if let type = contentType?.lowercased(), type.contains("text/html") || type.contains("xhtml") { return true }
        let head = String(decoding: data.prefix(2048).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<head")
    }

    /// `href` made absolute; a URL with spaces or non-ASCII characters is percent-encoded first.
    static func resolve(_ href: String, against base: URL) -> URL? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let url = URL(string: trimmed, relativeTo: base) { return url.absoluteURL }
        var allowedCharacters = CharacterSet.urlQueryAllowed
        allowedCharacters.insert(charactersIn: "#%")
        guard let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: allowedCharacters) else { return nil }
        return URL(string: encoded, relativeTo: base)?.absoluteURL
    }

    static func allowed(_ url: URL, from page: URL) -> Bool {
        switch url.scheme?.lowercased() {
        case "http", "https": return url.host?.isEmpty == false
        case "file": return page.isFileURL
        default: return false
        }
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Every element from `first` on (its siblings and everything below), in document order,
    /// with its lowercase name. Iterative: a deeply nested page cannot exhaust the stack.
    private static func walk(_ first: xmlNodePtr?, _ visit: (xmlNodePtr, String) -> Void) {
        var resume: [xmlNodePtr] = []  // next siblings of the elements being descended into
        var current = first
        while let node = current ?? resume.popLast() {
            current = node.pointee.next
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            visit(node, node.pointee.name.map { String(cString: $0).lowercased() } ?? "")
            if let child = node.pointee.children {
                if let next = current { resume.append(next) }
                current = child
            }
        }
    }
}
