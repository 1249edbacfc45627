import Foundation
import GRDB
import NewsModel

/// Conversions between NewsModel values and the columns of the library tables.
enum ArticleRecord {
    /// Separator of section components in stored section keys (ASCII unit separator).
    static let sectionSeparator = "\u{1F}"

    /// Milliseconds since 1970, clamped to Int64 (NaN gives 0): a wild date never traps.
    static func millis(_ date: Date) -> Int64 {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        if ms.isNaN { return 0 }
        if ms >= 9.2e18 { return Int64.max }
        if ms <= -9.2e18 { return Int64.min }
        return Int64(ms)
    }

    static func date(millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    static func sectionKey(_ path: [String]) -> String {
        path.joined(separator: sectionSeparator)
    }

    static func sectionPath(_ key: String) -> [String] {
        key.isEmpty ? [] : key.components(separatedBy: sectionSeparator)
    }

    /// "A", "A\u{1F}B", … for ["A", "B", …]: every section an article counts toward.
    static func ancestorKeys(_ path: [String]) -> [String] {
        let cleaned = path.filter { !$0.isEmpty }
        return cleaned.indices.map { sectionKey(Array(cleaned[...$0])) }
    }

    /// Tags without empties and without case-insensitive duplicates, first spelling kept.
    static func uniqueTags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for tag in tags {
            let trimmed = Self.isTrimmed(tag) ? tag : tag.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, seen.insert(trimmed.lowercased()).inserted else { continue }
            out.append(trimmed)
        }
        return out
    }

    /// True when `tag` starts and ends with a visible ASCII byte, so trimming would change
    /// nothing (Foundation's trimming bridges through NSString: ~2 % of a refresh).
    static func isTrimmed(_ tag: String) -> Bool {
        guard let first = tag.utf8.first, let last = tag.utf8.last else { return false }
        return ControlCharacter.isVisibleASCII(byte: first) && ControlCharacter.isVisibleASCII(byte: last)
    }

    /// Columns selected for an `ArticleSummary`, with table alias `a`.
    static let summaryColumns =
        "a.id, a.title, a.published, a.sortDate, a.sourceName, a.section, a.read, a.bookmarkedAt"

    /// Reads the `summaryColumns` by position (much cheaper than by name for long lists).
    static func summary(_ row: Row) -> ArticleSummary {
        let published: Int64? = row[2]
        let bookmarkedAt: Int64? = row[7]
        return ArticleSummary(
            id: row[0],
            title: row[1],
            published: published.map { date(millis: $0) },
            sortDate: date(millis: row[3]),
            sourceName: row[4],
            section: sectionPath(row[5]),
            read: row[6],
            bookmarked: bookmarkedAt != nil)
    }

    /// The same from a bulk statement's current row.
    static func summary(_ c: BulkStatement.Columns) -> ArticleSummary {
        ArticleSummary(
            id: c.text(0),
            title: c.text(1),
            published: c.optionalInt(2).map { date(millis: $0) },
            sortDate: date(millis: c.int(3)),
            sourceName: c.text(4),
            section: sectionPath(c.text(5)),
            read: c.int(6) != 0,
            bookmarked: c.optionalInt(7) != nil)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String?, default value: T) -> T {
        guard let text, let data = text.data(using: .utf8) else { return value }
        return (try? JSONDecoder().decode(type, from: data)) ?? value
    }

    /// A stored body: the binary `BodyCodec` form, or JSON text in rows written before it.
    static func body(_ value: DatabaseValue) -> [Block] {
        switch value.storage {
        case .blob(let data): return BodyCodec.decode(data) ?? []
        case .string(let text): return decodeJSON([Block].self, text, default: [])
        default: return []
        }
    }

    /// Feed items' `text` is exactly `body.plainText`; such rows store an empty BLOB in
    /// `articleBody.text` instead of the text a second time (a real empty text is TEXT '').
    static let derivedText = BulkValue.blob([])

    /// `text` and, only when the text is derived, `textBody` (the body to derive it from).
    static func storedTextColumns(_ alias: String) -> String {
        "\(alias).text, CASE WHEN typeof(\(alias).text) = 'blob' THEN \(alias).body END AS textBody"
    }

    /// The article text from a row with `storedTextColumns` (or `text` and `body`); `body`
    /// when the caller has decoded it already.
    static func text(_ row: Row, body decoded: [Block]? = nil) -> String {
        let value: DatabaseValue = row["text"]
        switch value.storage {
        case .string(let text): return text
        case .blob:
            if let decoded { return decoded.plainText }
            let stored: DatabaseValue = row.hasColumn("textBody") ? row["textBody"] : row["body"]
            return body(stored).plainText
        default: return ""
        }
    }

    /// A full article from a row of `article a JOIN articleBody b`.
    static func article(_ row: Row) -> Article {
        let stored: DatabaseValue = row["body"]
        // A bundle is inflated once for body, HTML and summary.
        var bundle: ArticleBundle?
        if case .blob(let data) = stored.storage, data.first == ArticleBundle.version {
            bundle = ArticleBundle.open(Array(data))
        }
        let blocks = bundle.map { BodyCodec.decode($0.body) ?? [] } ?? body(stored)
        let published: Int64? = row["published"]
        let updated: Int64? = row["updated"]
        let bookmarkedAt: Int64? = row["bookmarkedAt"]
        let kind = ArticleSource.Kind(rawValue: row["sourceKind"]) ?? .file
        return Article(
            id: row["id"],
            title: row["title"],
            section: sectionPath(row["section"]),
            tags: decodeJSON([String].self, row["tags"], default: []),
            author: row["author"],
            published: published.map { date(millis: $0) },
            updated: updated.map { date(millis: $0) },
            link: row["link"],
            source: ArticleSource(kind: kind, location: row["sourceLocation"], name: row["sourceName"]),
            guid: row["guid"],
            summary: ArticleBundle.column(row["summary"], fromBundle: bundle?.summary),
            contentHTML: ArticleBundle.column(row["contentHTML"], fromBundle: bundle?.html),
            body: blocks,
            text: text(row, body: blocks),
            enclosures: decodeJSON([Enclosure].self, row["enclosures"], default: []),
            read: row["read"],
            bookmarkedAt: bookmarkedAt.map { date(millis: $0) },
            readingPosition: row["readingPosition"],
            feedGUID: row["feedGuid"])
    }
}

/// The content of an article as stored, with the hash that tells whether a re-import changed it.
/// User state (read, bookmark, reading position) is deliberately not part of it.
///
/// The hash walks the values directly; the JSON of body and enclosures is only produced when a
/// row is actually written (`stored(_:)`), so re-importing unchanged files costs little.
struct EncodedArticle {
    var article: Article
    var tags: [String]
    var tagsJSON: String
    var sectionKey: String
    var contentHash: String

    init(_ article: Article) {
        self.article = article
        tags = ArticleRecord.uniqueTags(article.tags)
        // Small arrays are written by hand: a JSONEncoder call has a high fixed cost.
        tagsJSON = "[" + tags.map(JSONString.quoted).joined(separator: ",") + "]"
        sectionKey = ArticleRecord.sectionKey(article.section.filter { !$0.isEmpty })
        var hasher = ContentHasher()
        hasher.add(article.title)
        hasher.add(sectionKey)
        hasher.add(tagsJSON)
        hasher.add(article.author)
        hasher.add(article.published.map { String(ArticleRecord.millis($0)) })
        hasher.add(article.updated.map { String(ArticleRecord.millis($0)) })
        hasher.add(article.link)
        hasher.add(article.source.kind.rawValue)
        hasher.add(article.source.name)
        hasher.add(article.guid)
        hasher.add(article.summary)
        hasher.add(article.contentHTML)
        for block in article.body {
            switch block.kind {
            case .paragraph: hasher.add("p")
            case .heading(let level): hasher.add("h\(level)")
            case .listItem(let depth, let marker): hasher.add("li\(depth)"); hasher.add(marker)
            case .quote(let depth): hasher.add("q\(depth)")
            case .preformatted: hasher.add("pre")
            case .rule: hasher.add("hr")
            }
            for run in block.runs {
                hasher.add(run.text)
                hasher.add(String(run.emphasis.rawValue))
                hasher.add(run.link)
            }
            hasher.add("/")
        }
        hasher.add(article.text)
        for enclosure in article.enclosures {
            hasher.add(enclosure.url)
            hasher.add(enclosure.type)
            hasher.add(enclosure.length.map { String($0) })
        }
        contentHash = hasher.hex
    }
}

/// Two independent FNV-1a-64 lanes (128 bits): change detection, not security.
struct ContentHasher {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    mutating func add(_ value: String?) {
        guard let value else {
            mix(0xFE)
            return
        }
        mix(0xFD)
        var string = value
        // Over the contiguous UTF-8 (native strings need no copy): far cheaper than the view's iterator.
        string.withUTF8 { bytes in
            var a = self.a, b = self.b
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
                b = (b ^ UInt64(byte &+ 0x5B)) &* 0x100_0000_01b3
            }
            self.a = a
            self.b = b
        }
        mix(0xFF)
    }

    private mutating func mix(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
        b = (b ^ UInt64(byte &+ 0x5B)) &* 0x100_0000_01b3
    }

    var hex: String {
        func pad(_ v: UInt64) -> String {
            let h = String(v, radix: 16)
            return String(repeating: "0", count: 16 - h.count) + h
        }
        return pad(a) + pad(b)
    }
}
