import Foundation

/// ISO-8601 / RFC 3339 dates as people write them in front matter and `<meta>`:
/// `2024-05-01`, `2024-05-01 10:00`, `2024-05-01T10:00:00.5+02:00`, `…Z`, `…+0200`, `2024/05/01`.
/// No zone means UTC. Anything else → nil (never a crash, never year 99999).
public enum LooseISODate {
    public static func parse(_ text: String) -> Date? {
        let chars = Array(text.trimmingWhitespace().utf8)
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
        guard let year = number(4), accept("-/"), let month = number(2), accept("-/"), let day = number(2) else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        if accept("T ") {
            guard let h = number(2), accept(":"), let m = number(2) else { return nil }
            hour = h; minute = m
            if accept(":") {
                guard let s = number(2) else { return nil }
                second = s
                if accept(".,") {
                    var scale = 0.1
                    while index < chars.count, chars[index] >= 0x30, chars[index] <= 0x39 {
                        fraction += Double(chars[index] - 0x30) * scale
                        scale /= 10
                        index += 1
                    }
                }
            }
            _ = accept(" ")
            if accept("Zz") {
                offsetSeconds = 0
            } else if index < chars.count, chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
                let sign = chars[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let oh = number(2) else { return nil }
                _ = accept(":")
                let om = number(2) ?? 0
                guard oh <= 14, om < 60 else { return nil }
                offsetSeconds = sign * (oh * 3600 + om * 60)
            }
        }
        guard index == chars.count else { return nil }
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard calendar.date(from: components) != nil, let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return date.addingTimeInterval(fraction - Double(offsetSeconds))
    }
}
