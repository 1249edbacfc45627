import Foundation
import NewsModel

/// The compact binary form of an article body, stored as a BLOB in `articleBody.body`.
///
/// JSON of the Codable blocks was ~2× the text it carried and cost about a quarter of a feed
/// refresh's CPU to produce. This form is the text plus a few bytes per block and run:
///
///     version 0x01, varint blockCount,
///     per block: kind byte (0 paragraph, 1 heading+level, 2 listItem+depth+marker, 3 quote+depth,
///                4 preformatted, 5 rule), varint runCount,
///     per run:   emphasis byte, string text, varint (0 = no link, else length+1) + link bytes
///
/// Integers are zigzag varints; strings are a varint byte length and UTF-8. Rows written before
/// this format hold JSON text and are still read (`ArticleRecord.body`).
///
/// Large bodies are stored inside an `ArticleBundle` (first byte 0x02) together with the
/// article's HTML and summary, deflated as one stream; `decode` reads both forms.
enum BodyCodec {
    static let version: UInt8 = 1

    static func encode(_ blocks: [Block]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + blocks.reduce(0) { $0 + $1.runs.reduce(8) { $0 + $1.text.utf8.count + 4 } })
        out.append(version)
        putVarint(&out, UInt64(blocks.count))
        for block in blocks {
            switch block.kind {
            case .paragraph: out.append(0)
            case .heading(let level): out.append(1); putInt(&out, level)
            case .listItem(let depth, let marker): out.append(2); putInt(&out, depth); putString(&out, marker)
            case .quote(let depth): out.append(3); putInt(&out, depth)
            case .preformatted: out.append(4)
            case .rule: out.append(5)
            }
            putVarint(&out, UInt64(block.runs.count))
            for run in block.runs {
                out.append(run.emphasis.rawValue)
                putString(&out, run.text)
                if let link = run.link {
                    putVarint(&out, UInt64(link.utf8.count) + 1)
                    out.append(contentsOf: link.utf8)
                } else {
                    out.append(0)
                }
            }
        }
        return out
    }

    /// The blocks, or nil when the bytes are not a body in this format (truncated, unknown
    /// version or kind): the caller shows an empty body rather than crash.
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [Block]? {
        var plain = Array(bytes)
        if plain.first == ArticleBundle.version {
            guard let bundle = ArticleBundle.open(plain) else { return nil }
            plain = bundle.body
        }
        var reader = Reader(bytes: plain)
        guard reader.byte() == version, let count = reader.varint(), count <= UInt64(reader.remaining) else {
            return nil
        }
        var blocks: [Block] = []
        blocks.reserveCapacity(Int(count))
        for _ in 0..<count {
            let kind: Block.Kind
            switch reader.byte() {
            case 0: kind = .paragraph
            case 1: guard let level = reader.int() else { return nil }; kind = .heading(level: level)
            case 2:
                guard let depth = reader.int(), let marker = reader.string() else { return nil }
                kind = .listItem(depth: depth, marker: marker)
            case 3: guard let depth = reader.int() else { return nil }; kind = .quote(depth: depth)
            case 4: kind = .preformatted
            case 5: kind = .rule
            default: return nil
            }
            guard let runCount = reader.varint(), runCount <= UInt64(reader.remaining) else { return nil }
            var runs: [InlineRun] = []
            runs.reserveCapacity(Int(runCount))
            for _ in 0..<runCount {
                guard let emphasis = reader.byte(), let text = reader.string(),
                      let linkTag = reader.varint() else { return nil }
                var link: String?
                if linkTag > 0 {
                    guard let s = reader.string(length: linkTag - 1) else { return nil }
                    link = s
                }
                runs.append(InlineRun(text, emphasis: InlineRun.Emphasis(rawValue: emphasis), link: link))
            }
            blocks.append(Block(kind, runs))
        }
        return reader.remaining == 0 ? blocks : nil
    }

    static func putVarint(_ out: inout [UInt8], _ value: UInt64) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    private static func putInt(_ out: inout [UInt8], _ value: Int) {
        let v = Int64(value)
        putVarint(&out, UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    private static func putString(_ out: inout [UInt8], _ s: String) {
        putVarint(&out, UInt64(s.utf8.count))
        out.append(contentsOf: s.utf8)
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var remaining: Int { bytes.count - offset }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while shift < 64 {
                guard let b = byte() else { return nil }
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        mutating func int() -> Int? {
            guard let z = varint() else { return nil }
            let v = Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
            return Int(exactly: v)
        }

        mutating func string() -> String? {
            guard let length = varint() else { return nil }
            return string(length: length)
        }

        mutating func string(length: UInt64) -> String? {
            guard length <= UInt64(remaining) else { return nil }
            let end = offset + Int(length)
            defer { offset = end }
            return String(decoding: bytes[offset..<end], as: UTF8.self)
        }
    }
}
