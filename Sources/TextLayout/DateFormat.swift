import Foundation
import NewsModel

/// strftime-style date patterns for the article list (`date-format`), done in Swift so the
/// output does not depend on the C library's locale: `%Y %y %m %d %e %H %I %M %S %p %b %B %a
/// %A %j %%`; any other text is copied.
public struct DateFormat: Sendable, Hashable {
    public let pattern: String
    public init(_ pattern: String) { self.pattern = pattern }

    static let directives: Set<Character> = ["Y", "y", "m", "d", "e", "H", "I", "M", "S", "p", "b", "B", "a", "A", "j", "%"]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Why `pattern` is not usable, or nil when it is.
    public static func problem(in pattern: String) -> String? {
        var chars = pattern.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { continue }
            guard let d = chars.next() else { return "ends with a lone %" }
            if !directives.contains(d) {
                return "unknown directive %\(d) (known: \(directives.sorted().map { "%\($0)" }.joined(separator: " ")))"
            }
        }
        return nil
    }

    public func string(from date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let dayOfYear = calendar.ordinality(of: .day, in: .year, for: date) ?? 1
        func pad(_ n: Int?, _ width: Int = 2, _ fill: Character = "0") -> String {
            let s = String(n ?? 0)
            return String(repeating: fill, count: max(0, width - s.count)) + s
        }
        let hour = c.hour ?? 0
        var out = ""
        var chars = pattern.makeIterator()
        while let ch = chars.next() {
            guard ch == "%", let d = chars.next() else { out.append(ch); continue }
            switch d {
            case "Y": out += pad(c.year, 4)
            case "y": out += pad((c.year ?? 0) % 100)
            case "m": out += pad(c.month)
            case "d": out += pad(c.day)
            case "e": out += pad(c.day, 2, " ")
            case "H": out += pad(hour)
            case "I": out += pad(hour % 12 == 0 ? 12 : hour % 12)
            case "M": out += pad(c.minute)
            case "S": out += pad(c.second)
            case "p": out += hour < 12 ? "AM" : "PM"
            case "b": out += String(MonthName.full(c.month ?? 1).prefix(3))
            case "B": out += MonthName.full(c.month ?? 1)
            case "a": out += String(Self.weekdays[((c.weekday ?? 1) - 1) % 7].prefix(3))
            case "A": out += Self.weekdays[((c.weekday ?? 1) - 1) % 7]
            case "j": out += pad(dayOfYear, 3)
            case "%": out += "%"
            default: out.append("%"); out.append(d)
            }
        }
        return out
    }
}
