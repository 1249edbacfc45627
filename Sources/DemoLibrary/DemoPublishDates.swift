import Foundation

/// Fixed published dates for the demo articles, so the list looks like a real library spread
/// over a few weeks (and stays the same on every machine and every run). The Welcome article
/// is the newest, so a first-time user sees it at the top.
public enum DemoPublishDates {
    /// File name → publication time (UTC, "yyyy-MM-dd HH:mm").
    static let table: [String: String] = [
        "welcome-to-newsreader.txt": "2026-11-26 08:00",
        "soup-season.md": "2026-11-25 17:30",
        "comet-tail-splits.txt": "2026-11-24 06:15",
        "library-password-reset-flaw.txt": "2026-11-23 14:40",
        "night-train-alps.txt": "2026-11-22 09:05",
        "coffee-futures.txt": "2026-11-21 15:20",
        "shotengai-bookshop.txt": "2026-11-20 10:00",
        "terminal-apps-return.txt": "2026-11-19 12:45",
        "grid-night-shift.md": "2026-11-18 07:00",
        "white-roofs.txt": "2026-11-17 11:30",
        "tree-census.html": "2026-11-15 16:10",
        "longest-station-name.txt": "2026-11-14 13:00",
        "three-alphabets-bakery.txt": "2026-11-12 08:50",
        "tool-library.txt": "2026-11-10 18:25",
        "closed-motorway-ride.txt": "2026-11-08 10:35",
        "okinawa-fishing-fleet.txt": "2026-11-06 07:40",
    ]

    /// Files missing from the table (a build mistake the tests catch) sort below every other.
    static let fallback = Date(timeIntervalSince1970: 1_791_590_400) // 2026-10-10 00:00 UTC

    /// The fixed published date of one demo file.
    public static func date(forFile fileName: String) -> Date {
        table[fileName].flatMap(parse) ?? fallback
    }

    /// Whether the file has its own entry (tests check every embedded file has one).
    public static func hasDate(forFile fileName: String) -> Bool {
        table[fileName].flatMap(parse) != nil
    }

    private static func parse(_ text: String) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
        guard parts.count == 5 else { return nil }
        return calendar.date(from: DateComponents(
            year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4]))
    }
}
