import Foundation
import NewsModel

/// `:search WORDS` / `s`: the library's full-text search as a virtual sidebar entry
/// ("Search: WORDS", with its count) whose list holds every hit, best match first.
extension AppState {
    mutating func searchLibrary(_ words: String) -> [Effect] {
        let words = words.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !words.isEmpty else {
            message = StatusMessage(text: "Usage: :search WORDS", isError: true)
            return []
        }
        sidebar.search = (words, nil)
        sidebar.items = SidebarState.items(for: sidebar.counts, search: sidebar.search)
        if let i = sidebar.items.firstIndex(where: { $0.filter == .search(words) }) { sidebar.cursor = i }
        clampSidebarScroll()
        if focus != .list { _ = setFocus(.list) }
        return setFilter(.search(words))
    }

    mutating func applySearchHits(generation: Int, _ hits: [ArticleSummary]) -> [Effect] {
        guard generation == list.generation, case .search(let words) = list.filter else { return [] }
        list.searchHits = hits
        showSearchRows()
        sidebar.search = (words, hits.count)
        let selected = sidebar.items.indices.contains(sidebar.cursor) ? sidebar.items[sidebar.cursor].filter : nil
        sidebar.items = SidebarState.items(for: sidebar.counts, search: sidebar.search)
        if let selected, let i = sidebar.items.firstIndex(where: { $0.filter == selected }) { sidebar.cursor = i }
        let shown = hits.count >= AppState.searchLimit ? "\(hits.count)+" : "\(hits.count)"
        message = StatusMessage(text: hits.isEmpty ? "Nothing found for \(words)" : "\(shown) found for \(words)",
                                isError: hits.isEmpty)
        return openPendingRow()
    }

    /// The search list's rows from its hits in the list's order and unread-only setting.
    mutating func showSearchRows() {
        guard let hits = list.searchHits else { return }
        var rows = list.query.unreadOnly ? hits.filter { !$0.read } : hits
        switch list.query.order {
        case .relevance: break
        case .date: rows.sort(by: AppState.listOrder)
        case .title: rows.sort { AppState.caseless($0.title, $1.title, $0.id, $1.id) }
        case .source:
            rows.sort { a, b in
                a.sourceName.lowercased() != b.sourceName.lowercased() ? a.sourceName.lowercased() < b.sourceName.lowercased()
                    : AppState.listOrder(a, b)
            }
        }
        list.rows = rows
        list.windowStart = 0
        list.total = rows.count
        list.countLoaded = true
        list.cursor = min(list.cursor, max(0, rows.count - 1))
        clampListScroll()
    }

    static func caseless(_ a: String, _ b: String, _ idA: String, _ idB: String) -> Bool {
        let x = a.lowercased(), y = b.lowercased()
        return x != y ? x < y : idA < idB
    }
}

/// The words of a library search, as the pane highlights them: quotes and FTS operators
/// (`*`, `^`, parentheses) stripped, AND/OR/NOT dropped.
enum LibrarySearchWords {
    static func split(_ query: String) -> [String] {
        query.split(whereSeparator: \.isWhitespace)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"'*^()+-:")) }
            .filter { !$0.isEmpty && !["AND", "OR", "NOT"].contains($0) }
    }
}
