/// The charset an HTML page declares (`<meta charset=…>` or an `http-equiv` content type), for
/// pages saved in a legacy encoding. Decoding itself is `ByteDecoder`'s.
enum HTMLCharset {
    /// `charset=NAME` in `head` (the first bytes of the page, ASCII-compatible encodings only).
    static func declared(in head: [UInt8]) -> String? {
        let text = String(decoding: head.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        guard let range = text.range(of: "charset=") else { return nil }
        let name = text[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
            .prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." })
        return name.isEmpty ? nil : String(name)
    }
}
