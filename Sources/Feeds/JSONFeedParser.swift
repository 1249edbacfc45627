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

    /// What a JSON Feed document gives: the feed, its first `limit` items (built one at a
    /// time from `JSONFeedSalvage`, each item's parsed objects freed before the next), how many
    /// items it has in all, and warnings (salvaged damage).
    struct Document {
        var info: FeedInfo
        var items: [FeedItem]
        var totalItems: Int
        var warnings: [String]
    }

    static func parse(data: Data, feedURL: URL?, limit: Int) throws -> Document {
        let bytes = [UInt8](data)
        let (read, failure) = JSONFeedSalvage.salvage(bytes)
        guard let read else { throw FeedParserError.invalidJSON(failure) }
        var dict = read.object
        if read.itemsStart != nil { dict["items"] = [Any]() }  // for the sniff below; items come next
        guard isJSONFeed(dict) else { throw FeedParserError.notAFeed("JSON without a jsonfeed version") }
        var info = FeedInfo()
        info.title = string(dict["title"]).map(AtomParser.collapse)
        info.link = string(dict["home_page_url"])
        info.description = string(dict["description"])
        info.language = string(dict["language"])
        let base = string(dict["home_page_url"]).flatMap { LinkResolver.resolveURL($0, against: feedURL) } ?? feedURL
        let feedAuthor = authorName(dict)
        var items: [FeedItem] = []
        var skipped = (count: 0, first: 0)
        if let start = read.itemsStart {
            items.reserveCapacity(min(read.itemCount, limit))
            let result = JSONFeedSalvage.forEachItem(bytes, from: start, limit: limit) { value in
                if let entry = value as? [String: Any] {
                    items.append(item(entry, base: base, feedAuthor: feedAuthor))
                }
            }
            skipped = (result.skipped, result.firstSkipped)
        }
        var warnings = read.warnings
        let unparsable = skipped.count + read.emptyItems
        let first = [skipped.count > 0 ? skipped.first : nil, read.emptyItems > 0 ? read.firstEmptyItem : nil]
            .compactMap { $0 }.min() ?? 0
        if unparsable == 1 {
            warnings.append("skipped an unparsable item at byte \(first)")
        } else if unparsable > 1 {
            warnings.append("skipped \(unparsable) unparsable items, the first at byte \(first)")
        }
        if let stop = read.stop {
            warnings.append("\(stop); kept the \(items.count) complete item(s) before it")
        }
        return Document(info: info, items: items, totalItems: read.itemCount, warnings: warnings)
    }

    private static func item(_ entry: [String: Any], base: URL?, feedAuthor: String?) -> FeedItem {
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
        return item
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
