import GRDB

/// An article's summary, HTML and body (`BodyCodec` bytes) deflated as one stream, stored in
/// `articleBody.body`; the `summary` and `contentHTML` columns then hold an empty BLOB marker.
///
/// Feed bodies repeat the text of their HTML, and summaries its first paragraphs: in one
/// stream the repeats mostly become back-references (DEFLATE's 32 KB window), so the three
/// together take about 30 % less than compressing each alone, and about a quarter of their raw
/// size (measured on the benchmark corpus: 122 MB → 33 MB).
///
///     0x02, varint summary length + 1 (0 = none), varint HTML length + 1 (0 = none),
///     varint body length, raw DEFLATE of summary ++ HTML ++ body
struct ArticleBundle {
    static let version: UInt8 = 2
    /// Below this many bytes in all the parts are stored as they are.
    static let threshold = 256
    /// The marker left in `summary` / `contentHTML` when the value lives in the bundle.
    static let marker = BulkValue.blob([])

    var summary: String?
    var html: String?
    var body: [UInt8]

    /// The bundle's bytes, or nil when it is too small to be worth it (or zlib fails).
    func pack() -> [UInt8]? {
        let summaryBytes = summary.map { Array($0.utf8) }
        let htmlBytes = html.map { Array($0.utf8) }
        var plain: [UInt8] = []
        plain.reserveCapacity((summaryBytes?.count ?? 0) + (htmlBytes?.count ?? 0) + body.count)
        plain += summaryBytes ?? []
        plain += htmlBytes ?? []
        plain += body
        guard plain.count >= Self.threshold,
              let deflated = plain.withUnsafeBytes({
                  Deflate.compress($0, level: Self.level, dictionary: Self.dictionary)
              }) else { return nil }
        var out: [UInt8] = [Self.version]
        out.reserveCapacity(deflated.count + 16)
        BodyCodec.putVarint(&out, summaryBytes.map { UInt64($0.count) + 1 } ?? 0)
        BodyCodec.putVarint(&out, htmlBytes.map { UInt64($0.count) + 1 } ?? 0)
        BodyCodec.putVarint(&out, UInt64(body.count))
        out += deflated
        return out
    }

    /// zlib's level 5: within 1 % of level 9's size (measured on the benchmark corpus) at
    /// little more CPU than level 3, which is 5 % bigger.
    static let level: Int32 = 5

    /// Generic HTML that most bodies repeat, as zlib's preset dictionary: the first tags of each
    /// article then cost a few bytes instead of being spelled out (about 2 % smaller overall).
    /// Part of the format: changing it needs a new bundle version.
    static let dictionary = Array("""
        <p></p>
        <p><a href="https://www.</a> <strong></strong> <em></em> <code></code><ul><li></li></ul><ol><li></li></ol>\
        <blockquote><p></p></blockquote><pre><code></code></pre><figure><img src="https://" width="" height="" alt="" />\
        <figcaption></figcaption></figure><h2></h2><h3></h3><br />&amp;&quot;&lt;&gt; the and of to in is that for \
        with on as was at by from this
        """.utf8)

    /// The parts of a stored bundle; nil when the bytes are not a sound bundle.
    static func open(_ bytes: [UInt8]) -> ArticleBundle? {
        guard bytes.first == version else { return nil }
        var offset = 1
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count, shift < 64 {
                let b = bytes[offset]
                offset += 1
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        guard let s = varint(), let h = varint(), let b = varint() else { return nil }
        let summaryCount = s == 0 ? 0 : s - 1
        let htmlCount = h == 0 ? 0 : h - 1
        guard summaryCount <= 1 << 30, htmlCount <= 1 << 30, b <= 1 << 30 else { return nil }
        let total = Int(summaryCount + htmlCount + b)
        guard let plain = bytes.withUnsafeBytes({ raw in
            Deflate.decompress(UnsafeRawBufferPointer(rebasing: raw[offset...]), size: total, dictionary: dictionary)
        }) else { return nil }
        let htmlStart = Int(summaryCount)
        let bodyStart = htmlStart + Int(htmlCount)
        return ArticleBundle(
            summary: s == 0 ? nil : String(decoding: plain[..<htmlStart], as: UTF8.self),
            html: h == 0 ? nil : String(decoding: plain[htmlStart..<bodyStart], as: UTF8.self),
            body: Array(plain[bodyStart...]))
    }

    /// A `summary` / `contentHTML` column as stored: the text, nil, or the bundle marker.
    static func column(_ value: DatabaseValue, fromBundle part: @autoclosure () -> String?) -> String? {
        switch value.storage {
        case .string(let text): return text
        case .blob: return part()
        default: return nil
        }
    }
}
