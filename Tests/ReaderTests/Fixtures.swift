import Foundation
import NewsModel
import Reader
import Screen
import Store

/// Test data and helpers: states are driven only through `update`, with effect results fed
/// back as the runtime would.
enum Fixtures {
    static let utc = TimeZone(identifier: "UTC")!
    /// 2026-11-27 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_780_800)

    static func summary(_ n: Int, title: String, source: String = "Example Feed", read: Bool = false,
                        bookmarked: Bool = false) -> ArticleSummary {
        let date = now.addingTimeInterval(Double(-n) * 3600)
        return ArticleSummary(id: String(format: "%016x", 1000 - n), title: title, published: date, sortDate: date,
                              sourceName: source, section: ["News"], read: read, bookmarked: bookmarked)
    }

    static let titles = [
        "Plain ASCII headline about compilers",
        "日本語のニュース記事タイトルが長い場合の表示",
        "Emoji 🎉 party 👍🏽 for everyone",
        "Café naïve résumé — accents",
        "中文标题测试：终端宽度",
        "Short",
    ]

    static func rows(_ count: Int) -> [ArticleSummary] {
        (0..<count).map { summary($0, title: $0 < titles.count ? titles[$0] : "Article number \($0)", read: $0 % 3 == 2, bookmarked: $0 == 1) }
    }

    static let counts = SidebarCounts(
        total: 120, unread: 45, bookmarks: 3,
        sections: [SectionCount(path: ["SECURITY"], total: 40, unread: 10),
                   SectionCount(path: ["SECURITY", "Cybersecurity"], total: 25, unread: 4),
                   SectionCount(path: ["SCIENCE"], total: 80, unread: 35)],
        tags: [CountedName(name: "swift", total: 12, unread: 2), CountedName(name: "日本", total: 5, unread: 0)])

    static let paragraph = "The quick brown fox jumps over the lazy dog while the reading pane wraps every word at the edge of the text column and keeps paragraphs apart."

    static func article(id: String = String(format: "%016x", 1000)) -> Article {
        Article(id: id, title: "A long article title that needs wrapping in narrow panes", section: ["SECURITY", "Cybersecurity"],
                tags: ["swift", "terminal"], published: now, link: "https://example.com/articles/2026/11/long-article",
                source: ArticleSource(kind: .feed, location: "https://example.com/feed", name: "Example Feed"), guid: "g1",
                body: [
                    Block(.heading(level: 1), text: "Introduction"),
                    Block(.paragraph, text: paragraph),
                    Block(.paragraph, text: "Second paragraph mentions the fox again, and the word fox appears a third time here."),
                    Block(.quote(depth: 1), text: "A quoted line about the fox."),
                    Block(.listItem(depth: 1, marker: "•"), text: "An item in a list that is long enough to wrap onto a second line in narrow panes."),
                    Block(.preformatted, text: "let fox = \"quick\"\nprint(fox)"),
                    Block(.paragraph, text: String(repeating: "Filler sentence number to make the article long. ", count: 30)),
                    Block(.paragraph, text: "Last paragraph: the end of the fox story."),
                ])
    }

    /// A state as the runtime would have it after start-up with `rows` in the library.
    static func state(width: Int, height: Int, rows: [ArticleSummary] = rows(6), counts: SidebarCounts = counts,
                      keymap: Keymap = .standard) -> AppState {
        var state = AppState(width: width, height: height, keymap: keymap, timeZone: utc, now: now)
        let memory = MemoryLibrary(rows: rows, counts: counts, articles: [article()])
        memory.run(state.start(), on: &state)
        return state
    }

    static func type(_ keys: String, into state: inout AppState, rows: [ArticleSummary] = rows(6)) {
        let memory = MemoryLibrary(rows: rows, counts: counts, articles: [article()])
        for key in KeyNotation.keystrokes(keys) { memory.run(state.update(.key(key)), on: &state) }
    }
}

/// Answers the reader's store effects from arrays, for pure view/update tests that do not need
/// SQLite (the store-backed tests use a real LibraryStore).
struct MemoryLibrary {
    var rows: [ArticleSummary]
    var counts: SidebarCounts
    var articles: [Article]

    func run(_ effects: [Effect], on state: inout AppState) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            guard let action = answer(effect) else { continue }
            queue += state.update(action)
        }
    }

    func answer(_ effect: Effect) -> Action? {
        switch effect {
        case .loadSidebar: return .sidebarLoaded(counts)
        case .loadCount(let g, _, let unreadOnly): return .countLoaded(generation: g, count: unreadOnly ? rows.filter { !$0.read }.count : rows.count)
        case .loadPage(let r):
            let page: [ArticleSummary]
            switch r.kind {
            case .first: page = Array(rows.prefix(r.limit))
            case .last: page = Array(rows.suffix(r.limit))
            case .after:
                let i = rows.firstIndex { $0.id == r.anchor?.id }.map { $0 + 1 } ?? rows.count
                page = Array(rows[i...].prefix(r.limit))
            case .before:
                let i = rows.firstIndex { $0.id == r.anchor?.id } ?? 0
                page = Array(rows[..<i].suffix(r.limit))
            }
            return .pageLoaded(r, page)
        case .loadArticle(let id):
            return .articleLoaded(id: id, articles.first { $0.id == id })
        case .setBookmark(let id, let on): return .bookmarkSaved(id: id, on: on, at: Fixtures.now)
        case .setRead(let id, let read, let announce): return .readSaved(id: id, read: read, announce: announce)
        case .searchLibrary(let g, let words, let limit):
            // Titles containing every word, in row order: enough for the reader's side.
            let terms = words.lowercased().split(separator: " ")
            return .searchLoaded(generation: g, hits: Array(rows.filter { r in terms.allSatisfy { r.title.lowercased().contains($0) } }.prefix(limit)))
        case .markListRead: return .manyReadSaved(ids: rows.filter { !$0.read }.map(\.id), read: true, undoable: true)
        case .markRead(let ids, let read, let undoable): return .manyReadSaved(ids: ids, read: read, undoable: undoable)
        case .findUnread(let g, _, let from, let forward, _):
            let start = from.flatMap { c in rows.firstIndex { $0.id == c.id } }
            let indices = forward ? Array(((start.map { $0 + 1 }) ?? 0)..<rows.count) : Array((0..<(start ?? rows.count)).reversed())
            return .unreadFound(generation: g, found: indices.first { !rows[$0].read }.map { (.all, $0) })
        default: return nil
        }
    }
}

extension Buffer {
    /// The column where `text` starts on row `y` (display columns, not characters), or nil.
    func column(of text: String, row y: Int) -> Int? {
        for start in 0..<width where !self[start, y].isContinuation {
            var joined = ""
            var x = start
            while x < width, joined.count < text.count {
                joined += self[x, y].text
                x += 1
            }
            if joined.hasPrefix(text) { return start }
        }
        return nil
    }

    /// The style of the cell where `text` starts on row `y`.
    func style(of text: String, row y: Int) -> Style? {
        column(of: text, row: y).map { self[$0, y].style }
    }

    /// The first row containing `text`.
    func row(containing text: String) -> Int? {
        lines.firstIndex { $0.contains(text) }
    }
}
