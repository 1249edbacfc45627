/// Time-zone names as feeds and front matter write them ("GMT", "EDT", "UTC+05:30") → offset in
/// seconds. Shared by the ISO-8601 parser and Feeds' RFC 822 parser.
public enum ZoneAbbreviation {
    private static let zones: [String: Int] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "WET": 0, "BST": 1, "IST": 1, "CET": 1, "MET": 1,
        "CEST": 2, "MEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
        "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
        "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11, "ACST": 9, "AWST": 8,
        "NZST": 12, "NZDT": 13, "A": 1, "M": 12, "N": -1, "Y": -12,
    ]

    /// `token` must already be upper-case.
    public static func offset(_ token: String) -> Int? {
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
}
