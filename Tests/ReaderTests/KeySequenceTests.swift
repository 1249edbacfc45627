import Testing
import Screen
@testable import Reader

/// Typed key strings through `update`, asserting the resulting state (helix-style).
@Suite struct KeySequenceTests {
    @Test func countsAndMotionsInTheList() {
        let rows = Fixtures.rows(300)
        var state = Fixtures.state(width: 120, height: 30, rows: rows)
        Fixtures.type("5j", into: &state, rows: rows)
        #expect(state.list.cursor == 5)
        Fixtures.type("k", into: &state, rows: rows)
        #expect(state.list.cursor == 4)
        Fixtures.type("G", into: &state, rows: rows)
        #expect(state.list.cursor == 299)
        #expect(state.list.selected?.id == rows[299].id)
        Fixtures.type("g", into: &state, rows: rows)
        #expect(state.pendingKeys == [.char("g")])
        Fixtures.type("g", into: &state, rows: rows)
        #expect(state.list.cursor == 0)
        #expect(state.pendingKeys.isEmpty)
        Fixtures.type("<C-d>", into: &state, rows: rows)
        #expect(state.list.cursor == 14)
        Fixtures.type("<C-f>", into: &state, rows: rows)
        #expect(state.list.cursor == 14 + 28)
        Fixtures.type("<C-u><C-b>", into: &state, rows: rows)
        #expect(state.list.cursor == 0)
        Fixtures.type("12<Down>", into: &state, rows: rows)
        #expect(state.list.cursor == 12)
        Fixtures.type("3<Esc>j", into: &state, rows: rows)
        #expect(state.list.cursor == 13)
        Fixtures.type("<Space>", into: &state, rows: rows)
        #expect(state.list.cursor == 13 + 28)
    }

    @Test func aHundredThousandRowsStayVirtual() {
        let rows = Fixtures.rows(100_000)
        var state = Fixtures.state(width: 120, height: 40, rows: rows)
        #expect(state.list.rows.count <= AppState.maxWindow)
        Fixtures.type("G", into: &state, rows: rows)
        #expect(state.list.cursor == 99_999)
        #expect(state.list.selected?.id == rows[99_999].id)
        #expect(state.list.rows.count <= AppState.maxWindow)
        Fixtures.type("50000k", into: &state, rows: rows)
        #expect(state.list.selected?.id == rows[49_999].id)
        for _ in 0..<30 { Fixtures.type("<C-f>", into: &state, rows: rows) }
        #expect(state.list.selected?.id == rows[state.list.cursor].id)
        #expect(state.list.rows.count <= AppState.maxWindow + 5_000)
        let screen = state.view(styles: PlainStyles())
        #expect(!screen.lines.contains { $0.contains(" … ") && $0.hasPrefix("  ") })
    }

    @Test func focusMovesBetweenPanes() {
        var state = Fixtures.state(width: 120, height: 30)
        #expect(state.focus == .list)
        Fixtures.type("h", into: &state)
        #expect(state.focus == .sidebar)
        Fixtures.type("h", into: &state)
        #expect(state.focus == .sidebar)
        Fixtures.type("l", into: &state)
        #expect(state.focus == .list)
        Fixtures.type("l", into: &state)
        #expect(state.focus == .list, "no article open: nothing to the right")
        Fixtures.type("<Enter>", into: &state)
        #expect(state.focus == .pane)
        Fixtures.type("<Tab>", into: &state)
        #expect(state.focus == .sidebar)
        Fixtures.type("<Tab><Tab>", into: &state)
        #expect(state.focus == .pane)
        Fixtures.type("<Esc>", into: &state)
        #expect(state.focus == .list)
    }

    @Test func sidebarSelectionFiltersTheListAndSkipsHeadings() {
        var state = Fixtures.state(width: 120, height: 30)
        Fixtures.type("hjj", into: &state)
        #expect(state.list.filter == .bookmarks)
        Fixtures.type("j", into: &state)
        #expect(state.sidebar.items[state.sidebar.cursor].label == "SECURITY", "the Sections heading is skipped")
        #expect(state.list.filter == .section(["SECURITY"]))
        Fixtures.type("G", into: &state)
        #expect(state.list.filter == .tag("日本"))
        Fixtures.type("gg<Enter>", into: &state)
        #expect(state.list.filter == .all)
        #expect(state.focus == .list)
    }

    @Test func enterOpensAndMarksReadAndPaneScrolls() {
        var state = Fixtures.state(width: 120, height: 30)
        #expect(state.list.rows[0].read == false)
        Fixtures.type("<Enter>", into: &state)
        #expect(state.pane.article?.id == Fixtures.article().id)
        #expect(state.list.rows[0].read == true)
        Fixtures.type("5j", into: &state)
        #expect(state.pane.top == 5)
        Fixtures.type("G", into: &state)
        #expect(state.pane.top == state.pane.lineCount - 29)
        Fixtures.type("gg", into: &state)
        #expect(state.pane.top == 0)
    }

    @Test func searchWithNWrapsAround() {
        var state = Fixtures.state(width: 120, height: 30)
        Fixtures.type("<Enter>/fox<Enter>", into: &state)
        #expect(state.prompt == nil)
        #expect(state.pane.search.current == 0)
        Fixtures.type("n", into: &state)
        #expect(state.pane.search.current == 1)
        Fixtures.type("N", into: &state)
        #expect(state.pane.search.current == 0)
        Fixtures.type("N", into: &state)
        #expect(state.pane.search.current == 6)
        #expect(state.message?.text == "search hit TOP, continuing at BOTTOM")
        let bottom = state.pane.displayLine(ofMatch: 6)!
        #expect(bottom >= state.pane.top && bottom < state.pane.top + 29, "the current match is visible")
        Fixtures.type("n", into: &state)
        #expect(state.pane.search.current == 0)
        #expect(state.message?.text == "search hit BOTTOM, continuing at TOP")
        Fixtures.type("?FOX<Enter>", into: &state)
        #expect(state.message?.text == "Pattern not found: FOX", "smartcase: a capital makes it case-sensitive")
    }

    @Test func promptEditsIncrementallyAndEscRestores() {
        var state = Fixtures.state(width: 120, height: 30)
        Fixtures.type("<Enter>/quick", into: &state)
        #expect(state.prompt?.text == "quick")
        #expect(state.pane.search.matches.count == 2, "highlights while typing")
        Fixtures.type("<BS><BS><BS><BS><BS>fo", into: &state)
        #expect(state.prompt?.text == "fo")
        #expect(state.pane.search.matches.count == 7)
        Fixtures.type("<C-u>", into: &state)
        #expect(state.prompt?.text == "")
        #expect(state.pane.search.matches.isEmpty)
        Fixtures.type("fox<Esc>", into: &state)
        #expect(state.prompt == nil)
        #expect(state.pane.search.query == "")
        #expect(state.pane.search.matches.isEmpty)
        let screen = state.view(styles: PlainStyles())
        #expect(state.cursorPosition == nil)
        Fixtures.type("/fox", into: &state)
        #expect(state.cursorPosition?.x == 4)
        #expect(state.view(styles: PlainStyles()).lines[29].hasPrefix("/fox "))
        _ = screen
    }

    @Test func bookmarkIsAnnouncedOnlyAfterItIsSaved() {
        var state = Fixtures.state(width: 120, height: 30)
        let effects = state.update(.key(.char("b")))
        #expect(effects == [.setBookmark(id: state.list.rows[0].id, on: true)])
        #expect(state.message == nil)
        #expect(state.list.rows[0].bookmarked == false)
        _ = state.update(.bookmarkSaved(id: state.list.rows[0].id, on: true, at: Fixtures.now))
        #expect(state.list.rows[0].bookmarked == true)
        #expect(state.message?.text == "Bookmarked")
        let screen = state.view(styles: PlainStyles())
        #expect(screen.lines[0].contains("★"))
        #expect(screen.lines[29].contains("Bookmarked"))
    }

    @Test func commandsFromThePrompt() {
        var state = Fixtures.state(width: 120, height: 30)
        #expect(state.update(.key(.char(":"))).isEmpty)
        for c in "theme nord" { _ = state.update(.key(.char(c))) }
        #expect(state.update(.key(.enter)) == [.saveHistory("theme nord"), .setTheme("nord")])
        Fixtures.type(":frobnicate<Enter>", into: &state)
        #expect(state.message?.text.contains("Not a command: frobnicate") == true)
        Fixtures.type(":q<Enter>", into: &state)
        #expect(state.quitRequested)
    }

    @Test func unknownKeysAreIgnoredAndQQuits() {
        var state = Fixtures.state(width: 120, height: 30)
        Fixtures.type("zZ<F5>", into: &state)
        #expect(!state.quitRequested)
        #expect(state.update(.key(.char("q"))).contains(.quit))
    }

    @Test func toggleReadAndOpenLinkGoThroughEffects() {
        var state = Fixtures.state(width: 120, height: 30)
        let id = state.list.rows[0].id
        #expect(state.update(.key(.char("u"))) == [.setRead(id: id, read: true, announce: true)])
        Fixtures.type("u", into: &state)
        #expect(state.list.rows[0].read)
        #expect(state.message?.text == "Marked read")
        Fixtures.type("u", into: &state)
        #expect(!state.list.rows[0].read)
        // `o` on a list row loads the article, then asks to open its link.
        var effects = state.update(.key(.char("o")))
        #expect(effects == [.loadArticle(id: id)])
        effects = state.update(.articleLoaded(id: id, Fixtures.article(id: id)))
        #expect(effects == [.openLink("https://example.com/articles/2026/11/long-article")])
        // Keys typed into the prompt are text, not commands.
        Fixtures.type(":q", into: &state)
        #expect(!state.quitRequested)
        #expect(state.prompt?.text == "q")
    }

    @Test func geometryAtCommonSizes() {
        let wide = Geometry(width: 200, height: 50, focus: .list, articleOpen: false)
        #expect(wide.sidebar?.width == 28)
        #expect(wide.list?.width == 77)
        #expect(wide.pane?.width == 200 - 28 - 77 - 2)
        let configured = Geometry(width: 120, height: 30, focus: .list, articleOpen: false, sidebarWidth: 24)
        #expect(configured.sidebar?.width == 24)
        let narrow = Geometry(width: 80, height: 24, focus: .list, articleOpen: true)
        #expect(narrow.sidebar == nil)
        #expect(narrow.list == Rect(x: 0, y: 0, width: 80, height: 7))
        #expect(narrow.pane == Rect(x: 0, y: 8, width: 80, height: 15))
        #expect(Geometry(width: 29, height: 24, focus: .list, articleOpen: false).tooSmall)
        #expect(Geometry(width: 30, height: 5, focus: .list, articleOpen: false).tooSmall)
        #expect(!Geometry(width: 30, height: 6, focus: .list, articleOpen: false).tooSmall)
    }

    @Test func refreshRunsInTheBackgroundAndReloadsTheList() {
        var state = Fixtures.state(width: 120, height: 30)
        #expect(state.update(.key(.char("R"))) == [.refreshFeeds(.all)])
        #expect(state.update(.key(.char("r"))).isEmpty, "one refresh at a time")
        #expect(state.message?.text == "Already refreshing")
        _ = state.update(.refreshProgress(done: 2, total: 5, title: "Feed"))
        #expect(state.view(styles: PlainStyles()).lines[29].hasSuffix("refreshing 2/5 "))
        Fixtures.type("jj", into: &state)
        #expect(state.list.cursor == 2, "keys keep working while refreshing")
        let effects = state.update(.refreshFinished(summary: "Refreshed 5 feeds in 1 s: 3 new", failed: 0))
        #expect(effects.contains(.loadSidebar))
        #expect(effects.contains { if case .loadPage = $0 { return true } else { return false } })
        #expect(state.list.cursor == 2)
        #expect(state.message?.text == "Refreshed 5 feeds in 1 s: 3 new")
        Fixtures.type("G", into: &state)
        Fixtures.type("hG", into: &state)
        #expect(state.list.filter == .tag("日本"))
        #expect(state.update(.key(.char("r"))) == [.refreshFeeds(.tag("日本"))])
    }
}
