import Foundation
import NewsModel
import Screen
import Store
import Testing
@testable import Reader

/// J/K, ] and [, S, U, A with its confirmation and undo, and z, on a real SQLite library.
@Suite struct ListPowerTests {
    typealias Library = StoreBackedTests.Library

    static func article(_ n: Int, title: String, source: String, tags: [String] = [], read: Bool = false) -> Article {
        Article(title: title, tags: tags, published: Fixtures.now.addingTimeInterval(Double(-n) * 60),
                source: ArticleSource(kind: .file, location: "/tmp/\(source)/\(n).txt", name: source),
                guid: "/tmp/\(source)/\(n).txt", body: [Block(.paragraph, text: "Body \(n)")], read: read)
    }

    /// Newest first: Delta(b), alpha(a), Charlie(c), bravo(a), Echo(b).
    static func five() -> [Article] {
        [article(0, title: "Delta", source: "b-source"), article(1, title: "alpha", source: "a-source"),
         article(2, title: "Charlie", source: "c-source"), article(3, title: "bravo", source: "a-source"),
         article(4, title: "Echo", source: "b-source")]
    }

    @Test func capitalJAndKOpenTheNextAndPreviousArticle() throws {
        let library = try Library(articles: Self.five())
        var state = library.start()
        library.type("<Enter>", into: &state)
        #expect(state.pane.article?.title == "Delta")
        library.type("J", into: &state)
        #expect(state.pane.article?.title == "alpha")
        #expect(state.focus == .pane)
        #expect(state.list.cursor == 1)
        library.type("2J", into: &state)
        #expect(state.pane.article?.title == "bravo")
        library.type("K", into: &state)
        #expect(state.pane.article?.title == "Charlie")
        #expect(try library.store.count(.unread) == 1, "each opened article is marked read")
        library.type("JJJ", into: &state)
        #expect(state.message?.text == "No next article")
        #expect(state.pane.article?.title == "Echo")
    }

    @Test func sortCyclesDateTitleSourceAndThePagesComeInThatOrder() throws {
        let library = try Library(articles: Self.five())
        var state = library.start()
        #expect(state.list.rows.map(\.title) == ["Delta", "alpha", "Charlie", "bravo", "Echo"])
        library.type("S", into: &state)
        #expect(state.list.query.order == .title)
        #expect(state.list.rows.map(\.title) == ["alpha", "bravo", "Charlie", "Delta", "Echo"], "case-insensitive A to Z")
        #expect(state.view(styles: PlainStyles()).lines.last!.hasPrefix(" All · by title · 1/5"))
        library.type("S", into: &state)
        #expect(state.list.rows.map(\.title) == ["alpha", "bravo", "Delta", "Echo", "Charlie"], "by source, newest first within one")
        library.type("S", into: &state)
        #expect(state.list.query.order == .date)
        #expect(state.view(styles: PlainStyles()).lines.last!.hasPrefix(" All · 1/5 "))
        library.type(":sort title<Enter>", into: &state)
        #expect(state.list.rows.first?.title == "alpha")
        library.type("hj", into: &state)
        #expect(state.list.filter == .unread && state.list.query.order == .title, "the order stays when the list changes")
    }

    @Test func titleOrderPagesThroughThousandsWithoutGapsOrRepeats() throws {
        let articles = (0..<2_500).map { n in
            Self.article(n, title: "Title \(String(format: "%04d", (n * 7919) % 2_500))", source: "s\(n % 7)")
        }
        let library = try Library(articles: articles)
        var state = library.start(width: 120, height: 40)
        library.type(":sort title<Enter>", into: &state)
        library.type("G", into: &state)
        #expect(state.list.selected?.title == "Title 2499")
        library.type("gg", into: &state)
        var seen: [String] = []
        for _ in 0..<70 {
            seen += (state.list.offset..<min(state.list.offset + 39, 2_500)).compactMap { state.list.row(at: $0)?.title }
            library.type("<C-f>", into: &state)
        }
        var once = Set<String>()
        let unique = seen.filter { once.insert($0).inserted }
        #expect(unique == unique.sorted(), "ascending")
        #expect(unique.count == 2_500, "every article once")
        // The same through the store's backward pages: G then up.
        library.type("G", into: &state)
        library.type("1000k", into: &state)
        #expect(state.list.selected?.title == "Title 1499")
        library.type(":sort source<Enter>G", into: &state)
        let bySource = try library.store.page(.all, order: .source, after: nil, limit: 3_000)
        #expect(state.list.selected?.id == bySource.last?.id)
        #expect(bySource.map(\.sourceName) == bySource.map(\.sourceName).sorted())
    }

    @Test func unreadOnlyTogglesAndCounts() throws {
        var articles = Self.five()
        articles[1].read = true
        articles[3].read = true
        let library = try Library(articles: articles)
        var state = library.start()
        library.type("U", into: &state)
        #expect(state.list.total == 3)
        #expect(state.list.rows.map(\.title) == ["Delta", "Charlie", "Echo"])
        #expect(state.view(styles: PlainStyles()).lines.last!.hasPrefix(" All · unread · 1/3"))
        library.type("S", into: &state)
        #expect(state.list.rows.map(\.title) == ["Charlie", "Delta", "Echo"], "unread only, by title")
        library.type("U", into: &state)
        #expect(state.list.total == 5)
    }

    @Test func markAllReadAsksThenUndoes() throws {
        let library = try Library(articles: Self.five())
        var state = library.start()
        library.type("A", into: &state)
        #expect(state.confirmation != nil)
        #expect(state.view(styles: PlainStyles()).lines.last!.contains("Mark every article in All read? (y/n)"))
        library.type("n", into: &state)
        #expect(state.message?.text == "Cancelled")
        #expect(try library.store.count(.unread) == 5)
        library.type("Ay", into: &state)
        #expect(try library.store.count(.unread) == 0)
        #expect(state.list.rows.allSatisfy { $0.read })
        #expect(state.message?.text == "Marked 5 articles read (u: undo)")
        library.type("u", into: &state)
        #expect(try library.store.count(.unread) == 5)
        #expect(state.list.rows.allSatisfy { !$0.read })
        #expect(state.message?.text == "Marked 5 articles unread again")
        // Undo is only offered right after: a move in between makes u a plain toggle again.
        library.type("Ayj", into: &state)
        library.type("u", into: &state)
        #expect(try library.store.count(.unread) == 1, "u toggled the selected article only")
        library.type("Ay", into: &state)
        #expect(try library.store.count(.unread) == 0)
        library.type(":undo<Enter>", into: &state)
        #expect(try library.store.count(.unread) == 1, ":undo also works right after")
    }

    @Test func markAllReadMarksOnlyTheCurrentList() throws {
        let library = try Library(articles: Self.five().enumerated().map { i, a in
            var a = a
            a.tags = i % 2 == 0 ? ["even"] : ["odd"]
            return a
        })
        var state = library.start()
        library.type(":tag even<Enter>", into: &state)
        #expect(state.list.total == 3)
        library.type("Ay", into: &state)
        #expect(try library.store.count(.unread) == 2)
        #expect(try library.store.count(.tag("odd"), unreadOnly: true) == 2)
    }

    @Test func bracketsJumpToUnreadAcrossFeeds() throws {
        let articles = [
            Self.article(0, title: "a0", source: "A", tags: ["one"], read: true),
            Self.article(1, title: "a1", source: "A", tags: ["one"]),
            Self.article(2, title: "a2", source: "A", tags: ["one"], read: true),
            Self.article(3, title: "b0", source: "B", tags: ["two"], read: true),
            Self.article(4, title: "c0", source: "C", tags: ["three"], read: true),
            Self.article(5, title: "c1", source: "C", tags: ["three"]),
        ]
        let library = try Library(articles: articles)
        var state = library.start()
        library.type("]", into: &state)
        #expect(state.list.selected?.title == "a1")
        library.type("]", into: &state)
        #expect(state.list.selected?.title == "c1")
        library.type("]", into: &state)
        #expect(state.message?.text == "No more unread articles")
        // In a tag list it goes on into the next tag that has unread articles ("one", "three", "two" by name).
        library.type(":tag one<Enter>]", into: &state)
        #expect(state.list.selected?.title == "a1")
        library.type("<Enter>", into: &state)
        #expect(state.pane.article?.title == "a1")
        library.type("]", into: &state)
        #expect(state.list.filter == .tag("three"), "skips nothing: 'three' is next and has c1")
        #expect(state.pane.article?.title == "c1", "while reading, the unread article opens")
        library.type("[", into: &state)
        #expect(state.message?.text == "No more unread articles", "a1 and c1 are read now")
    }

    @Test func zoomGivesTheFocusedPaneTheScreen() throws {
        let library = try Library(articles: Self.five())
        var state = library.start(width: 120, height: 30)
        let before = state.geometry
        #expect(before.sidebar != nil)
        library.type("z", into: &state)
        #expect(state.geometry.sidebar == nil)
        #expect(state.geometry.list == Rect(x: 0, y: 0, width: 120, height: 29))
        library.type("<Enter>", into: &state)
        #expect(state.geometry.pane == Rect(x: 0, y: 0, width: 120, height: 29))
        #expect(state.geometry.list == nil)
        library.type("z", into: &state)
        #expect(state.geometry.sidebar != nil && state.geometry.list != nil && state.geometry.pane != nil)
    }
}
