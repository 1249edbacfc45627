import Foundation
import NewsModel
import Testing
@testable import Store

@Suite struct UpsertTests {
    @Test func reimportIsIdempotent() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let articles = (0..<5).map { StoreFixtures.article("a\($0)", section: ["NEWS", "World"], tags: ["Politics"]) }

        #expect(try store.upsert(articles) == UpsertResult(inserted: 5))
        #expect(try store.upsert(articles) == UpsertResult(unchanged: 5))
        #expect(try store.count(.all) == 5)
        #expect(try store.count(.tag("Politics")) == 5)
        #expect(try store.count(.section(["NEWS"])) == 5)

        var changed = articles
        changed[2].title = "A corrected headline"
        #expect(try store.upsert(changed) == UpsertResult(updated: 1, unchanged: 4))
        #expect(try store.article(id: articles[2].id)?.title == "A corrected headline")
        #expect(try store.count(.all) == 5)
    }

    @Test func userStateSurvivesReimportOfChangedContent() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let original = StoreFixtures.article("kept", tags: ["Science"], text: "First version.")
        try store.upsert([original])
        try store.setRead(id: original.id, true)
        try store.setBookmarked(id: original.id, true)
        try store.setReadingPosition(id: original.id, 7)
        let bookmarkedAt = try #require(try store.article(id: original.id)?.bookmarkedAt)

        var edited = original
        edited.body = [Block(.paragraph, text: "Second version, longer.")]
        edited.text = edited.body.plainText
        edited.tags = ["Science", "Space"]
        #expect(try store.upsert([edited]) == UpsertResult(updated: 1))

        let stored = try #require(try store.article(id: original.id))
        #expect(stored.text == "Second version, longer.")
        #expect(stored.tags == ["Science", "Space"])
        #expect(stored.read)
        #expect(stored.bookmarkedAt == bookmarkedAt)
        #expect(stored.readingPosition == 7)
        let sidebar = try store.sidebar()
        #expect(sidebar.unread == 0)
        #expect(sidebar.bookmarks == 1)
        #expect(sidebar.tags.first { $0.name == "Space" } == CountedName(name: "Space", total: 1, unread: 0))
    }

    @Test func bookmarkSurvivesReopeningTheLibrary() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let article = StoreFixtures.article("saved")
        do {
            let store = try LibraryStore(path: path)
            try store.upsert([article, StoreFixtures.article("other")])
            try store.setBookmarked(id: article.id, true)
        }
        let reopened = try LibraryStore(path: path)
        #expect(try reopened.page(.bookmarks, after: nil, limit: 10).map(\.id) == [article.id])
        #expect(try reopened.bookmarkedArticles().map(\.summary.id) == [article.id])
        try reopened.setBookmarked(id: article.id, false)
        let third = try LibraryStore(path: path)
        #expect(try third.count(.bookmarks) == 0)
        #expect(try third.page(.bookmarks, after: nil, limit: 10).isEmpty)
    }

    @Test func articleRoundTripsEveryField() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let article = Article(
            title: "Round trip", section: ["SECURITY", "Cybersecurity"], tags: ["Privacy", "Encryption"],
            author: "A. Writer", published: Date(timeIntervalSince1970: 1_700_000_123.456),
            updated: Date(timeIntervalSince1970: 1_700_000_999), link: "https://example.org/a",
            source: ArticleSource(kind: .feed, location: "https://example.org/feed", name: "Example"),
            guid: "urn:1", summary: "Short.", contentHTML: "<p>Hello <em>world</em></p>",
            body: [Block(.heading(level: 2), text: "Intro"),
                   Block(.paragraph, [InlineRun("Hello "), InlineRun("world", emphasis: .italic, link: "https://x.org")]),
                   Block(.listItem(depth: 1, marker: "•"), text: "item")],
            enclosures: [Enclosure(url: "https://example.org/a.mp3", type: "audio/mpeg", length: 42)])
        try store.upsert([article])
        let stored = try #require(try store.article(id: article.id))
        #expect(stored == article)
        let summary = try #require(try store.summary(id: article.id))
        #expect(summary.section == ["SECURITY", "Cybersecurity"])
        #expect(summary.sourceName == "Example")
        #expect(summary.sortDate == article.published)
    }

    @Test func deleteUpdatesCountsAndSearch() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let a = StoreFixtures.article("a", section: ["A", "B"], tags: ["T"], text: "zebra crossing")
        let b = StoreFixtures.article("b", section: ["A"], tags: ["T"], text: "zebra stripes", bookmarkedAt: Date())
        try store.upsert([a, b])
        #expect(try store.search("zebra", limit: 10).count == 2)
        try store.delete(ids: [b.id])
        #expect(try store.search("zebra", limit: 10).map(\.article.id) == [a.id])
        let sidebar = try store.sidebar()
        #expect(sidebar.total == 1 && sidebar.unread == 1 && sidebar.bookmarks == 0)
        #expect(sidebar.sections == [SectionCount(path: ["A"], total: 1, unread: 1),
                                     SectionCount(path: ["A", "B"], total: 1, unread: 1)])
        try store.delete(ids: [a.id])
        #expect(try store.sidebar() == SidebarCounts())
    }

    /// The search index is written at the end of each batch (`pendingSearch`); its changes must
    /// still apply in order: an article stored twice in one batch, then changed in the next,
    /// is found by its newest words only, and FTS5's own check finds the index sound.
    @Test func searchRowsFollowEveryChangeWithinAndAcrossBatches() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let first = StoreFixtures.article("twice", text: "aardvark alpha")
        let second = StoreFixtures.article("twice", text: "buffalo bravo")
        let other = StoreFixtures.article("other", text: "aardvark other")
        try store.upsert([first, other, second])
        #expect(try store.search("buffalo", limit: 10).map(\.article.id) == [first.id])
        #expect(try store.search("aardvark", limit: 10).map(\.article.id) == [other.id])
        try store.upsert([StoreFixtures.article("twice", text: "cheetah charlie"), other])
        #expect(try store.search("cheetah", limit: 10).map(\.article.id) == [first.id])
        #expect(try store.search("buffalo", limit: 10).isEmpty)
        try store.delete(ids: [other.id])
        #expect(try store.search("aardvark", limit: 10).isEmpty)
        try store.write { db in
            try db.execute(sql: "INSERT INTO articleSearch(articleSearch, rank) VALUES('integrity-check', 0)")
        }
    }

    @Test func demoFlagIsSetOnceAndNeverReturns() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        #expect(try store.needsDemo())
        let demo = StoreFixtures.article("demo")
        try store.upsert([demo])
        try store.markDemoSeeded()
        try store.delete(ids: [demo.id])
        #expect(try store.count(.all) == 0)
        #expect(try store.needsDemo() == false)
        #expect(try LibraryStore(path: path).needsDemo() == false)
    }

    @Test func resolvesUniqueIDPrefixes() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let articles = (0..<40).map { StoreFixtures.article("p\($0)") }
        try store.upsert(articles)
        let id = articles[3].id
        #expect(try store.resolveID(id) == .found(id))
        #expect(try store.resolveID(String(id.prefix(10)).uppercased()) == .found(id))
        #expect(try store.resolveID("zzzz") == .notFound)
        #expect(try store.resolveID("'; DROP") == .notFound)
        // 40 ids over 16 first hex digits: some first digit is shared.
        let shared = Dictionary(grouping: articles.map(\.id), by: { $0.prefix(1) }).first { $0.value.count > 1 }
        let prefix = String(try #require(shared).key)
        guard case .ambiguous(let ids) = try store.resolveID(prefix) else {
            Issue.record("expected ambiguous for \(prefix)")
            return
        }
        #expect(ids.allSatisfy { $0.hasPrefix(prefix) })
    }
}
