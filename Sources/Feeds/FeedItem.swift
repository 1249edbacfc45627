import Foundation
import Markup
import NewsModel

/// What every format parser extracts from one item/entry, before it becomes an `Article`.
struct FeedItem {
    var guid: String?
    var link: String?
    var title: String?
    /// Atom `type="html"` titles carry markup to strip.
    var titleIsHTML = false
    var author: String?
    var published: Date?
    var updated: Date?
    var contentHTML: String?
    var summaryHTML: String?
    /// A summary that is plain text already (Atom type="text", JSON Feed `summary`).
    var summaryText: String?
    var categories: [String] = []
    var enclosures: [Enclosure] = []
    var baseURL: URL?
}

/// Builds articles from feed items: stable ids, titles from text, tags, HTML → blocks.
struct ArticleAssembler {
    var feedLocation: String
    var feedName: String

    func article(from item: FeedItem) -> Article {
        let html = nonEmpty(item.contentHTML) ?? nonEmpty(item.summaryHTML)
            ?? item.summaryText.map(AtomParser.escapeAsParagraphs) ?? ""
        let body = html.isEmpty ? [] : HTMLConverter.blocks(fromHTML: html, baseURL: item.baseURL)
        let text = body.plainText
        var summary: String?
        if let summaryText = nonEmpty(item.summaryText) {
            summary = Self.collapseWhitespace(summaryText)
        } else if let summaryHTML = nonEmpty(item.summaryHTML), nonEmpty(item.contentHTML) != nil {
            summary = HTMLText.plainText(summaryHTML)
        } else if item.summaryText != nil || (item.summaryHTML != nil && nonEmpty(item.summaryHTML) == nil) {
            summary = ""  // an empty <description/> or <summary/> is "", not absent
        } else if !text.isEmpty {
            summary = Self.truncate(text, maxCharacters: 300)
        }
        var title = item.title.map { item.titleIsHTML ? HTMLText.plainText($0) : $0 }
            .map(Self.collapseWhitespace) ?? ""
        // The display title for entries without one; `hasOwnTitle` lets JSON say null.
        let hasOwnTitle = !title.isEmpty
        if title.isEmpty {
            title = Self.title(fromText: text) ?? item.link ?? "(untitled)"
        }
        let guid = nonEmpty(item.guid) ?? nonEmpty(item.link)
            ?? "hash:" + ArticleID.legacy(source: title, guid: html)
        var tags: [String] = []
        for raw in item.categories {
            let tag = Self.collapseWhitespace(raw)
            if !tag.isEmpty && !tags.contains(tag) { tags.append(tag) }
        }
        return Article(
            title: title, tags: tags, author: item.author.map(Self.collapseWhitespace).flatMap(nonEmpty),
            published: item.published ?? item.updated, updated: item.updated, link: item.link,
            source: ArticleSource(kind: .feed, location: feedLocation, name: feedName),
            guid: guid, summary: summary, contentHTML: html.isEmpty ? nil : html,
            body: body, text: text, enclosures: item.enclosures,
            feedGUID: item.guid.flatMap(nonEmpty), hasOwnTitle: hasOwnTitle)
    }

    static func collapseWhitespace(_ s: String) -> String {
        var input = s
        return input.withUTF8 { buf -> String in
            // Fast path: ASCII text with single inner spaces needs no work.
            var needsWork = false
            var previousSpace = true
            for byte in buf {
                if byte >= 0x80 || ControlCharacter.isC0(byte: byte) { needsWork = true; break }
                if byte == 0x20 {
                    if previousSpace { needsWork = true; break }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
            }
            if !needsWork && !previousSpace { return s }
            var out: [UInt8] = []
            out.reserveCapacity(buf.count)
            var pendingSpace = false
            var i = 0
            let n = buf.count
            while i < n {
                if i + 1 < n, ControlCharacter.isC1(lead: buf[i], next: buf[i + 1]) {
                    // A C1 control: its windows-1252 character (WHATWG), or nothing.
                    let mapped = C1Controls.utf8(secondByte: buf[i + 1])
                    i += 2
                    if mapped.isEmpty { continue }
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(contentsOf: mapped)
                    continue
                }
                let width = whitespaceWidth(buf, i)
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    i += width
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(buf[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Byte length of the Unicode whitespace character at `i` in UTF-8, or 0.
    private static func whitespaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || (0x09...0x0D).contains(c) { return 1 }
        if c < 0xC2 { return 0 }
        let n = b.count
        if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 { return 2 }
        guard i + 2 < n else { return 0 }
        let c1 = b[i + 1], c2 = b[i + 2]
        switch c {
        case 0xE1: return c1 == 0x9A && c2 == 0x80 ? 3 : 0
        case 0xE2:
            if c1 == 0x80 && ((0x80...0x8A).contains(c2) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) { return 3 }
            return c1 == 0x81 && c2 == 0x9F ? 3 : 0
        case 0xE3: return c1 == 0x80 && c2 == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// About the first ten words of the text, for items without a title.
    static func title(fromText text: String) -> String? {
        // Only the head matters; never split a whole long body into words.
        let words = text.prefix(400).split(whereSeparator: { $0.isWhitespace })
        guard !words.isEmpty else { return nil }
        let head = words.prefix(10).joined(separator: " ")
        let short = truncate(head, maxCharacters: 80)
        return words.count > 10 && short == head ? head + "…" : short
    }

    static func truncate(_ text: String, maxCharacters: Int) -> String {
        let flat = collapseWhitespace(String(text.prefix(maxCharacters * 2 + 1)))
        guard flat.count > maxCharacters else { return flat }
        let cut = flat.prefix(maxCharacters)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(atWord) + "…"
    }
}

func nonEmpty(_ s: String?) -> String? {
    guard let s else { return nil }
    // Stops at the first visible byte: bodies can be large.
    for byte in s.utf8 where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return s }
    return nil
}

/// Resolves `ref` against `base` (IRIs included); keeps `ref` when there is no base, drops
/// script and data links.
func resolveLink(_ ref: String?, base: URL?) -> String? {
    guard let raw = nonEmpty(ref) else { return nil }
    return LinkResolver.resolve(raw, against: base)
}
