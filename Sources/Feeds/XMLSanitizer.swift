import Foundation
import Markup
import NewsModel

/// Rewrites UTF-8 feed XML so libxml2 can parse it without DTDs or entity expansion:
/// - the DOCTYPE is removed (no external entities, no DTD fetch, no "billion laughs");
///   simple literal entities it declares are substituted, nested entity definitions refuse the document;
/// - HTML named entities (`&nbsp;`) become numeric references, unknown names and bare `&` become `&amp;`;
/// - numeric references to invalid characters (`&#0;`, `&#146;`) are repaired;
/// - control characters XML forbids are dropped.
/// CDATA sections, comments and processing instructions are copied as they are.
enum XMLSanitizer {
    static let maxDeclaredEntities = 64

    static func sanitize(_ input: [UInt8]) throws -> [UInt8] {
        var whole: [UInt8] = []
        whole.reserveCapacity(input.count + input.count / 32)
        try input.withUnsafeBufferPointer { buf in
            try sanitize(buf, piece: 1 << 20) { piece in
                whole.append(contentsOf: piece)
                return true
            }
        }
        return whole
    }

    /// The same, handed on in pieces of about `piece` bytes as they are ready (a streamed parse
    /// then never holds a sanitised copy of the whole document); `emit` returns false to stop.
    /// A long run that needs no change is handed on straight from `buf`, not copied.
    static func sanitize(_ buf: UnsafeBufferPointer<UInt8>, piece: Int = 65_536,
                         emit: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        var out: [UInt8] = []
        out.reserveCapacity(piece + piece / 4)
        /// Hands on what `out` holds; false when the receiver wants no more.
        func flush() throws -> Bool {
            defer { out.removeAll(keepingCapacity: true) }
            return try out.isEmpty || out.withUnsafeBufferPointer { try emit($0) }
        }
        var declared: [String: [UInt8]] = [:]
        // Declared entities may be substituted, but never grow the document much (quadratic blowup).
        var expansionBudget = max(1_000_000, buf.count)
        do {
            let n = buf.count
            var i = 0
            while i < n {
                // Everything before `i` is final: a piece may end here.
                if out.count >= piece, try !flush() { return }
                // Copy the plain run up to the next byte that may need attention, in one go.
                let runStart = i
                while i < n {
                    let c = buf[i]
                    if c == 0x26 || c == 0xEF || isForbiddenControl(c) { break }
                    if c == 0x3C && i + 1 < n && (buf[i + 1] == 0x21 || buf[i + 1] == 0x3F) { break }
                    i += 1
                }
                if i - runStart >= piece {
                    guard try flush(), try emit(UnsafeBufferPointer(rebasing: buf[runStart..<i])) else { return }
                } else if i > runStart {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<i]))
                }
                guard i < n else { break }
                let b = buf[i]
                if b == 0x3C /* <! or <? */ {
                    if match(buf, i, "<![CDATA[") {
                        let end = find(buf, from: i + 9, "]]>") ?? n
                        copyStrippingControls(buf, i, min(n, end + 3), into: &out)
                        i = min(n, end + 3)
                        continue
                    }
                    if match(buf, i, "<!--") {
                        guard let end = find(buf, from: i + 4, "-->") else {
                            // Never closed: it would swallow the rest of the document. Drop it up
                            // to the next tag (`<title>Foo <!-- x</title>` keeps the feed).
                            i = find(buf, from: i + 4, "<") ?? n
                            continue
                        }
                        copyStrippingControls(buf, i, end + 3, into: &out)
                        i = end + 3
                        continue
                    }
                    if match(buf, i, "<?xml") && i + 5 < n && isSpace(buf[i + 5]) {
                        // The XML declaration: libxml2 ends even a malformed one (`<?xml version="1.0">`)
                        // at its first `>`, so a scan to `?>` would hide a DOCTYPE behind it. Drop it:
                        // the bytes are UTF-8 by now and nothing else in it matters.
                        i = (find(buf, from: i + 5, ">") ?? n - 1) + 1
                        continue
                    }
                    if match(buf, i, "<?") {
                        let end = find(buf, from: i + 2, "?>") ?? n
                        copyStrippingControls(buf, i, min(n, end + 2), into: &out)
                        i = min(n, end + 2)
                        continue
                    }
                    if matchCaseInsensitive(buf, i, "<!DOCTYPE") {
                        let (end, entities) = try scanDoctype(buf, from: i)
                        declared.merge(entities) { a, _ in a }
                        i = end
                        continue
                    }
                    out.append(b)
                    i += 1
                } else if b == 0x26 /* & */ {
                    let before = out.count
                    let next = rewriteReference(buf, at: i, declared: declared, into: &out)
                    expansionBudget -= (out.count - before) - (next - i)
                    if expansionBudget < 0 { throw FeedParserError.entityExpansion }
                    i = next
                } else if b == 0xEF {
                    // U+FFFE / U+FFFF are not XML characters.
                    if i + 2 < n && buf[i + 1] == 0xBF && (buf[i + 2] == 0xBE || buf[i + 2] == 0xBF) {
                        i += 3
                    } else {
                        out.append(b)
                        i += 1
                    }
                } else {
                    i += 1  // a control character XML forbids
                }
            }
        }
        _ = try flush()
    }

    // MARK: References

    /// Handles the `&` at `i`; returns the index after what it consumed.
    private static func rewriteReference(_ buf: UnsafeBufferPointer<UInt8>, at i: Int,
                                         declared: [String: [UInt8]], into out: inout [UInt8]) -> Int {
        let n = buf.count
        var j = i + 1
        if j < n && buf[j] == 0x23 /* # */ {
            j += 1
            var hex = false
            if j < n && (buf[j] == 0x78 || buf[j] == 0x58) { hex = true; j += 1 }
            let start = j
            var value: UInt32 = 0
            var overflow = false
            while j < n, let digit = digitValue(buf[j], hex: hex) {
                if value > 0x10FFFF { overflow = true } else { value = value * (hex ? 16 : 10) + UInt32(digit) }
                j += 1
            }
            if j > start && j < n && buf[j] == 0x3B /* ; */ {
                appendCharacterReference(overflow ? 0xFFFD : value, into: &out)
                return j + 1
            }
            out.append(contentsOf: Array("&amp;".utf8))
            return i + 1
        }
        let start = j
        while j < n, j - start < 40, isNameByte(buf[j]) { j += 1 }
        guard j > start, j < n, buf[j] == 0x3B else {
            out.append(contentsOf: Array("&amp;".utf8))
            return i + 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<j]), as: UTF8.self)
        switch name {
        case "amp", "lt", "gt", "quot", "apos":
            out.append(contentsOf: buf[i...j])
        default:
            if let value = declared[name] {
                out.append(contentsOf: value)
            } else if let scalars = HTMLEntities.scalars(named: name) {
                for scalar in scalars { appendCharacterReference(scalar.value, into: &out) }
            } else {
                out.append(contentsOf: Array("&amp;".utf8))
                out.append(contentsOf: buf[start...j])
            }
        }
        return j + 1
    }

    /// C0 controls XML 1.0 forbids (all but tab, LF and CR).
    @inline(__always)
    private static func isForbiddenControl(_ b: UInt8) -> Bool {
        ControlCharacter.isC0(byte: b) && b != 0x09 && b != 0x0A && b != 0x0D
    }

    private static func appendCharacterReference(_ raw: UInt32, into out: inout [UInt8]) {
        var value = raw
        // Broken feeds write windows-1252 characters as C1 references (`&#146;`).
        if ControlCharacter.isC1(value) { value = C1Controls.scalar(for: value)?.value ?? 0xFFFD }
        let valid = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        if !valid { value = 0xFFFD }
        out.append(contentsOf: Array("&#x\(String(value, radix: 16));".utf8))
    }

    private static func digitValue(_ b: UInt8, hex: Bool) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x61...0x66 where hex: return b - 0x61 + 10
        case 0x41...0x46 where hex: return b - 0x41 + 10
        default: return nil
        }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b)
            || b == 0x5F || b == 0x2D || b == 0x2E || b == 0x3A || b >= 0x80
    }

    // MARK: DOCTYPE

    /// Skips a DOCTYPE (with its internal subset) and returns the simple literal entities it declares.
    private static func scanDoctype(_ buf: UnsafeBufferPointer<UInt8>, from i: Int) throws -> (Int, [String: [UInt8]]) {
        let n = buf.count
        var j = i + 9
        var quote: UInt8 = 0
        var subsetStart = -1, subsetEnd = -1
        while j < n {
            let b = buf[j]
            if quote != 0 { if b == quote { quote = 0 } }
            else if b == 0x22 || b == 0x27 { quote = b }
            else if b == 0x5B /* [ */ && subsetStart < 0 {
                subsetStart = j + 1
                // The internal subset ends at "]" followed by optional space and ">".
                var k = j + 1
                var q: UInt8 = 0
                while k < n {
                    let c = buf[k]
                    if q != 0 { if c == q { q = 0 } }
                    else if c == 0x22 || c == 0x27 { q = c }
                    else if c == 0x5D { break }
                    k += 1
                }
                subsetEnd = k
                j = k
            } else if b == 0x3E /* > */ {
                j += 1
                break
            }
            j += 1
        }
        guard subsetStart >= 0 else { return (min(j, n), [:]) }
        let subset = String(decoding: UnsafeBufferPointer(rebasing: buf[subsetStart..<min(subsetEnd, n)]), as: UTF8.self)
        return (min(j, n), try parseEntityDeclarations(subset))
    }

    /// `<!ENTITY name "value">` declarations; values referencing other entities (the
    /// "billion laughs" shape) refuse the document, parameter and external entities are ignored.
    static func parseEntityDeclarations(_ subset: String) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        var count = 0
        var rest = Substring(subset)
        while let range = rest.range(of: "<!ENTITY") {
            count += 1
            if count > maxDeclaredEntities { throw FeedParserError.entityExpansion }
            rest = rest[range.upperBound...]
            let decl = rest.prefix(while: { $0 != ">" })
            let parts = decl.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard parts.count == 2 else { continue }
            let name = String(parts[0])
            let tail = parts[1].trimmingCharacters(in: .whitespacesAndNewlines)
            // Parameter entities are never expanded; one built from others is an attack by shape.
            if name == "%" {
                if parts[1].contains("%") || parts[1].contains("&") { throw FeedParserError.entityExpansion }
                continue
            }
            guard let q = tail.first, q == "\"" || q == "'" else { continue }  // SYSTEM/PUBLIC: never resolved
            let value = tail.dropFirst().prefix(while: { $0 != q })
            if value.contains("&") || value.contains("%") { throw FeedParserError.entityExpansion }
            var escaped = ""
            for ch in value {
                switch ch {
                case "<": escaped += "&lt;"
                case "&": escaped += "&amp;"
                default: escaped.append(ch)
                }
            }
            result[name] = Array(escaped.utf8)
        }
        return result
    }

    // MARK: Byte helpers

    private static func copyStrippingControls(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int,
                                              into out: inout [UInt8]) {
        var runStart = from
        for k in from..<to {
            let b = buf[k]
            if isForbiddenControl(b) {
                if k > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<k])) }
                runStart = k + 1
            }
        }
        if to > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<to])) }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func match(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= buf.count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where buf[i + k] != p[k] { return false }
        return true
    }

    private static func matchCaseInsensitive(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= buf.count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where buf[i + k] | 0x20 != p[k] | 0x20 { return false }
        return true
    }

    private static func find(_ buf: UnsafeBufferPointer<UInt8>, from: Int, _ literal: StaticString) -> Int? {
        let count = literal.utf8CodeUnitCount
        let first = literal.utf8Start[0]
        var k = from
        while k + count <= buf.count {
            if buf[k] == first && match(buf, k, literal) { return k }
            k += 1
        }
        return nil
    }
}
