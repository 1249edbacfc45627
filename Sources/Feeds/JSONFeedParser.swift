import Foundation
import Markup
import NewsModel

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedParser {
    static func isJSONFeed(_ object: Any) -> Bool {
        guard let dict = object as? [String: Any] else { return false }
        if let version = dict["version"] as? String { return version.contains("jsonfeed") }
        return dict["items"] is [Any] && dict["title"] != nil
    }

    static func parse(object: Any, feedURL: URL?) throws -> (FeedInfo, [FeedItem]) {
        guard let dict = object as? [String: Any] else { throw FeedParserError.notAFeed("JSON is not an object") }
        var info = FeedInfo()
        info.title = string(dict["title"]).map(AtomParser.collapse)
        info.link = string(dict["home_page_url"])
        info.description = string(dict["description"])
        info.language = string(dict["language"])
        let base = string(dict["home_page_url"]).flatMap { LinkResolver.resolveURL($0, against: feedURL) } ?? feedURL
        let feedAuthor = authorName(dict)
        var items: [FeedItem] = []
        for case let entry as [String: Any] in (dict["items"] as? [Any]) ?? [] {
            var item = FeedItem()
            item.baseURL = base
            if let id = entry["id"] {
                // Ids may be numbers in the wild although the spec says string.
                item.guid = string(id) ?? (id as? NSNumber).map { $0.stringValue }
            }
            item.link = resolveLink(string(entry["url"]) ?? string(entry["external_url"]), base: base)
            item.title = string(entry["title"])
            if let html = string(entry["content_html"]) {
                item.contentHTML = html
            } else if let text = string(entry["content_text"]) {
                item.contentHTML = AtomParser.escapeAsParagraphs(text)
            }
            item.summaryText = string(entry["summary"])
            if let image = string(entry["image"]), let url = resolveLink(image, base: base) {
                item.enclosures.append(Enclosure(url: url, type: "image"))
            }
            item.published = string(entry["date_published"]).flatMap(FeedDate.parse)
            item.updated = string(entry["date_modified"]).flatMap(FeedDate.parse)
            item.author = authorName(entry) ?? feedAuthor
            item.categories = ((entry["tags"] as? [Any]) ?? []).compactMap { string($0) }
            for case let attachment as [String: Any] in (entry["attachments"] as? [Any]) ?? [] {
                guard let url = resolveLink(string(attachment["url"]), base: base) else { continue }
                item.enclosures.append(Enclosure(url: url, type: string(attachment["mime_type"]),
                                                 length: (attachment["size_in_bytes"] as? NSNumber)?.intValue))
            }
            items.append(item)
        }
        return (info, items)
    }

    /// 1.1 `authors: [{name}]`, 1.0 `author: {name}`.
    private static func authorName(_ dict: [String: Any]) -> String? {
        if let authors = dict["authors"] as? [[String: Any]] {
            let names = authors.compactMap { string($0["name"]) }
            if !names.isEmpty { return names.joined(separator: ", ") }
        }
        if let author = dict["author"] as? [String: Any] { return string(author["name"]) }
        return nil
    }

    private static func string(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        return nonEmpty(s)
    }
}
