import Foundation
import NewsModel
#if canImport(Glibc)
import Glibc
#endif

/// Encoding labels as documents write them → a name glibc's iconv (or `MacCharsets`) decodes.
///
/// Accepts any label iconv knows, in any of the spellings real documents use: any case, `_` for
/// `-`, `cs`/`x-` prefixes, `cp`/`ibm` numbers (`cp037`, `ibm861`), `windows_1251`, `macroman`.
/// Labels that WHATWG Encoding reads as a superset are widened the same way browsers do
/// (ISO-8859-1 and ASCII → windows-1252, GB2312 → GBK, EUC-KR → CP949, Shift_JIS → CP932).
public enum CharsetLabel {
    /// The decoder name for `label`, or nil when nothing can decode it.
    public static func resolve(_ label: String) -> String? {
        let upper = label.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .uppercased()
        guard !upper.isEmpty, upper.count <= 64, upper.utf8.allSatisfy(ControlCharacter.isVisibleASCII(byte:)) else { return nil }
        if let found = resolveUpper(upper) { return found }
        for prefix in ["X-", "X_", "CS"] where upper.hasPrefix(prefix) && upper.count > prefix.count + 1 {
            if let found = resolveUpper(String(upper.dropFirst(prefix.count))) { return found }
        }
        return nil
    }

    private static func resolveUpper(_ upper: String) -> String? {
        var compact = String(upper.unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " && $0 != "." && $0 != ":" })
        if compact.hasPrefix("X") && (upper.hasPrefix("X-") || upper.hasPrefix("X_")) { compact.removeFirst() }
        if let known = widened[compact] { return known }
        if compact.hasPrefix("CS"), let known = widened[String(compact.dropFirst(2))] { return known }
        for candidate in candidates(upper: upper, compact: compact) where iconvKnows(candidate) {
            return candidate
        }
        return nil
    }

    /// Spellings to try with iconv, most literal first.
    private static func candidates(upper: String, compact: String) -> [String] {
        var list = [upper, upper.replacingOccurrences(of: "_", with: "-"), compact]
        // cp037 / ibm-037 / ibm037 / 037: iconv knows some of CPnnn, IBMnnn.
        let digits = compact.drop(while: { $0.isLetter })
        let letters = compact.prefix(while: { $0.isLetter })
        if !digits.isEmpty, digits.allSatisfy(\.isNumber), ["CP", "IBM", "CSIBM", "MS", "WINDOWS", "WIN", "CPIBM", ""].contains(letters) {
            let number = String(digits)
            if number.count == 4, number.hasPrefix("125") || number == "1258" { list.append("WINDOWS-" + number) }
            list += ["CP" + number, "IBM" + number]
            let trimmed = String(number.drop(while: { $0 == "0" }))
            if trimmed != number, !trimmed.isEmpty { list += ["CP" + trimmed, "IBM" + trimmed] }
        }
        // ISO8859-5, ISO_8859_5, ISO88595 → ISO-8859-5.
        if compact.hasPrefix("ISO8859"), compact.count > 7 { list.append("ISO-8859-" + compact.dropFirst(7)) }
        if compact.hasPrefix("WINDOWS"), compact.count > 7 { list.append("WINDOWS-" + compact.dropFirst(7)) }
        return list
    }

    static func iconvKnows(_ name: String) -> Bool {
        if MacCharsets.names.contains(name) { return true }
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return false }
        iconv_close(cd)
        return true
    }

    /// Compact label (upper case, no `-_ .:`, no `x-`) → decoder, where the label's own name is
    /// not what should decode it or iconv does not know the spelling.
    private static let widened: [String: String] = {
        var table: [String: String] = [:]
        func add(_ target: String, _ labels: [String]) { for label in labels { table[label] = target } }
        add("UTF-8", ["UTF8", "UNICODE11UTF8", "UNICODE20UTF8"])
        add("UTF-16", ["UTF16", "UNICODE", "UCS2", "ISO10646UCS2"])
        add("WINDOWS-1252", ["ISO88591", "ISO885911987", "LATIN1", "L1", "ISOLATIN1", "ISOIR100", "CP819", "IBM819",
                             "USASCII", "ASCII", "ANSIX341968", "ISO646US", "US", "CP1252", "WINDOWS1252", "MSANSI"])
        add("WINDOWS-1254", ["ISO88599", "LATIN5", "L5", "ISOIR148", "ISOLATIN5"])
        add("WINDOWS-874", ["TIS620", "ISO885911", "DOS874", "WINDOWS874", "CP874"])
        add("GBK", ["GB2312", "GB231280", "CHINESE", "GBK", "CP936", "MS936", "WINDOWS936", "ISOIR58", "CSGB2312"])
        add("GB18030", ["GB18030"])
        add("CP949", ["EUCKR", "KSC56011987", "KSC5601", "KOREAN", "CP949", "WINDOWS949", "ISOIR149", "KSC56011989"])
        add("CP932", ["SHIFTJIS", "SJIS", "MSKANJI", "WINDOWS31J", "CP932", "MS932", "SHIFTJISX0213"])
        add("EUC-JP", ["EUCJP"])
        add("BIG5-HKSCS", ["BIG5", "BIG5HKSCS", "CNBIG5", "XXBIG5"])
        add("KOI8-U", ["KOI8U", "KOI8RU"])
        add("MACINTOSH", ["MACROMAN", "MACINTOSH", "MAC", "MACOSROMAN"])
        add("MAC-CENTRALEUROPE", ["MACCENTRALEUROPE", "MACCE", "MACLATIN2", "MACCENTRALEURROMAN", "MACCENTEURO"])
        add("MACCYRILLIC", ["MACCYRILLIC"])
        add("MAC-UK", ["MACUKRAINIAN", "MACUKRAINE", "MACUK"])
        add("MAC-IS", ["MACICELAND", "MACICELANDIC", "MACIS"])
        add("x-mac-greek", ["MACGREEK"])
        add("x-mac-turkish", ["MACTURKISH"])
        add("x-mac-croatian", ["MACCROATIAN"])
        add("x-mac-romanian", ["MACROMANIAN", "MACROMANIA"])
        return table
    }()
}
