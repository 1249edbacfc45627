import Foundation
import Markup
import NewsModel

/// RSS 0.9x / 2.0 (`<rss><channel><item>`) and RSS 0.90 / 1.0 RDF (`<rdf:RDF><channel/><item/>`).
enum RSSParser {
    static let bare: Set<String> = [FeedNamespace.rss10, FeedNamespace.rss090]

    static func parse(root: XMLElement, feedURL: URL?) -> (FeedInfo, [FeedItem]) {
        (info(root: root), items(root: root, feedURL: feedURL))
    }

    static func info(root: XMLElement) -> FeedInfo {
        root.children.first { $0.key(bare: bare) == "channel" }.map(channelInfo) ?? FeedInfo()
    }

    /// The items still in the tree (those read while parsing are consumed).
    static func items(root: XMLElement, feedURL: URL?) -> [FeedItem] {
        var items: [FeedItem] = []
        let isRDF = root.key(bare: bare) == "rdf:RDF" || root.localName == "RDF"
        let channel = root.children.first { $0.key(bare: bare) == "channel" }
        // RSS 2.0 puts items inside the channel; RDF puts them beside it. Accept both.
        let itemParents = isRDF ? [root] + (channel.map { [$0] } ?? []) : (channel.map { [$0] } ?? []) + [root]
        for parent in itemParents {
            for element in parent.children where !element.isConsumed && element.key(bare: bare) == "item" {
                items.append(item(element, feedURL: feedURL))
            }
        }
        return items
    }

    /// Core RSS elements win; Dublin Core (RSS 1.0 modules) fills in only what is missing.
    private static func channelInfo(_ channel: XMLElement) -> FeedInfo {
        var info = FeedInfo()
        var dcTitle: String?, dcDescription: String?, coreDate: Date?, dcDate: Date?
        for child in channel.children {
            switch child.key(bare: bare) {
            case "title": info.title = plainText(child)
            case "dc:title": if dcTitle == nil { dcTitle = plainText(child) }
            case "link":
                if info.link == nil { info.link = nonEmpty(child.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            // Present but empty is "", not absent.
            case "description": info.description = plainText(child)
            case "dc:description": if dcDescription == nil { dcDescription = plainText(child) }
            case "language", "dc:language": info.language = nonEmpty(child.text.trimmingCharacters(in: .whitespaces))
            case "lastBuildDate", "pubDate":
                if coreDate == nil { coreDate = FeedDate.parse(child.text) }
            case "dcterms:modified", "dc:date":
                if dcDate == nil { dcDate = FeedDate.parse(child.text) }
            default: break
            }
        }
        info.title = nonEmpty(info.title) ?? nonEmpty(dcTitle)
        if info.description == nil { info.description = dcDescription }
        info.updated = coreDate ?? dcDate
        return info
    }

    static func item(_ element: XMLElement, feedURL: URL?) -> FeedItem {
        var item = FeedItem()
        let base = element.baseURL ?? feedURL
        item.baseURL = base
        if let about = element.attribute("about") { item.guid = nonEmpty(about) }
        var guidIsPermalink = false
        var guidText: String?
        var dcTitle: String?, dcDescription: String?, dcDate: Date?
        var contentBase: URL?, summaryBase: URL?  // xml:base on the element holding the HTML
        for child in element.children {
            switch child.key(bare: bare) {
            case "title": item.title = markup(of: child)
            case "dc:title": if dcTitle == nil { dcTitle = markup(of: child) }
            case "link":
                if item.link == nil { item.link = resolveLink(child.text, base: child.baseURL ?? base) }
            case "guid":
                guidText = nonEmpty(child.text.trimmingCharacters(in: .whitespacesAndNewlines))
                guidIsPermalink = (child.attribute("isPermaLink") ?? "true").lowercased() != "false"
            case "description":
                item.summaryHTML = markup(of: child)
                summaryBase = child.baseURL
            case "dc:description":
                if dcDescription == nil { dcDescription = markup(of: child) }
            case "content:encoded", "xhtml:body", "body":
                item.contentHTML = markup(of: child)
                contentBase = child.baseURL
            case "dc:creator", "author", "itunes:author", "dc:author":
                if item.author == nil { item.author = authorName(child.text) }
            case "pubDate":
                if let date = FeedDate.parse(child.text) { item.published = date }
            case "dc:date", "dcterms:issued", "dcterms:created":
                if dcDate == nil { dcDate = FeedDate.parse(child.text) }
            case "dcterms:modified", "atom:updated":
                item.updated = FeedDate.parse(child.text)
            case "category", "dc:subject":
                item.categories.append(contentsOf: categories(child))
            case "enclosure":
                if let url = resolveLink(child.attribute("url"), base: base) {
                    item.enclosures.append(Enclosure(url: url, type: child.attribute("type"),
                                                     length: child.attribute("length").flatMap { Int($0) }))
                }
            case "media:content":
                appendMedia(child, base: base, to: &item)
            case "media:group":
                for media in child.children where media.key(bare: bare) == "media:content" {
                    appendMedia(media, base: base, to: &item)
                }
            case "atom:link":
                if item.link == nil, (child.attribute("rel") ?? "alternate") == "alternate" {
                    item.link = resolveLink(child.attribute("href"), base: base)
                }
            default: break
            }
        }
        if nonEmpty(item.title) == nil, let dcTitle { item.title = dcTitle }
        // RSS titles are plain text by the spec, but escaped markup in them is common.
        item.titleIsHTML = item.title.map(HTMLText.looksLikeHTML) ?? false
        if item.summaryHTML == nil { item.summaryHTML = dcDescription }
        if item.published == nil { item.published = dcDate }
        if let base = nonEmpty(item.contentHTML) != nil ? contentBase : summaryBase { item.baseURL = base }
        if let guidText {
            item.guid = guidText
            // A permalink is a link like <link>: resolved, and refused when it would run script.
            if item.link == nil && guidIsPermalink && guidText.contains("://") {
                item.link = resolveLink(guidText, base: base)
            }
        }
        return item
    }

    /// One line of text from an element that may hold markup, escaped or not (comments,
    /// `<script>`, `<blink>` and event attributes never become text; element text stays).
    private static func plainText(_ element: XMLElement) -> String {
        let raw = markup(of: element)
        if element.hasElementChildren || HTMLText.looksLikeHTML(raw) { return HTMLText.plainText(raw) }
        return AtomParser.collapse(raw)
    }

    /// HTML left unescaped inside RSS elements comes through as child elements: keep it as markup.
    private static func markup(of element: XMLElement) -> String {
        guard element.hasElementChildren else { return element.text }
        element.resolveLinks(base: element.baseURL)
        return element.innerXML
    }

    /// "jane@example.com (Jane Doe)" → "Jane Doe".
    static func authorName(_ raw: String) -> String? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let open = s.firstIndex(of: "("), let close = s.lastIndex(of: ")"), open < close, s.contains("@") {
            let name = s[s.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return nonEmpty(s)
    }

    /// One `<category>` may hold a path ("a/b") or, for dc:subject, a comma list; keep whole values.
    private static func categories(_ element: XMLElement) -> [String] {
        let value = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? [] : [value]
    }

    private static func appendMedia(_ element: XMLElement, base: URL?, to item: inout FeedItem) {
        guard let url = resolveLink(element.attribute("url"), base: base),
              !item.enclosures.contains(where: { $0.url == url }) else { return }
        let type = element.attribute("type") ?? element.attribute("medium")
        item.enclosures.append(Enclosure(url: url, type: type,
                                         length: element.attribute("fileSize").flatMap { Int($0) }))
    }
}
