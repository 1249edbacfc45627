import Foundation

/// The one decoding front end for XML (feeds, OPML) and HTML: bytes in whatever encoding the
/// document is in → UTF-8 bytes.
///
/// The encoding is chosen in the order of RFC 7303 §3 and XML 1.0 Appendix F:
/// 1. a byte order mark (UTF-8, UTF-16 BE/LE, UTF-32 BE/LE);
/// 2. the HTTP `charset` of an XML media type (`*/xml`, `*/*+xml`); for HTML, any media type;
/// 3. the XML declaration's `encoding` (found in ASCII, UTF-16/32 or EBCDIC bytes, Appendix F),
///    or for HTML a `<meta charset>`; then the HTTP charset of a non-XML media type;
/// 4. UTF-8.
/// A candidate is skipped when it cannot be right (UTF-16 declared over ASCII-compatible bytes,
/// an EBCDIC label read in ASCII) or when its decoding fails; a single-byte label over bytes
/// that are valid, non-ASCII UTF-8 is the classic lie and reads as UTF-8. When everything
/// fails, mostly-valid UTF-8 keeps its text and anything else reads as windows-1252.
public enum ByteDecoder {
    public struct Decoded: Sendable {
        public var utf8: [UInt8]
        /// The decoder used (iconv name).
        public var encoding: String
        public var warnings: [String]
    }

    public enum Kind: Sendable { case xml, html }

    /// What the first four bytes say about the encoding family (Appendix F).
    enum Family: Equatable { case asciiCompatible, utf16BE, utf16LE, utf32BE, utf32LE, ebcdic }

    public static func decode(_ data: Data, contentType: String? = nil, kind: Kind = .xml) -> Decoded {
        decode([UInt8](data), contentType: contentType, kind: kind)
    }

    /// True when `decode` would return these bytes as they are: no byte order mark, an
    /// ASCII-compatible start, valid UTF-8, and neither `contentType` nor the document naming
    /// another encoding (nearly every feed). The caller can then read them in place, uncopied.
    public static func isUTF8AsIs(_ bytes: UnsafeRawBufferPointer, contentType: String? = nil, kind: Kind = .xml) -> Bool {
        let head = Array(bytes.prefix(1024))
        guard byteOrderMark(head) == nil, family(head) == .asciiCompatible else { return false }
        let http = contentType.flatMap(charset(fromContentType:)).flatMap(CharsetLabel.resolve)
        let declared = declaration(head, family: .asciiCompatible, kind: kind).flatMap(CharsetLabel.resolve)
        // Every candidate `decode` would try is UTF-8 (or there is none): it returns the bytes
        // unchanged exactly when they are valid.
        guard http == nil || http == "UTF-8", declared == nil || declared == "UTF-8" else { return false }
        return Transcoder.validateUTF8(bytes.assumingMemoryBound(to: UInt8.self)).invalid == 0
    }

    public static func decode(_ bytes: [UInt8], contentType: String? = nil, kind: Kind = .xml) -> Decoded {
        if let (name, length) = byteOrderMark(bytes) {
            if name == "UTF-8" { return lossyUTF8(Array(bytes.dropFirst(length)), warnings: []) }
            if let converted = Transcoder.convert(bytes[length...], from: name) {
                return Decoded(utf8: converted.bytes, encoding: name, warnings: errorWarning(converted.errors, name))
            }
        }
        let family = self.family(bytes)
        let http = contentType.flatMap(charset(fromContentType:)).flatMap(CharsetLabel.resolve)
        let httpFirst = kind == .html || contentType.map(isXMLMediaType) == true
        var candidates: [String] = []
        if httpFirst, let http { candidates.append(http) }
        if let declared = declaration(bytes, family: family, kind: kind).flatMap(CharsetLabel.resolve) {
            candidates.append(declared)
        }
        if !httpFirst, let http { candidates.append(http) }
        switch family {
        case .asciiCompatible: break
        case .utf16BE: candidates.append("UTF-16BE")
        case .utf16LE: candidates.append("UTF-16LE")
        case .utf32BE: candidates.append("UTF-32BE")
        case .utf32LE: candidates.append("UTF-32LE")
        case .ebcdic: candidates.append("CP037")
        }

        let utf8State = Transcoder.validateUTF8(bytes)
        var warnings: [String] = []
        var tried = Set<String>()
        for var name in candidates where tried.insert(name).inserted {
            // "UTF-16" without a BOM: the first bytes said which byte order.
            if name == "UTF-16", family == .utf16BE || family == .utf16LE { name = family == .utf16BE ? "UTF-16BE" : "UTF-16LE" }
            if name == "UTF-32", family == .utf32BE || family == .utf32LE { name = family == .utf32BE ? "UTF-32BE" : "UTF-32LE" }
            if name == "UTF-8" {
                if family == .asciiCompatible, utf8State.invalid == 0 { return Decoded(utf8: bytes, encoding: name, warnings: []) }
                if family == .asciiCompatible { warnings.append("declared UTF-8 but the bytes are not") }
                continue
            }
            if !fits(name, family: family) { continue }
            // A single-byte declaration over valid, non-ASCII UTF-8 is the classic lie.
            if family == .asciiCompatible, utf8State.invalid == 0, utf8State.multibyte > 0, isSingleByte(name) {
                warnings.append("declared \(name) but the bytes are UTF-8; read as UTF-8")
                return Decoded(utf8: bytes, encoding: "UTF-8", warnings: warnings)
            }
            if let converted = Transcoder.convert(bytes[...], from: name), converted.errors == 0 {
                return Decoded(utf8: converted.bytes, encoding: name, warnings: warnings)
            }
            warnings.append("declared encoding \(name) does not match the bytes")
        }
        // Fallbacks: mostly-valid UTF-8 keeps its text; otherwise windows-1252 (Latin-1 superset).
        if utf8State.invalid == 0, family == .asciiCompatible {
            return Decoded(utf8: bytes, encoding: "UTF-8", warnings: warnings)
        }
        if utf8State.multibyte > utf8State.invalid {
            return lossyUTF8(bytes, warnings: warnings)
        }
        if let converted = Transcoder.convert(bytes[...], from: "WINDOWS-1252") {
            warnings.append("not valid UTF-8; read as windows-1252")
            return Decoded(utf8: converted.bytes, encoding: "WINDOWS-1252", warnings: warnings)
        }
        return lossyUTF8(bytes, warnings: warnings)
    }

    // MARK: Detection

    /// The encoding a byte order mark names, and the mark's length.
    static func byteOrderMark(_ b: [UInt8]) -> (String, Int)? {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
        if b.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        if b.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        return nil
    }

    /// XML 1.0 Appendix F.1, for documents without a byte order mark.
    static func family(_ b: [UInt8]) -> Family {
        guard b.count >= 4 else { return .asciiCompatible }
        switch (b[0], b[1], b[2], b[3]) {
        case (0x00, 0x00, 0x00, 0x3C): return .utf32BE
        case (0x3C, 0x00, 0x00, 0x00): return .utf32LE
        case (0x00, 0x3C, 0x00, 0x3F): return .utf16BE
        case (0x3C, 0x00, 0x3F, 0x00): return .utf16LE
        case (0x4C, 0x6F, 0xA7, 0x94): return .ebcdic  // "<?xm" in EBCDIC
        default:
            // A UTF-16 document starting with whitespace or an element rather than "<?".
            if b[0] == 0x00, b[1] != 0x00, b[2] == 0x00, b[3] != 0x00 { return .utf16BE }
            if b[0] != 0x00, b[1] == 0x00, b[2] != 0x00, b[3] == 0x00 { return .utf16LE }
            return .asciiCompatible
        }
    }

    /// Whether decoder `name` can be the encoding of bytes of `family`.
    private static func fits(_ name: String, family: Family) -> Bool {
        switch family {
        case .asciiCompatible:
            // UTF-16/32 declared over bytes that read as ASCII is a lie, and so is EBCDIC.
            if name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") || name.hasPrefix("UCS") { return false }
            return Transcoder.isASCIICompatible(name)
        case .utf16BE, .utf16LE: return name.hasPrefix("UTF-16") || name.hasPrefix("UCS-2")
        case .utf32BE, .utf32LE: return name.hasPrefix("UTF-32") || name.hasPrefix("UCS-4")
        case .ebcdic: return !Transcoder.isASCIICompatible(name)
        }
    }

    /// The declared label: the XML declaration's `encoding` (decoded from the family's bytes),
    /// or for HTML a `<meta charset>`.
    static func declaration(_ bytes: [UInt8], family: Family, kind: Kind) -> String? {
        let head = bytes.prefix(1024)
        let ascii: [UInt8]
        switch family {
        case .asciiCompatible: ascii = Array(head)
        case .utf16BE: ascii = Transcoder.convert(head, from: "UTF-16BE")?.bytes ?? []
        case .utf16LE: ascii = Transcoder.convert(head, from: "UTF-16LE")?.bytes ?? []
        case .utf32BE: ascii = Transcoder.convert(head, from: "UTF-32BE")?.bytes ?? []
        case .utf32LE: ascii = Transcoder.convert(head, from: "UTF-32LE")?.bytes ?? []
        case .ebcdic: ascii = Transcoder.convert(head.prefix(256), from: "CP037")?.bytes ?? []
        }
        if let label = xmlDeclarationEncoding(ascii) { return label }
        return kind == .html ? HTMLCharset.declared(in: ascii) : nil
    }

    /// The `encoding="…"` of an XML declaration at the start of `bytes` (ASCII).
    static func xmlDeclarationEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let decl = bytes.prefix(while: { $0 != 0x3E /* > */ })
        let text = String(decoding: decl.map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self)
        guard let range = text.range(of: "encoding") else { return nil }
        var rest = text[range.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        let name = rest.prefix(while: { $0 != quote })
        return name.isEmpty ? nil : String(name)
    }

    /// The `charset` parameter of a Content-Type header.
    public static func charset(fromContentType contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// RFC 7303: `text/xml`, `application/xml` and every `+xml` type.
    static func isXMLMediaType(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.hasSuffix("/xml") || type.hasSuffix("+xml")
    }

    static func isSingleByte(_ name: String) -> Bool {
        name.hasPrefix("ISO-8859") || name.hasPrefix("WINDOWS-125") || name.hasPrefix("KOI8")
            || name.hasPrefix("MAC") || name.hasPrefix("x-mac")
    }

    private static func lossyUTF8(_ bytes: [UInt8], warnings: [String]) -> Decoded {
        let result = Transcoder.utf8Lossy(bytes)
        let replaced = result.errors > 0 ? ["\(result.errors) invalid UTF-8 byte(s) replaced"] : []
        return Decoded(utf8: result.bytes, encoding: "UTF-8", warnings: warnings + replaced)
    }

    private static func errorWarning(_ errors: Int, _ name: String) -> [String] {
        errors > 0 ? ["\(errors) undecodable byte(s) in \(name) replaced"] : []
    }
}
