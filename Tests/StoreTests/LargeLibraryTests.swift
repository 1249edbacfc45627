import Foundation
import NewsModel
import Testing
@testable import Store

/// A 100,000-article library generated here: paging must visit every row once in both
/// directions, and every count must equal a brute-force count over the generated values.
@Suite(.serialized) struct LargeLibraryTests {
    static let size = Int(ProcessInfo.processInfo.environment["STORE_TEST_SIZE"] ?? "") ?? 100_000
    static let sections: [[String]] = [
        ["NEWS"], ["NEWS", "World"], ["NEWS", "World", "Asia"], ["NEWS", "Local"],
        ["SECURITY", "Cybersecurity"], ["SECURITY", "Privacy"], ["SCIENCE"], [],
    ]
    static let tags = ["Politics", "Economy", "Climate", "AI", "Privacy", "Space", "日本", "Sports", "Health", "Travel"]

    /// The generated articles (with read/bookmark state as inserted).
    static func generate() -> [Article] {
        var rng = SeededGenerator(seed: 42)
        let base = 1_600_000_000.0
        return (0..<size).map { n in
            let section = sections[Int(rng.next() % UInt64(sections.count))]
            let tagCount = Int(rng.next() % 4)
            let tags = (0..<tagCount).map { _ in Self.tags[Int(rng.next() % UInt64(Self.tags.count))] }
            // Coarse dates (whole hours) so many articles share one: ties are broken by id.
            // About 3% have no date and sort by the time they were first seen.
            let published: Date? = rng.next() % 33 == 0 ? nil
                : Date(timeIntervalSince1970: base + Double(rng.next() % 20_000) * 3600)
            return StoreFixtures.article(
                "bulk-\(n)", title: "Article number \(n)", section: section, tags: tags,
                published: published, text: "Generated paragraph \(n).",
                read: rng.next() % 3 == 0, bookmarkedAt: rng.next() % 50 == 0 ? Date(timeIntervalSince1970: base) : nil)
        }
    }

    struct Expected {
        var total = 0, unread = 0, bookmarks = 0
        var tags: [String: (total: Int, unread: Int)] = [:]
        var sections: [[String]: (total: Int, unread: Int)] = [:]
    }

    static func bruteForce(_ articles: [Article]) -> Expected {
        var e = Expected()
        for a in articles {
            let unread = a.read ? 0 : 1
            e.total += 1
            e.unread += unread
            if a.bookmarkedAt != nil { e.bookmarks += 1 }
            for tag in Set(a.tags) { e.tags[tag, default: (0, 0)].total += 1; e.tags[tag]!.unread += unread }
            for depth in a.section.indices {
                let path = Array(a.section[...depth])
                e.sections[path, default: (0, 0)].total += 1
                e.sections[path]!.unread += unread
            }
        }
        return e
    }

    static func check(_ sidebar: SidebarCounts, against e: Expected) {
        #expect(sidebar.total == e.total)
        #expect(sidebar.unread == e.unread)
        #expect(sidebar.bookmarks == e.bookmarks)
        #expect(sidebar.tags.count == e.tags.count)
        for tag in sidebar.tags {
            #expect(e.tags[tag.name]?.total == tag.total, "tag \(tag.name)")
            #expect(e.tags[tag.name]?.unread == tag.unread, "tag \(tag.name)")
        }
        #expect(sidebar.sections.count == e.sections.count)
        for section in sidebar.sections {
            #expect(e.sections[section.path]?.total == section.total, "section \(section.path)")
            #expect(e.sections[section.path]?.unread == section.unread, "section \(section.path)")
        }
    }

    /// Walks a whole list forward, then backward from the end, and checks both walks.
    static func walk(_ store: LibraryStore, _ filter: ArticleFilter, expected: Set<String>,
                     published: [String: Date?], seenWindow: ClosedRange<Date>, pageSize: Int) throws {
        var forward: [ArticleSummary] = []
        var cursor: PageCursor?
        while true {
            let page = try store.page(filter, after: cursor, direction: .forward, limit: pageSize)
            forward += page
            guard let last = page.last, page.count == pageSize else { break }
            cursor = PageCursor(last)
        }
        #expect(forward.count == expected.count, "\(filter): forward walk length")
        #expect(Set(forward.map(\.id)) == expected, "\(filter): forward walk ids")
        for (older, newer) in zip(forward.dropFirst(), forward) {
            let inOrder = older.sortDate < newer.sortDate || (older.sortDate == newer.sortDate && older.id < newer.id)
            if !inOrder {
                Issue.record("\(filter): \(older.id) listed after \(newer.id) out of order")
                break
            }
        }
        for row in forward.prefix(2_000) {
            if let date = published[row.id]! {
                #expect(row.sortDate == date)
            } else {
                #expect(seenWindow.contains(row.sortDate))
            }
        }

        var backward: [ArticleSummary] = []
        cursor = nil
        while true {
            let page = try store.page(filter, after: cursor, direction: .backward, limit: pageSize)
            backward = page + backward
            guard let first = page.first, page.count == pageSize else { break }
            cursor = PageCursor(first)
        }
        #expect(backward.map(\.id) == forward.map(\.id), "\(filter): backward walk differs")
    }

    @Test func pagingAndCountsAtOneHundredThousand() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let clock = ContinuousClock()
        var lap = clock.now
        func cpu() -> Double { var t = timespec(); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
        var cpuLap = cpu()
        func mark(_ what: String) { print("LargeLibraryTests: \(what) \(clock.now - lap) cpu \(cpu() - cpuLap)"); lap = clock.now; cpuLap = cpu() }
        var articles = Self.generate()
        mark("generate")
        let before = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
        let result = try store.upsert(articles)
        let after = Date()
        #expect(result == UpsertResult(inserted: Self.size))
        mark("upsert")

        let published = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0.published) })
        Self.check(try store.sidebar(), against: Self.bruteForce(articles))
        #expect(try store.sidebarByAggregation() == store.sidebar())
        mark("counts")

        let filters: [(ArticleFilter, (Article) -> Bool)] = [
            (.all, { _ in true }),
            (.unread, { !$0.read }),
            (.bookmarks, { $0.bookmarkedAt != nil }),
            (.tag("Climate"), { $0.tags.contains("Climate") }),
            (.tag("日本"), { $0.tags.contains("日本") }),
            (.section(["NEWS", "World"]), { $0.section.starts(with: ["NEWS", "World"]) }),
            (.section(["SECURITY"]), { $0.section.first == "SECURITY" }),
            (.source("/articles/bulk-7.txt"), { $0.source.location == "/articles/bulk-7.txt" }),
        ]
        for (filter, predicate) in filters {
            let expected = Set(articles.filter(predicate).map(\.id))
            #expect(try store.count(filter) == expected.count, "count \(filter)")
            try Self.walk(store, filter, expected: expected, published: published,
                          seenWindow: before...after, pageSize: filter == .all ? 997 : 250)
            mark("walk \(filter)")
        }

        // Change state of a few thousand articles; counters must follow.
        var rng = SeededGenerator(seed: 7)
        var nowRead: [String] = [], nowUnread: [String] = []
        for i in articles.indices where rng.next() % 40 == 0 {
            articles[i].read.toggle()
            if articles[i].read { nowRead.append(articles[i].id) } else { nowUnread.append(articles[i].id) }
        }
        try store.setRead(ids: nowRead, true)
        try store.setRead(ids: nowUnread, false)
        for i in articles.indices.prefix(300) {
            let on = articles[i].bookmarkedAt == nil
            try store.setBookmarked(id: articles[i].id, on)
            articles[i].bookmarkedAt = on ? Date() : nil
        }
        Self.check(try store.sidebar(), against: Self.bruteForce(articles))
        #expect(try store.sidebarByAggregation() == store.sidebar())

        // Re-import (a slice of) the same articles: nothing changes, state is kept.
        mark("state changes")
        #expect(try store.upsert(Array(Self.generate().suffix(10_000))) == UpsertResult(unchanged: 10_000))
        mark("re-import")
        Self.check(try store.sidebar(), against: Self.bruteForce(articles))
    }
}
