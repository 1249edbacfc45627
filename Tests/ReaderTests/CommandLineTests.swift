import Foundation
import NewsModel
import Screen
import Testing
@testable import Reader

/// The `:` command line: history with ↑/↓, Tab completion, and the commands.
@Suite struct CommandLineTests {
    static let counts = SidebarCounts(
        total: 6, unread: 4, bookmarks: 1,
        tags: [CountedName(name: "swift", total: 3, unread: 1), CountedName(name: "science", total: 2, unread: 2),
               CountedName(name: "日本", total: 1, unread: 1)],
        feeds: [FeedCount(url: "https://example.com/feed", title: "Example Feed", items: 6),
                FeedCount(url: "https://other.org/rss", title: "Other News", items: 2)])

    static func state() -> AppState {
        var state = AppState(width: 120, height: 30, timeZone: Fixtures.utc, now: Fixtures.now)
        state.themeNames = ["dark", "default", "light", "mono", "nord"]
        MemoryLibrary(rows: Fixtures.rows(6), counts: counts, articles: [Fixtures.article()]).run(state.start(), on: &state)
        return state
    }

    static func type(_ keys: String, _ state: inout AppState) -> [Effect] {
        let memory = MemoryLibrary(rows: Fixtures.rows(6), counts: counts, articles: [Fixtures.article()])
        var all: [Effect] = []
        for key in KeyNotation.keystrokes(keys) {
            let effects = state.update(.key(key))
            all += effects
            memory.run(effects, on: &state)
        }
        return all
    }

    @Test func historyRecallsOlderAndNewerLinesFilteredByWhatWasTyped() {
        var state = Self.state()
        state.history = ["theme nord", "sort title", "tag swift"]
        _ = Self.type(":<Up>", &state)
        #expect(state.prompt?.text == "tag swift")
        _ = Self.type("<Up><Up>", &state)
        #expect(state.prompt?.text == "theme nord")
        _ = Self.type("<Up>", &state)
        #expect(state.prompt?.text == "theme nord", "the oldest stays")
        _ = Self.type("<Down><Down><Down>", &state)
        #expect(state.prompt?.text == "", "back to what was typed")
        _ = Self.type("<Esc>:t<Up>", &state)
        #expect(state.prompt?.text == "tag swift", "only lines starting with t")
        _ = Self.type("<Up>", &state)
        #expect(state.prompt?.text == "theme nord")
        let effects = Self.type("<Enter>", &state)
        #expect(effects.contains(.saveHistory("theme nord")))
        #expect(effects.contains(.setTheme("nord")))
        #expect(state.history == ["sort title", "tag swift", "theme nord"], "moved to the newest place")
        let again = Self.type(":theme nord<Enter>", &state)
        #expect(!again.contains(.saveHistory("theme nord")), "the newest line is not written twice")
    }

    @Test func tabCompletesCommandsThenTheirArguments() {
        var state = Self.state()
        _ = Self.type(":the<Tab>", &state)
        #expect(state.prompt?.text == "theme ")
        _ = Self.type("n<Tab>", &state)
        #expect(state.prompt?.text == "theme nord")
        _ = Self.type("<C-u>theme <Tab>", &state)
        #expect(state.prompt?.text == "theme dark", "no common start: the first candidate")
        #expect(state.prompt?.completion?.candidates == ["dark", "default", "light", "mono", "nord"])
        _ = Self.type("<Tab><Tab>", &state)
        #expect(state.prompt?.text == "theme light", "Tab cycles")
        _ = Self.type("<S-Tab>", &state)
        #expect(state.prompt?.text == "theme default")
        let screen = state.view(styles: PlainStyles())
        #expect(screen.lines[28].contains("dark  default  light  mono  nord"), "candidates above the prompt")
        _ = Self.type("<C-u>tag s<Tab>", &state)
        #expect(state.prompt?.text == "tag swift", "swift and science share only s: the first is shown")
        _ = Self.type("<Tab>", &state)
        #expect(state.prompt?.text == "tag science")
        _ = Self.type("<C-u>tag 日<Tab>", &state)
        #expect(state.prompt?.text == "tag 日本")
        _ = Self.type("<C-u>feed ot<Tab>", &state)
        #expect(state.prompt?.text == "feed Other News")
        _ = Self.type("<C-u>set un<Tab>", &state)
        #expect(state.prompt?.text == "set unread-only")
        _ = Self.type(" t<Tab>", &state)
        #expect(state.prompt?.text == "set unread-only true")
        _ = Self.type("<C-u>next-u<Tab>", &state)
        #expect(state.prompt?.text == "next-unread ", "key actions complete too")
        _ = Self.type("<C-u>sort <Tab>", &state)
        #expect(state.prompt?.completion?.candidates == ["date", "title", "source"])
    }

    @Test func commandsSwitchListsAndSettings() {
        var state = Self.state()
        _ = Self.type(":tag SWIFT<Enter>", &state)
        #expect(state.list.filter == .tag("swift"))
        _ = Self.type(":feed other news<Enter>", &state)
        #expect(state.list.filter == .source("https://other.org/rss"))
        #expect(state.sidebar.items[state.sidebar.cursor].label == "Other News")
        _ = Self.type(":feed Exam<Enter>", &state)
        #expect(state.list.filter == .source("https://example.com/feed"), "a unique prefix is enough")
        _ = Self.type(":bookmarks<Enter>", &state)
        #expect(state.list.filter == .bookmarks)
        _ = Self.type(":tag nope<Enter>", &state)
        #expect(state.message == StatusMessage(text: "No tag named nope", isError: true))
        _ = Self.type(":sort title<Enter>", &state)
        #expect(state.list.query.order == .title)
        _ = Self.type(":sort sideways<Enter>", &state)
        #expect(state.message?.text == "Usage: :sort date|title|source")
        _ = Self.type(":set unread-only true<Enter>", &state)
        #expect(state.list.query.unreadOnly)
        _ = Self.type(":set max-text-width 60<Enter>", &state)
        #expect(state.maxTextWidth == 60)
        _ = Self.type(":set max-text-width 5<Enter>", &state)
        #expect(state.message == StatusMessage(text: "max-text-width: expected a number from 20 to 1000", isError: true))
        _ = Self.type(":set<Enter>", &state)
        #expect(state.message?.text.contains("unread-only=true") == true)
        #expect(state.message?.text.contains("sort=title") == true)
        let refresh = Self.type(":refresh all<Enter>", &state)
        #expect(refresh == [.saveHistory("refresh all"), .refreshFeeds(.all)])
        _ = Self.type(":frobnicate<Enter>", &state)
        #expect(state.message == StatusMessage(text: "Not a command: frobnicate (try :help)", isError: true))
    }

    @Test func everyKeyActionRunsAsACommand() {
        var state = Self.state()
        _ = Self.type(":move-down 3<Enter>", &state)
        #expect(state.list.cursor == 3)
        _ = Self.type(":zoom<Enter>", &state)
        #expect(state.zoomed)
        _ = Self.type(":toggle-bookmark<Enter>", &state)
        #expect(state.message?.text == "Bookmark removed" || state.message?.text == "Bookmarked")
        _ = Self.type(":help<Enter>", &state)
        #expect(state.helpTop == 0)
    }

    @Test func helpListsKeysWithTheirCommandNamesAndEveryCommand() {
        let lines = HelpView.lines(.standard)
        let text = lines.map { $0.keys + " " + $0.text }
        #expect(text.contains { $0.hasPrefix("S ") && $0.contains("(:cycle-sort)") })
        #expect(text.contains { $0.hasPrefix("] ") && $0.contains("(:next-unread)") })
        for usage in [":q", ":search WORDS", ":tag NAME", ":feed NAME", ":theme NAME", ":refresh [all]",
                      ":sort date|title|source", ":set OPTION VALUE", ":help", ":bookmarks", ":undo"] {
            #expect(lines.contains { $0.keys == usage }, "\(usage)")
        }
        // Every action is listed, with a key or as :NAME.
        for command in Command.allCases where !command.editsPrompt {
            #expect(text.contains { $0.contains("(:\(command.rawValue))") || $0.hasPrefix(":\(command.rawValue) ") }, "\(command)")
        }
    }

    @Test func addAsksTheRuntimeToSubscribeAndFetchesTheNewFeed() {
        var state = Self.state()
        #expect(Self.type(":add https://example.org/<Enter>", &state) == [.saveHistory("add https://example.org/"), .addFeed("https://example.org/", all: false)])
        #expect(state.message?.text == "Looking for feeds at https://example.org/…")
        #expect(Self.type(":add https://example.org/ all<Enter>", &state).last == .addFeed("https://example.org/", all: true))
        _ = Self.type(":add<Enter>", &state)
        #expect(state.message == StatusMessage(text: "Usage: :add URL [all]", isError: true))
        let effects = state.update(.feedsAdded(urls: ["https://example.org/feed.xml"], message: "Subscribed to Example"))
        #expect(effects == [.loadSidebar, .refreshFeeds(.source("https://example.org/feed.xml"))])
        #expect(state.message?.text == "Subscribed to Example; fetching it")
        // Several, or while a refresh runs: subscribed, fetched by the next R.
        let later = state.update(.feedsAdded(urls: ["a", "b"], message: "Subscribed to 2 feeds"))
        #expect(later == [.loadSidebar])
        #expect(state.message?.text == "Subscribed to 2 feeds; R fetches")
    }
}
