import Foundation

/// The one ISO-8601 / RFC 3339 parser, for front matter, `<meta>` and feeds alike:
/// `2024-05-01`, `2024/05/01`, `2024-05` (the 1st), `20240501`, `2024-05-01 10:00`,
/// `2024-05-01T10:00:00.5+02:00`, `…Z`, `…+0200`, `20240501T100000Z`, `… 10:00:00 GMT`, `…UTC+5:30`.
/// No zone means UTC. Anything else, or a year outside `years`, → nil (never a crash).
public enum LooseISODate {
    public static func parse(_ text: String) -> Date? { parse(text, years: 1...9999) }

    public static func parse(_ text: String, years: ClosedRange<Int>) -> Date? {
        let chars = Array(text.trimmingWhitespace().utf8)
        guard chars.count < 100 else { return nil }
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= chars.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = chars[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }
        func accept(_ options: String) -> Bool {
            guard index < chars.count, options.utf8.contains(chars[index]) else { return false }
            index += 1
            return true
        }
        func atDigit() -> Bool { index < chars.count && chars[index] >= 0x30 && chars[index] <= 0x39 }
        // Date: yyyy-mm-dd, yyyy/mm/dd, yyyy-mm, or compact yyyymmdd.
        guard let year = number(4) else { return nil }
        let separated = accept("-/")
        guard let month = number(2) else { return nil }
        if separated, index == chars.count {
            return civil(year, month, 1, 0, 0, 0, 0, years: years)
        }
        if separated { guard accept("-/") else { return nil } }
        guard let day = number(2) else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        if accept("Tt ") {
            // Time: hh:mm[:ss[.fff]] or compact hhmm[ss[.fff]].
            guard let h = number(2) else { return nil }
            let colon = accept(":")
            guard let m = number(2) else { return nil }
            hour = h; minute = m
            if colon ? accept(":") : atDigit() {
                guard let s = number(2) else { return nil }
                second = s
                if accept(".,") {
                    var scale = 0.1
                    while atDigit() {
                        fraction += Double(chars[index] - 0x30) * scale
                        scale /= 10
                        index += 1
                    }
                }
            }
            while accept(" ") {}
            if accept("Zz") {
                offsetSeconds = 0
            } else if index < chars.count, chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
                let sign = chars[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let oh = number(2) else { return nil }
                _ = accept(":")
                let om = number(2) ?? 0
                guard om < 60 else { return nil }
                offsetSeconds = sign * (oh * 3600 + om * 60)
            } else if index < chars.count {
                // "2024-03-01 10:00:00 GMT", "… UTC+05:30" and friends.
                let rest = String(decoding: chars[index...], as: UTF8.self)
                guard let zone = ZoneAbbreviation.offset(rest.uppercased()) else { return nil }
                offsetSeconds = zone
                index = chars.count
            }
        }
        guard index == chars.count,
              let date = civil(year, month, day, hour, minute, second, offsetSeconds, years: years) else { return nil }
        return date.addingTimeInterval(fraction)
    }

    /// A civil date and time at a UTC offset (seconds) → Date; nil when any field is out of
    /// range (including 31 February) or the year is outside `years`.
    public static func civil(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int,
                             _ second: Int, _ offset: Int, years: ClosedRange<Int>) -> Date? {
        guard years.contains(year), (1...9999).contains(year), (1...12).contains(month),
              (1...daysIn(month, of: year)).contains(day),
              (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              hour < 24 || (minute == 0 && second == 0),
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

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
