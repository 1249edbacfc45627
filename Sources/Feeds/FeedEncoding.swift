import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns feed bytes in any common encoding into UTF-8 bytes, choosing the encoding from the
/// BOM, the HTTP charset and the XML declaration, and falling back sensibly when they lie.
enum FeedEncoding {
    struct Decoded {
        var utf8: [UInt8]
        var encoding: String
        var warnings: [String]
    }

    static func decode(_ data: Data, httpCharset: String?) -> Decoded {
        let bytes = [UInt8](data)
        // 1. A byte order mark decides.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8Lossy(Array(bytes.dropFirst(3)), label: "UTF-8")
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            return convert(bytes, from: "UTF-16BE").map { Decoded(utf8: $0.bytes, encoding: "UTF-16BE", warnings: $0.warnings) }
                ?? utf8Lossy(bytes, label: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            return convert(bytes, from: "UTF-16LE").map { Decoded(utf8: $0.bytes, encoding: "UTF-16LE", warnings: $0.warnings) }
                ?? utf8Lossy(bytes, label: "UTF-8")
        }
        // 2. Candidates: HTTP charset, then the declaration, then UTF-8.
        let declared = declaredEncoding(bytes)
        var candidates: [String] = []
        for name in [httpCharset, declared].compactMap({ $0 }).map(normalise) where !candidates.contains(name) {
            candidates.append(name)
        }
        let utf8State = validateUTF8(bytes)
        var warnings: [String] = []
        for name in candidates {
            if name == "UTF-8" {
                if utf8State.invalid == 0 { return Decoded(utf8: bytes, encoding: "UTF-8", warnings: []) }
                continue
            }
            if name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") {
                // Declared UTF-16 without a BOM is usually a lie: the bytes are ASCII-compatible.
                if utf8State.invalid == 0 { continue }
            }
            // A single-byte declaration over valid, non-ASCII UTF-8 is the classic lie.
            if isSingleByte(name), utf8State.invalid == 0, utf8State.multibyte > 0 {
                warnings.append("declared \(name) but the bytes are UTF-8; read as UTF-8")
                return Decoded(utf8: bytes, encoding: "UTF-8", warnings: warnings)
            }
            if let converted = convert(bytes, from: name), converted.errors == 0 {
                return Decoded(utf8: converted.bytes, encoding: name, warnings: warnings)
            }
            warnings.append("declared encoding \(name) does not match the bytes")
        }
        // 3. Fallbacks: mostly-valid UTF-8 keeps its text; otherwise windows-1252 (Latin-1 superset).
        if utf8State.invalid == 0 || utf8State.multibyte > utf8State.invalid {
            var result = utf8Lossy(bytes, label: "UTF-8")
            result.warnings = warnings + result.warnings
            return result
        }
        if let converted = convert(bytes, from: "WINDOWS-1252") {
            warnings.append("not valid UTF-8; read as windows-1252")
            return Decoded(utf8: converted.bytes, encoding: "WINDOWS-1252", warnings: warnings)
        }
        var result = utf8Lossy(bytes, label: "UTF-8")
        result.warnings = warnings + result.warnings
        return result
    }

    /// The `encoding="…"` of an XML declaration at the start of the bytes.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(512)
        guard let text = String(bytes: head.prefix(while: { $0 != 0x3E /* > */ }), encoding: .isoLatin1),
              text.hasPrefix("<?xml") else { return nil }
        guard let range = text.range(of: "encoding") else { return nil }
        var rest = text[range.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\t" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        let name = rest.prefix(while: { $0 != quote })
        return name.isEmpty ? nil : String(name)
    }

    /// Canonical iconv names; ISO-8859-1 and ASCII read as windows-1252 like browsers do.
    static func normalise(_ name: String) -> String {
        let upper = name.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'"))).uppercased()
        switch upper {
        case "UTF8", "UTF-8", "UNICODE-1-1-UTF-8": return "UTF-8"
        case "ISO-8859-1", "ISO8859-1", "LATIN1", "LATIN-1", "US-ASCII", "ASCII", "ISO_8859-1", "CP1252",
             "X-CP1252", "WINDOWS-1252":
            return "WINDOWS-1252"
        case "SHIFT-JIS", "X-SJIS", "SJIS", "SHIFT_JIS", "MS_KANJI", "CSSHIFTJIS": return "SHIFT_JIS"
        case "WINDOWS-31J", "CP932": return "CP932"
        case "EUC-JP", "EUCJP", "X-EUC-JP": return "EUC-JP"
        case "BIG5", "BIG-5", "X-X-BIG5", "CN-BIG5": return "BIG5"
        case "UTF-16", "UTF16": return "UTF-16"
        default:
            if upper.hasPrefix("CP125") { return "WINDOWS-125" + upper.dropFirst(5) }
            return upper
        }
    }

    static func isSingleByte(_ name: String) -> Bool {
        name.hasPrefix("ISO-8859") || name.hasPrefix("WINDOWS-125") || name.hasPrefix("KOI8")
            || name.hasPrefix("ISO8859") || name.hasPrefix("LATIN")
    }

    /// Counts valid multi-byte sequences and invalid bytes.
    static func validateUTF8(_ bytes: [UInt8]) -> (multibyte: Int, invalid: Int) {
        var multibyte = 0, invalid = 0
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                let length = sequenceLength(buf, i)
                if length > 0 { multibyte += 1; i += length } else { invalid += 1; i += 1 }
            }
        }
        return (multibyte, invalid)
    }

    /// Length of the valid UTF-8 sequence starting at `i` (a non-ASCII lead byte), or 0.
    private static func sequenceLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = buf[i], n = buf.count
        func cont(_ k: Int) -> Bool { i + k < n && buf[i + k] & 0xC0 == 0x80 }
        switch b {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0:
            return i + 2 < n && (0xA0...0xBF).contains(buf[i + 1]) && cont(2) ? 3 : 0
        case 0xED:
            return i + 2 < n && (0x80...0x9F).contains(buf[i + 1]) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xF0:
            return i + 3 < n && (0x90...0xBF).contains(buf[i + 1]) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return i + 3 < n && (0x80...0x8F).contains(buf[i + 1]) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// UTF-8 with each invalid byte replaced by U+FFFD.
    static func utf8Lossy(_ bytes: [UInt8], label: String) -> Decoded {
        let state = validateUTF8(bytes)
        if state.invalid == 0 { return Decoded(utf8: bytes, encoding: label, warnings: []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + state.invalid * 2)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                let b = buf[i]
                if b < 0x80 { out.append(b); i += 1; continue }
                let length = sequenceLength(buf, i)
                if length > 0 {
                    out.append(contentsOf: buf[i..<(i + length)]); i += length
                } else {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD]); i += 1
                }
            }
        }
        return Decoded(utf8: out, encoding: label,
                       warnings: ["\(state.invalid) invalid UTF-8 byte(s) replaced"])
    }

    /// iconv conversion to UTF-8; undecodable bytes become U+FFFD and are counted.
    static func convert(_ bytes: [UInt8], from encoding: String) -> (bytes: [UInt8], errors: Int, warnings: [String])? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var out = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var errors = 0
        var input = bytes
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                while inLeft > 0 {
                    let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if result != -1 { break }
                    if errno == EILSEQ || errno == EINVAL {
                        // Skip one bad byte, emit U+FFFD.
                        errors += 1
                        inPtr = inPtr.map { $0 + 1 }
                        inLeft -= 1
                        if outLeft >= 3, let p = outPtr {
                            p[0] = CChar(bitPattern: 0xEF); p[1] = CChar(bitPattern: 0xBF); p[2] = CChar(bitPattern: 0xBD)
                            outPtr = p + 3
                            outLeft -= 3
                        }
                    } else {
                        break
                    }
                }
                return outBuf.count - outLeft
            }
        }
        out.removeSubrange(produced...)
        // Drop a BOM produced by UTF-16 input.
        if out.starts(with: [0xEF, 0xBB, 0xBF]) { out.removeFirst(3) }
        return (out, errors, errors > 0 ? ["\(errors) undecodable byte(s) in \(encoding) replaced"] : [])
    }
}
