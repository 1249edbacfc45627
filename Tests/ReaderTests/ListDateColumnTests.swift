import Foundation
import NewsModel
import Testing
@testable import Reader

/// The list's date column: compact "Nov  5" this year, the year otherwise, or the config's pattern.
@Suite struct ListDateColumnTests {
    static func row(_ iso: String) -> ArticleSummary {
        let date = ISO8601DateFormatter().date(from: iso)!
        return ArticleSummary(id: "0000000000000001", title: "t", published: date, sortDate: date, sourceName: "s",
                              section: [], read: false, bookmarked: false)
    }

    @Test func compactAndConfigured() {
        let compact = ListView.DateColumn(pattern: nil, timeZone: Fixtures.utc, currentYear: 2026)
        #expect(compact.width == 6)
        #expect(compact.text(Self.row("2026-11-05T10:00:00Z")) == "Nov  5")
        #expect(compact.text(Self.row("2026-01-27T10:00:00Z")) == "Jan 27")
        #expect(compact.text(Self.row("2025-12-31T23:00:00Z")) == "  2025")
        // Midnight in the reader's zone decides the day, not UTC.
        let tokyo = ListView.DateColumn(pattern: nil, timeZone: TimeZone(identifier: "Asia/Tokyo")!, currentYear: 2026)
        #expect(tokyo.text(Self.row("2026-03-04T20:00:00Z")) == "Mar  5")
        let configured = ListView.DateColumn(pattern: "%Y-%m-%d %H:%M", timeZone: Fixtures.utc, currentYear: 2026)
        #expect(configured.width == 16)
        #expect(configured.text(Self.row("2025-12-31T23:00:00Z")) == "2025-12-31 23:00")
    }
}
