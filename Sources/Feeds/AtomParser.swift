import Foundation
import NewsModel

/// Atom 1.0 and 0.3 (`<feed><entry>`): text/html/xhtml constructs, xml:base, relative links.
enum AtomParser {
    static let bare: Set<String> = [FeedNamespace.atom10, FeedNamespace.atom03]

    static func parse(root: XMLElement, feedURL: URL?) -> (FeedInfo, [FeedItem]) {
        (info(root: root, feedURL: feedURL), entries(root: root, feedURL: feedURL))
    }

    /// The entries still in the tree (those read while parsing are consumed).
    static func entries(root: XMLElement, feedURL: URL?) -> [FeedItem] {
        root.children.filter { !$0.isConsumed && $0.key(bare: bare) == "entry" }.map { entry($0, feedURL: feedURL) }
    }

    static func info(root: XMLElement, feedURL: URL?) -> FeedInfo {
        var info = FeedInfo()
        let rootBase = root.baseURL ?? feedURL
        var dc = DublinCore()
        for child in root.children {
            switch child.key(bare: bare) {
            case "title": info.title = nonEmpty(textConstruct(child).text)
            case "subtitle", "tagline": info.description = textConstruct(child).text
            case "dc:title", "dc:description", "dc:date", "dcterms:modified": dc.note(child)
            case "link":
                let rel = child.attribute("rel") ?? "alternate"
                if rel == "alternate", info.link == nil {
                    info.link = resolveLink(child.attribute("href"), base: child.baseURL ?? rootBase)
                }
            case "updated", "modified": info.updated = FeedDate.parse(child.text)
            default: break
            }
        }
        if let lang = root.attribute("lang") { info.language = nonEmpty(lang) }
        // Dublin Core fills in only what the Atom elements left missing.
        if info.title == nil { info.title = dc.title.map(collapse).flatMap(nonEmpty) }
        if info.description == nil { info.description = dc.description?.trimmingCharacters(in: .whitespacesAndNewlines) }
        if info.updated == nil { info.updated = dc.date }
        return info
    }

    static func entry(_ element: XMLElement, feedURL: URL?) -> FeedItem {
        var item = FeedItem()
        let base = element.baseURL ?? feedURL
        item.baseURL = base
        var dc = DublinCore()
        for child in element.children {
            switch child.key(bare: bare) {
            case "dc:title", "dc:description", "dc:date", "dcterms:modified": dc.note(child)
            case "id": item.guid = nonEmpty(child.text.trimmingCharacters(in: .whitespacesAndNewlines))
            case "title":
                let construct = textConstruct(child)
                item.title = construct.isHTML ? construct.markup : construct.plain
                item.titleIsHTML = construct.isHTML
            case "link":
                let rel = child.attribute("rel") ?? "alternate"
                let href = resolveLink(child.attribute("href"), base: child.baseURL ?? base)
                if rel == "alternate", item.link == nil {
                    item.link = href
                } else if rel == "enclosure", let href {
                    item.enclosures.append(Enclosure(url: href, type: child.attribute("type"),
                                                     length: child.attribute("length").flatMap { Int($0) }))
                }
            case "content":
                let construct = textConstruct(child)
                item.contentHTML = construct.markup
                if let contentBase = child.baseURL { item.baseURL = contentBase }
                if construct.markup.isEmpty, let src = resolveLink(child.attribute("src"), base: base), item.link == nil {
                    item.link = src
                }
            case "summary":
                let construct = textConstruct(child)
                if construct.isHTML { item.summaryHTML = construct.markup } else { item.summaryText = construct.plain }
            case "author":
                if item.author == nil {
                    item.author = child.children.first { $0.key(bare: bare) == "name" }
                        .map { collapse($0.text) }.flatMap(nonEmpty)
                }
            case "dc:creator":
                if item.author == nil { item.author = nonEmpty(child.text) }
            case "published", "issued", "created":
                if item.published == nil { item.published = FeedDate.parse(child.text) }
            case "updated", "modified":
                item.updated = FeedDate.parse(child.text)
            case "category":
                if let term = nonEmpty(child.attribute("label")) ?? nonEmpty(child.attribute("term")) ?? nonEmpty(child.text) {
                    item.categories.append(term.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            case "dc:subject":
                if let subject = nonEmpty(child.text) { item.categories.append(subject) }
            case "media:content", "media:group":
                let medias = child.key(bare: bare) == "media:group"
                    ? child.children.filter { $0.key(bare: bare) == "media:content" } : [child]
                for media in medias {
                    if let url = resolveLink(media.attribute("url"), base: base) {
                        item.enclosures.append(Enclosure(url: url, type: media.attribute("type"),
                                                         length: media.attribute("fileSize").flatMap { Int($0) }))
                    }
                }
            default: break
            }
        }
        if nonEmpty(item.title) == nil, let title = dc.title { item.title = title; item.titleIsHTML = false }
        if item.summaryHTML == nil, item.summaryText == nil { item.summaryText = dc.description }
        if item.updated == nil { item.updated = dc.date }
        return item
    }

    /// `dc:title`, `dc:description`, `dcterms:modified`/`dc:date`: the first of each, as fallbacks.
    private struct DublinCore {
        var title: String?, description: String?, date: Date?

        mutating func note(_ element: XMLElement) {
            switch element.key(bare: AtomParser.bare) {
            case "dc:title": if title == nil { title = element.text }
            case "dc:description": if description == nil { description = element.text }
            default: if date == nil { date = FeedDate.parse(element.text) }
            }
        }
    }

    struct TextConstruct {
        private var html: String?
        var plain: String
        var isHTML: Bool

        init(markup: String?, plain: String, isHTML: Bool) {
            html = markup
            self.plain = plain
            self.isHTML = isHTML
        }

        /// HTML for html/xhtml content; escaped text wrapped in paragraphs (made on demand) for text.
        var markup: String { html ?? AtomParser.escapeAsParagraphs(plain) }

        /// One line of plain text: markup (comments, scripts, `<blink>`) gone, spaces collapsed.
        var text: String { isHTML ? HTMLText.plainText(markup) : AtomParser.collapse(plain) }
    }

    /// Atom 1.0 `type` (text, html, xhtml, MIME types) and Atom 0.3 `mode` (xml, escaped, base64).
    static func textConstruct(_ element: XMLElement) -> TextConstruct {
        let type = (element.attribute("type") ?? "text").lowercased().trimmingCharacters(in: .whitespaces)
        let mode = element.attribute("mode")?.lowercased()
        // Atom 0.3 mode="base64"; Atom 1.0 (RFC 4287 §4.1.3.3): a media type that is neither
        // text/* nor XML means the content is base64.
        if mode == "base64" || (mode == nil && isBase64MediaType(type)) {
            let decoded = decodeBase64(element.text)
            let html = type.contains("html")
            return TextConstruct(markup: html ? decoded : escapeAsParagraphs(decoded), plain: decoded, isHTML: html)
        }
        if type == "xhtml" || type.contains("xhtml") || mode == "xml" || (element.hasElementChildren && type != "text") {
            let markup = xhtmlMarkup(element)
            return TextConstruct(markup: markup, plain: element.text, isHTML: true)
        }
        if type == "html" || type.hasPrefix("text/html") || mode == "escaped" {
            let text = element.text
            return TextConstruct(markup: text, plain: text, isHTML: true)
        }
        return TextConstruct(markup: nil, plain: element.text, isHTML: false)
    }

    static func isBase64MediaType(_ type: String) -> Bool {
        guard type.contains("/"), !type.hasPrefix("text/") else { return false }
        let essence = type.split(separator: ";").first.map(String.init) ?? type
        return !(essence.hasSuffix("/xml") || essence.hasSuffix("+xml") || essence.hasSuffix("-xml"))
    }

    /// Base64 text (whitespace and missing padding tolerated) → UTF-8 text; binary content
    /// (not UTF-8) is nothing a reader can show.
    static func decodeBase64(_ text: String) -> String {
        var compact = text.filter { !$0.isWhitespace }
        if compact.count % 4 != 0 { compact += String(repeating: "=", count: 4 - compact.count % 4) }
        guard let data = Data(base64Encoded: compact, options: .ignoreUnknownCharacters) else { return "" }
        return String(data: data, encoding: .utf8) ?? ""
    }

    /// The xhtml `<div>` wrapper's children (or the element's own children), without namespace prefixes.
    private static func xhtmlMarkup(_ element: XMLElement) -> String {
        let kids = element.children
        let container = kids.count == 1 && kids[0].localName == "div" ? kids[0] : element
        element.resolveLinks(base: element.baseURL)
        var markup = container.innerXML
        // Prefixed XHTML (`<h:p>`) would be unknown tags to the HTML parser.
        var prefixes = Set<String>()
        collectXHTMLPrefixes(container, into: &prefixes)
        for prefix in prefixes {
            markup = markup.replacingOccurrences(of: "<" + prefix + ":", with: "<")
                .replacingOccurrences(of: "</" + prefix + ":", with: "</")
        }
        return markup
    }

    private static func collectXHTMLPrefixes(_ element: XMLElement, into prefixes: inout Set<String>) {
        for child in element.children {
            if let prefix = child.prefix, child.namespaceURI == FeedNamespace.xhtml { prefixes.insert(prefix) }
            if prefixes.isEmpty && child.prefix == nil { continue }
            collectXHTMLPrefixes(child, into: &prefixes)
        }
    }

    static func escapeAsParagraphs(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        let paragraphs = escaped.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        return paragraphs.map { "<p>" + $0 + "</p>" }.joined(separator: "\n")
    }

    static func collapse(_ s: String) -> String { ArticleAssembler.collapseWhitespace(s) }
}
