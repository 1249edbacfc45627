import Foundation

/// The charset an HTML file declares (`<meta charset=…>` or `http-equiv` content type), for
/// pages saved in a legacy encoding.
enum HTMLCharset {
    /// Decodes `data` with its declared charset, or nil when none is declared or it is unknown.
    static func decode(_ data: Data) -> String? {
        guard let name = declared(in: data), let encoding = encoding(named: name) else { return nil }
        return String(data: data, encoding: encoding)
    }

    /// `charset=NAME` within the first 4 KB (ASCII-compatible encodings only).
    static func declared(in data: Data) -> String? {
        let head = String(decoding: data.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let name = head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
            .prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" })
        return name.isEmpty ? nil : String(name)
    }

    static func encoding(named name: String) -> String.Encoding? {
        switch name {
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii": return .isoLatin1
        case "windows-1252", "cp1252", "x-cp1252": return .windowsCP1252
        case "iso-8859-2", "latin2": return .isoLatin2
        case "windows-1250", "cp1250": return .windowsCP1250
        case "windows-1251", "cp1251": return .windowsCP1251
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j", "cp932": return .shiftJIS
        case "euc-jp", "eucjp": return .japaneseEUC
        case "iso-2022-jp": return .iso2022JP
        default: return nil
        }
    }
}
