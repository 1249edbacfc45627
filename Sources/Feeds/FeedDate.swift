import Foundation

/// Liberal date parsing for feeds: RFC 822/1123 and their common variants (named zones,
/// missing seconds, two-digit years, no zone), RFC 3339 / ISO 8601. Garbage gives nil;
/// dates outside 1900–2200 are treated as garbage.
public enum FeedDate {
    public static func parse(_ raw: String) -> Date? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty, s.utf8.count < 100 else { return nil }
        if let first = s.utf8.first, (0x30...0x39).contains(first), let iso = parseISO(Array(s.utf8)) {
            return iso
        }
        return parseRFC822(s)
    }

    // MARK: ISO 8601 / RFC 3339

    private static func parseISO(_ b: [UInt8]) -> Date? {
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= b.count else { return nil }
            var v = 0
            for k in i..<(i + digits) {
                guard (0x30...0x39).contains(b[k]) else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            i += digits
            return v
        }
        func skip(_ c: UInt8) -> Bool {
            if i < b.count && b[i] == c { i += 1; return true }
            return false
        }
        guard let year = number(4) else { return nil }
        let dashed = skip(0x2D)
        guard let month = number(2) else { return dashed ? nil : nil }
        if dashed { guard skip(0x2D) else { return components(year, month, 1, 0, 0, 0, 0) } }
        guard let day = number(2) else { return nil }
        guard i < b.count else { return components(year, month, day, 0, 0, 0, 0) }
        guard b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20 else { return nil }
        i += 1
        guard let hour = number(2) else { return nil }
        let colon = skip(0x3A)
        guard let minute = number(2) else { return nil }
        var second = 0.0
        if (colon && skip(0x3A)) || (!colon && i < b.count && (0x30...0x39).contains(b[i])) {
            guard let s = number(2) else { return nil }
            second = Double(s)
            if i < b.count && (b[i] == 0x2E || b[i] == 0x2C) {
                i += 1
                var scale = 0.1
                while i < b.count, (0x30...0x39).contains(b[i]) {
                    second += Double(b[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
            }
        }
        while i < b.count && b[i] == 0x20 { i += 1 }
        var offset = 0
        if i < b.count {
            switch b[i] {
            case 0x5A, 0x7A: i += 1
            case 0x2B, 0x2D:
                let sign = b[i] == 0x2D ? -1 : 1
                i += 1
                guard let h = number(2) else { return nil }
                _ = skip(0x3A)
                let m = number(2) ?? 0
                offset = sign * (h * 3600 + m * 60)
            default:
                // "2024-03-01 10:00:00 GMT" and friends.
                let rest = String(decoding: b[i...], as: UTF8.self)
                guard let zone = zoneOffset(rest.uppercased()) else { return nil }
                offset = zone
                i = b.count
            }
        }
        guard let date = components(year, month, day, hour, minute, Int(second), offset) else { return nil }
        return date.addingTimeInterval(second - Double(Int(second)))
    }

    // MARK: RFC 822

    private static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

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
                if let index = months.firstIndex(where: { token.hasPrefix($0) }), month == nil, token.count >= 3 {
                    month = index + 1
                } else if let zone = zoneOffset(token) {
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

    private static let zones: [String: Int] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "WET": 0, "BST": 1, "IST": 1, "CET": 1, "MET": 1,
        "CEST": 2, "MEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
        "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
        "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11, "ACST": 9, "AWST": 8,
        "NZST": 12, "NZDT": 13, "A": 1, "M": 12, "N": -1, "Y": -12,
    ]

    private static func zoneOffset(_ token: String) -> Int? {
        if let hours = zones[token] { return hours * 3600 }
        // "GMT+2", "UTC+05:30"
        for base in ["GMT", "UTC"] where token.hasPrefix(base) {
            let rest = token.dropFirst(base.count)
            guard let sign = rest.first, sign == "+" || sign == "-" else { continue }
            let digits = rest.dropFirst().filter { $0.isNumber }
            // At most "hhmm": longer digit runs are garbage (and would overflow below).
            guard (1...4).contains(digits.count), let v = Int(digits) else { continue }
            let seconds = digits.count <= 2 ? v * 3600 : (v / 100) * 3600 + (v % 100) * 60
            return sign == "-" ? -seconds : seconds
        }
        return nil
    }

    // MARK: Civil date → Date

    static func components(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int,
                           _ second: Int, _ offset: Int) -> Date? {
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day),
              (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (-18 * 3600...18 * 3600).contains(offset) else { return nil }
        // Every input is range-checked above, so the arithmetic below cannot overflow.
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
