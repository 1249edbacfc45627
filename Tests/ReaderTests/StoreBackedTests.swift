import Foundation
import NewsModel
import Screen
import Store
import ReaderEffects
import Testing
@testable import Reader

/// The reader on a real SQLite library in a temporary directory: effects run through
/// StoreEffects exactly as the runtime runs them (inline here instead of on a queue).
@Suite struct StoreBackedTests {
    final class Library {
        let directory: URL
        let path: String
        var store: LibraryStore

        init(articles: [Article]) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("nr-reader-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            path = directory.appendingPathComponent("library.sqlite").path
            store = try LibraryStore(path: path)
            _ = try store.upsert(articles)
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        /// Closes and reopens the library, as a restart would.
        func reopen() throws { store = try LibraryStore(path: path) }

        func run(_ effects: [Effect], on state: inout AppState) {
            let runner = StoreEffects(store: store)
            var queue = effects
            while !queue.isEmpty {
                let effect = queue.removeFirst()
                if let action = runner.perform(effect) { queue += state.update(action) }
            }
        }

        func start(width: Int = 120, height: Int = 30) -> AppState {
            var state = AppState(width: width, height: height, timeZone: Fixtures.utc, now: Fixtures.now)
            run(state.start(), on: &state)
            return state
        }

        func type(_ keys: String, into state: inout AppState) {
            for key in KeyNotation.keystrokes(keys) { run(state.update(.key(key)), on: &state) }
        }
    }

    static func article(_ n: Int, section: [String] = ["NEWS"], tags: [String] = [], read: Bool = false,
                        body: [Block]? = nil) -> Article {
        Article(title: "Article \(n) " + (n % 2 == 0 ? "東京の記事" : "about terminals"), section: section, tags: tags,
                published: Fixtures.now.addingTimeInterval(Double(-n) * 60), link: "https://example.com/\(n)",
                source: ArticleSource(kind: .file, location: "/tmp/articles/\(n).txt", name: "file \(n)"),
                guid: "/tmp/articles/\(n).txt",
                body: body ?? [Block(.paragraph, text: "Body of article \(n).")], read: read)
    }

    @Test func sidebarShowsTheStoreCounts() throws {
        let library = try Library(articles: [
            Self.article(1, section: ["SECURITY", "Cybersecurity"], tags: ["Privacy"]),
            Self.article(2, section: ["SECURITY"], tags: ["Privacy", "日本"], read: true),
            Self.article(3, section: ["SCIENCE"], tags: ["Space"]),
        ])
        let state = library.start()
        let lines = state.view(styles: PlainStyles()).lines
        #expect(lines[0].hasPrefix(" All            2/3 │"))
        #expect(lines[1].hasPrefix(" Unread           2 │"))
        #expect(lines[2].hasPrefix(" Bookmarks        0 │"))
        #expect(lines.contains { $0.hasPrefix("  SECURITY      1/2 │") })
        #expect(lines.contains { $0.hasPrefix("   Cybersecuri… 1/1 │") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  #Privacy      1/2 │") })
        #expect(lines.contains { $0.hasPrefix("  #日本           1 │") })
        #expect(lines[29].hasPrefix(" All · 1/3"))
    }

    @Test func bookmarkAndReadStatePersistAcrossRestart() throws {
        let library = try Library(articles: (0..<5).map { Self.article($0) })
        var state = library.start()
        library.type("jb", into: &state)
        #expect(state.message?.text == "Bookmarked")
        let id = state.list.rows[1].id
        #expect(try library.store.count(.bookmarks) == 1, "committed before the screen says so")
        library.type("j<Enter>", into: &state)
        #expect(state.pane.article?.id == state.list.rows[2].id)
        let readID = state.list.rows[2].id
        library.type("q", into: &state)

        try library.reopen()
        var again = library.start()
        let screen = again.view(styles: PlainStyles())
        #expect(screen.lines[2].hasPrefix(" Bookmarks        1 │"))
        #expect(screen.lines[1].contains("★"))
        #expect(again.list.rows.first { $0.id == id }?.bookmarked == true)
        #expect(again.list.rows.first { $0.id == readID }?.read == true)
        library.type("hjj", into: &again)
        #expect(again.list.filter == .bookmarks)
        #expect(again.list.rows.map(\.id) == [id])
        library.type("l<Enter>b", into: &again)
        #expect(again.message?.text == "Bookmark removed")
        #expect(try library.store.count(.bookmarks) == 0)
    }

    @Test func readingPositionIsRestored() throws {
        let long = (0..<60).map { Block(.paragraph, text: "Paragraph \($0) " + String(repeating: "word ", count: 30)) }
        let library = try Library(articles: [Self.article(1, body: long)])
        var state = library.start()
        library.type("<Enter>40j", into: &state)
        let block = state.pane.content!.block(atLine: state.pane.top)
        #expect(block > 5)
        library.type("q", into: &state)
        try library.reopen()
        var again = library.start()
        library.type("<Enter>", into: &again)
        #expect(again.pane.content!.block(atLine: again.pane.top) == block)
    }

    @Test func listPagesThroughThousandsInStoreOrder() throws {
        let library = try Library(articles: (0..<3_000).map { Self.article($0) })
        var state = library.start(width: 120, height: 40)
        let all = try library.store.page(.all, after: nil, limit: 3_000)
        library.type("G", into: &state)
        #expect(state.list.cursor == 2_999)
        #expect(state.list.selected?.id == all[2_999].id)
        library.type("1500k", into: &state)
        #expect(state.list.selected?.id == all[1_499].id)
        library.type("gg", into: &state)
        #expect(state.list.selected?.id == all[0].id)
        for _ in 0..<100 { library.type("<C-f>", into: &state) }
        #expect(state.list.selected?.id == all[state.list.cursor].id)
        #expect(state.list.rows.count <= AppState.maxWindow + 5_000)
        let screen = state.view(styles: PlainStyles())
        let visible = state.list.offset..<(state.list.offset + 39)
        for (row, index) in visible.enumerated() {
            #expect(screen.lines[row].contains(String(all[index].title.prefix(10))), "row \(row)")
        }
    }
}
