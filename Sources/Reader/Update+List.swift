import Foundation
import NewsModel

/// Sidebar and article list: selection, filters and keyset paging of the row window.
extension AppState {
    static let pageSize = 200
    static let maxWindow = 1200

    // MARK: sidebar

    mutating func applySidebar(_ counts: SidebarCounts) {
        let selectedFilter = sidebar.items.indices.contains(sidebar.cursor) ? sidebar.items[sidebar.cursor].filter : nil
        sidebar.counts = counts
        sidebar.items = SidebarState.items(for: counts, search: sidebar.search)
        sidebar.loaded = true
        sidebar.error = nil
        if let selectedFilter, let i = sidebar.items.firstIndex(where: { $0.filter == selectedFilter }) {
            sidebar.cursor = i
        } else {
            sidebar.cursor = min(sidebar.cursor, max(0, sidebar.items.count - 1))
        }
        clampSidebarScroll()
    }

    mutating func moveSidebar(by delta: Int) -> [Effect] {
        let items = sidebar.items
        guard !items.isEmpty else { return [] }
        var i = min(max(0, sidebar.cursor + delta), items.count - 1)
        // Headings are not selectable: step past them in the direction of travel.
        let step = delta >= 0 ? 1 : -1
        while items.indices.contains(i), items[i].isHeading { i += step }
        if !items.indices.contains(i) {
            i = min(max(0, sidebar.cursor + delta), items.count - 1)
            while items.indices.contains(i), items[i].isHeading { i -= step }
        }
        guard items.indices.contains(i), let filter = items[i].filter else { return [] }
        sidebar.cursor = i
        clampSidebarScroll()
        return filter == list.filter ? [] : setFilter(filter)
    }

    mutating func clampSidebarScroll() {
        let h = geometry.sidebar?.height ?? max(1, height - 1)
        if sidebar.cursor < sidebar.offset { sidebar.offset = sidebar.cursor }
        if sidebar.cursor >= sidebar.offset + h { sidebar.offset = sidebar.cursor - h + 1 }
        sidebar.offset = max(0, min(sidebar.offset, sidebar.items.count - h))
    }

    /// Shows another list in the current order (search lists: best match first) and
    /// unread-only setting, from `cursor`.
    mutating func setFilter(_ filter: ArticleFilter, cursor: Int = 0) -> [Effect] {
        var query = list.query
        query.filter = filter
        if case .search = filter {
            query.order = .relevance
        } else if query.order == .relevance {
            query.order = preferredOrder
        }
        return setQuery(query, cursor: cursor)
    }

    /// Resets the window and asks for the count and the first page (search lists: the hits).
    mutating func setQuery(_ query: ListQuery, cursor: Int = 0) -> [Effect] {
        list = ListState(query: query, generation: list.generation + 1)
        list.cursor = cursor
        if case .search(let words) = query.filter {
            return [.searchLibrary(generation: list.generation, words: words, limit: AppState.searchLimit)]
        }
        return [.loadCount(generation: list.generation, filter: query.filter, unreadOnly: query.unreadOnly)] + ensureListWindow()
    }

    /// Loads the same list again (after a refresh added articles), keeping the cursor's index.
    mutating func reloadList() -> [Effect] {
        let cursor = list.cursor, offset = list.offset
        let effects = setQuery(list.query, cursor: cursor)
        list.offset = offset
        return effects
    }

    // MARK: list

    var listHeight: Int { geometry.list?.height ?? max(1, height - 1) }

    /// Rows known to exist: the count once loaded, else what the window has seen.
    var knownTotal: Int { list.countLoaded ? list.total : list.windowEnd }

    mutating func moveList(to target: Int) -> [Effect] {
        let total = knownTotal
        guard total > 0 else { return [] }
        list.cursor = min(max(0, target), total - 1)
        clampListScroll()
        return ensureListWindow()
    }

    mutating func clampListScroll() {
        let h = listHeight
        if list.cursor < list.offset { list.offset = list.cursor }
        if list.cursor >= list.offset + h { list.offset = list.cursor - h + 1 }
        list.offset = max(0, min(list.offset, knownTotal - h))
    }

    /// Asks for the page that brings the rows around the cursor (and the visible rows) into
    /// the window. One request at a time; each result calls this again until nothing is missing.
    mutating func ensureListWindow() -> [Effect] {
        guard list.inFlight == nil else { return [] }
        if case .search = list.filter { return [] }
        let size = AppState.pageSize
        let margin = max(50, listHeight)
        func request(_ kind: PageKind, _ anchor: PageCursor?, _ limit: Int) -> [Effect] {
            let r = PageRequest(generation: list.generation, query: list.query, kind: kind, anchor: anchor, limit: limit)
            list.inFlight = r
            return [.loadPage(r)]
        }
        if list.rows.isEmpty {
            if list.countLoaded && list.total == 0 { return [] }
            if list.countLoaded && list.cursor >= size && list.cursor >= list.total - size {
                return request(.last, nil, size)
            }
            // The first page, or a long way down: start from the top; chained pages follow.
            return request(.first, nil, max(size, min(5_000, list.cursor + margin)))
        }
        let wantEnd = max(list.cursor, list.offset + listHeight) + margin
        let wantStart = min(list.cursor, list.offset) - margin
        if wantEnd > list.windowEnd, !list.countLoaded || list.windowEnd < list.total, let lastRow = list.rows.last {
            if list.countLoaded, list.cursor - list.windowEnd > AppState.maxWindow, list.total - list.cursor <= size {
                list.rows = []; list.windowStart = 0
                return request(.last, nil, size)
            }
            let distance = list.cursor - list.windowEnd
            return request(.after, PageCursor(lastRow, order: list.query.order), max(size, min(5_000, distance + margin + size)))
        }
        if wantStart < list.windowStart, list.windowStart > 0, let firstRow = list.rows.first {
            if list.cursor < size {
                list.rows = []; list.windowStart = 0
                return request(.first, nil, size)
            }
            let distance = list.windowStart - list.cursor
            return request(.before, PageCursor(firstRow, order: list.query.order), max(size, min(5_000, distance + margin + size)))
        }
        return []
    }

    mutating func applyPage(_ request: PageRequest, _ result: [ArticleSummary]) -> [Effect] {
        guard request.generation == list.generation, request == list.inFlight else { return [] }
        list.inFlight = nil
        // Date order is checked here; other orders come as the store collates them.
        let sorted = list.query.order == .date ? result.sorted(by: AppState.listOrder) : result
        switch request.kind {
        case .first:
            list.rows = sorted
            list.windowStart = 0
            if sorted.count < request.limit { list.total = sorted.count; list.countLoaded = true }
        case .last:
            list.rows = sorted
            list.windowStart = max(0, knownTotal - sorted.count)
        case .after:
            list.rows += sorted
            if sorted.count < request.limit { list.total = list.windowEnd; list.countLoaded = true }
            trimWindow(keepingEnd: true)
        case .before:
            list.rows = sorted + list.rows
            list.windowStart = sorted.count < request.limit ? 0 : max(0, list.windowStart - sorted.count)
            trimWindow(keepingEnd: false)
        }
        if knownTotal > 0 { list.cursor = min(list.cursor, knownTotal - 1) }
        clampListScroll()
        return ensureListWindow() + openPendingRow()
    }

    /// Drops rows far from the cursor so the window stays small.
    private mutating func trimWindow(keepingEnd: Bool) {
        let excess = list.rows.count - AppState.maxWindow
        guard excess > 0 else { return }
        let margin = max(50, listHeight)
        if keepingEnd {
            let drop = min(excess, max(0, min(list.cursor, list.offset) - margin - list.windowStart))
            list.rows.removeFirst(drop)
            list.windowStart += drop
        } else {
            let keepUntil = max(list.cursor, list.offset + listHeight) + margin
            let drop = min(excess, max(0, list.windowEnd - keepUntil))
            list.rows.removeLast(drop)
        }
    }

    /// The store's list order: newest first, ties by id, descending.
    static func listOrder(_ a: ArticleSummary, _ b: ArticleSummary) -> Bool {
        a.sortDate != b.sortDate ? a.sortDate > b.sortDate : a.id > b.id
    }
}

extension SidebarState {
    /// All, Unread, Bookmarks, then sections (indented by depth), then tags.
    static func items(for counts: SidebarCounts, search: (words: String, count: Int?)? = nil) -> [SidebarItem] {
        func both(_ total: Int, _ unread: Int) -> String { unread > 0 ? "\(unread)/\(total)" : "\(total)" }
        var items: [SidebarItem] = [
            SidebarItem(label: "All", depth: 0, filter: .all, countText: both(counts.total, counts.unread)),
            SidebarItem(label: "Unread", depth: 0, filter: .unread, countText: "\(counts.unread)"),
            SidebarItem(label: "Bookmarks", depth: 0, filter: .bookmarks, countText: "\(counts.bookmarks)"),
        ]
        if let search {
            let count = search.count.map { $0 >= AppState.searchLimit ? "\($0)+" : "\($0)" } ?? "…"
            items.append(SidebarItem(label: "Search: " + search.words, depth: 0, filter: .search(search.words), countText: count))
        }
        if !counts.sections.isEmpty {
            items.append(SidebarItem(label: "Sections", depth: 0, filter: nil, countText: ""))
            for s in counts.sections where !s.path.isEmpty {
                items.append(SidebarItem(label: s.path.last ?? "", depth: s.path.count, filter: .section(s.path),
                                         countText: both(s.total, s.unread)))
            }
        }
        if !counts.tags.isEmpty {
            items.append(SidebarItem(label: "Tags", depth: 0, filter: nil, countText: ""))
            for t in counts.tags {
                items.append(SidebarItem(label: "#" + t.name, depth: 1, filter: .tag(t.name), countText: both(t.total, t.unread)))
            }
        }
        if !counts.feeds.isEmpty {
            items.append(SidebarItem(label: "Feeds", depth: 0, filter: nil, countText: ""))
            for f in counts.feeds {
                // A failing feed is marked "!" (styled as an error) and keeps its articles listed.
                items.append(SidebarItem(label: (f.lastError == nil ? "" : "! ") + f.title, depth: 1,
                                         filter: .source(f.url), countText: "\(f.items)", failing: f.lastError != nil))
            }
        }
        return items
    }
}
