import Foundation
import NewsModel
import Screen
import Store
import Testing
import Theming
@testable import Reader

/// `:search WORDS` and `s` on a real SQLite library: the virtual sidebar entry, its list,
/// and the words highlighted in the opened article with n / N between them.
@Suite struct LibrarySearchTests {
    typealias Library = StoreBackedTests.Library

    static func articles() -> [Article] {
        (0..<12).map { n in
            StoreBackedTests.article(n, body: [
                Block(.paragraph, text: n % 2 == 0 ? "東京の天気は晴れ。東京タワーから見た景色。" : "Terminal emulators render text."),
                Block(.paragraph, text: n % 3 == 0 ? "A note on compilers and terminals." : "Nothing else here."),
            ])
        }
    }

    @Test func japaneseSearchShowsAVirtualSidebarEntryWithItsCount() throws {
        let library = try Library(articles: Self.articles())
        var state = library.start()
        library.type(":search 東京<Enter>", into: &state)
        #expect(state.list.filter == .search("東京"))
        #expect(state.list.total == 6, "the six even articles mention 東京")
        #expect(state.list.rows.allSatisfy { $0.title.contains("東京") })
        let expected = try library.store.search("東京", limit: 1000).map(\.article.id)
        #expect(state.list.rows.map(\.id) == expected, "ranked as the CLI ranks them")
        let screen = state.view(styles: PlainStyles())
        let row = try #require(screen.row(containing: "Search: 東京"))
        #expect(screen.lines[row].contains(" 6 │"), "\(screen.lines[row])")
        #expect(state.sidebar.items[state.sidebar.cursor].filter == .search("東京"), "the entry is selected")
        #expect(screen.lines.last!.hasPrefix(" Search: 東京 · 1/6"), "\(screen.lines.last!)")
        #expect(state.message?.text == "6 found for 東京")
    }

    @Test func theSearchListBehavesLikeAnyOtherAndHighlightsTheWords() throws {
        let library = try Library(articles: Self.articles())
        var state = library.start()
        library.type(":search 東京<Enter>j<Enter>", into: &state)
        #expect(state.focus == .pane)
        #expect(state.pane.article?.id == state.list.rows[1].id)
        #expect(state.list.rows[1].read, "opening marks read, as in any list")
        // Twice in the body: every 東京 is a match, n steps through them.
        #expect(state.pane.search.words == ["東京"])
        #expect(state.pane.search.matches.count == 2, "\(state.pane.search.matches)")
        library.type("n", into: &state)
        #expect(state.pane.search.current == 0)
        library.type("n", into: &state)
        #expect(state.pane.search.current == 1)
        library.type("n", into: &state)
        #expect(state.pane.search.current == 0, "wraps around")
        library.type("N", into: &state)
        #expect(state.pane.search.current == 1)
        let screen = state.view(styles: ThemedSnapshotTests.registry.load("dark").theme)
        let line = try #require(screen.row(containing: "東京の天気"))
        #expect(screen.style(of: "東京の天気", row: line) != screen.style(of: "の天気", row: line), "the word is highlighted")
        // Esc goes back to the list, still the search list.
        library.type("<Esc>", into: &state)
        #expect(state.focus == .list)
        #expect(state.list.filter == .search("東京"))
        // From another list, an article opens without the search's highlights.
        library.type(":bookmarks<Enter>hgg<Enter><Enter>", into: &state)
        #expect(state.list.filter == .all)
        #expect(state.pane.article != nil)
        #expect(state.pane.search.words == nil && state.pane.search.matches.isEmpty)
    }

    @Test func sKeyOpensTheCommandLineReadyForWords() throws {
        let library = try Library(articles: Self.articles())
        var state = library.start()
        library.type("s", into: &state)
        #expect(state.prompt?.text == "search ")
        library.type("compilers terminals<Enter>", into: &state)
        #expect(state.list.filter == .search("compilers terminals"))
        #expect(state.list.total == 4, "articles 0, 3, 6, 9 have both words")
        library.type("<Enter>", into: &state)
        #expect(Set(state.pane.search.words ?? []) == ["compilers", "terminals"])
        #expect(state.pane.search.matches.count >= 2, "both words are highlighted")
    }

    @Test func aSearchWithNoHitsSaysSoAndAnEmptyOneShowsUsage() throws {
        let library = try Library(articles: Self.articles())
        var state = library.start()
        library.type(":search zzzqqq<Enter>", into: &state)
        #expect(state.list.total == 0)
        #expect(state.message == StatusMessage(text: "Nothing found for zzzqqq", isError: true))
        #expect(state.view(styles: PlainStyles()).lines.contains { $0.contains("No articles here") })
        library.type(":search<Enter>", into: &state)
        #expect(state.message?.text == "Usage: :search WORDS")
    }

    @Test func aNewSearchReplacesTheEntryAndOtherListsStayReachable() throws {
        let library = try Library(articles: Self.articles())
        var state = library.start()
        library.type(":search 東京<Enter>:search terminal<Enter>", into: &state)
        let labels = state.sidebar.items.map(\.label)
        #expect(labels.filter { $0.hasPrefix("Search:") } == ["Search: terminal"])
        library.type("hgg", into: &state)
        #expect(state.list.filter == .all)
        #expect(state.list.total == 12)
        library.type("jjj", into: &state)
        #expect(state.list.filter == .search("terminal"), "the entry is an ordinary sidebar row")
    }
}
