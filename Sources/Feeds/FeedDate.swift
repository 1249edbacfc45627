import Foundation
import NewsModel
import Markup

/// Liberal date parsing for feeds: RFC 822/1123 and their common variants (named zones,
/// missing seconds, two-digit years, no zone), and ISO 8601 via Markup's `LooseISODate`. Garbage gives nil;
/// dates outside 1900–2200 are treated as garbage.
public enum FeedDate {
    /// Feed dates outside this window are garbage (a typo, a zero date), not history.
    static let years = 1900...2200

    public static func parse(_ raw: String) -> Date? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty, s.utf8.count < 100 else { return nil }
        if let first = s.utf8.first, (0x30...0x39).contains(first), let iso = LooseISODate.parse(s, years: years) {
            return iso
        }
        return parseRFC822(s)
    }

    // MARK: RFC 822

    private static func parseRFC822(_ s: String) -> Date? {
        // Tokens: runs of letters, runs of digits with ':' (times), and signed zone offsets.
        var tokens: [String] = []
        var current = ""
        func flush() { if !current.isEmpty { tokens.append(current); current = "" } }
        for ch in s.uppercased() {
            if ch.isLetter {
                if let last = current.last, !last.isLetter { flush() }
                current.append(ch)
            } else if ch.isNumber || ch == ":" {
                if let last = current.last, last.isLetter { flush() }
                current.append(ch)
            } else if ch == "+" || ch == "-" {
                flush()
                current.append(ch)
            } else if ch == "." && current.contains(":") {
                current.append(ch)  // fractional seconds
            } else {
                flush()
            }
        }
        flush()

        var day: Int?, month: Int?, year: Int?
        var hour = 0, minute = 0, second = 0
        var offset = 0
        var sawTime = false
        for token in tokens {
            if token.contains(":") && !token.hasPrefix("+") && !token.hasPrefix("-") && !sawTime {
                guard let time = clockTime(token) else { return nil }
                (hour, minute, second) = time
                sawTime = true
            } else if let first = token.first, first == "+" || first == "-" {
                let digits = token.dropFirst().filter { $0.isNumber }
                if digits.isEmpty { continue }
                guard digits.count == 4 || digits.count == 2 || digits.count == 3, let v = Int(digits) else { continue }
                let h = digits.count == 2 ? v : v / 100
                let m = digits.count == 2 ? 0 : v % 100
                if year == nil, !sawTime, first == "-", digits.count == 4 { year = v; continue }  // "01-Jan-2024"
                offset = (first == "-" ? -1 : 1) * (h * 3600 + m * 60)
            } else if token.first!.isLetter {
                if month == nil, let number = MonthName.number(startingWith: Substring(token)) {
                    month = number
                } else if let zone = ZoneAbbreviation.offset(token) {
                    offset = zone
                }
            } else if let value = Int(token) {
                if token.count == 4 && year == nil {
                    year = value
                } else if day == nil && value >= 1 && value <= 31 && token.count <= 2 {
                    day = value
                } else if year == nil && token.count <= 2 {
                    year = value < 50 ? 2000 + value : 1900 + value
                } else {
                    return nil
                }
            }
        }
        guard let day, let month, let year else { return nil }
        return components(year, month, day, hour, minute, second, offset)
    }

    /// "hh:mm", "hh:mm:ss", "hh:mm:ss.fff" with at most two digits per field (the fraction is
    /// dropped); anything else is nil, so huge digit runs can never reach arithmetic.
    private static func clockTime(_ token: String) -> (Int, Int, Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        func field(_ text: Substring) -> Int? {
            guard (1...2).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(text)
        }
        guard let h = field(parts[0]), let m = field(parts[1]) else { return nil }
        guard parts.count == 3, !parts[2].isEmpty else { return (h, m, 0) }
        let secondsText = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let s = field(secondsText[0]) else { return nil }
        if secondsText.count == 2, !secondsText[1].allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
        return (h, m, s)
    }

    // MARK: Civil date → Date

    static func components(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int,
                           _ second: Int, _ offset: Int) -> Date? {
        LooseISODate.civil(year, month, day, hour, minute, second, offset, years: years)
    }
}
