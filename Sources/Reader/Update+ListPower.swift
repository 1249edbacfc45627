import Foundation
import NewsModel
import Screen

/// J/K, ] and [, S, U, A (with its confirmation and undo) and z.
extension AppState {
    // MARK: J / K

    /// The next (previous) article of the list, opened in the pane.
    mutating func stepArticle(by delta: Int) -> [Effect] {
        let target = list.cursor + delta
        guard knownTotal > 0, target >= 0, target < knownTotal else {
            message = StatusMessage(text: delta > 0 ? "No next article" : "No previous article", isError: false)
            return []
        }
        return open(index: target)
    }

    /// Moves the list cursor to `index` and opens that article (once its row is loaded).
    mutating func open(index: Int) -> [Effect] {
        let effects = moveList(to: index)
        list.openWhenLoaded = list.cursor
        return effects + openPendingRow()
    }

    /// Opens the row J/K/]/[ moved to, once the window holds it.
    mutating func openPendingRow() -> [Effect] {
        guard let index = list.openWhenLoaded, let row = list.row(at: index) else { return [] }
        list.openWhenLoaded = nil
        guard index == list.cursor else { return [] }
        return openRow(row)
    }

    // MARK: ] / [

    /// The next (previous) unread article: in this list, else in the next lists of the same
    /// kind in the sidebar (feeds, tags or sections). While reading, it opens.
    mutating func jumpToUnread(forward: Bool) -> [Effect] {
        let step = forward ? 1 : -1
        var i = list.cursor + step
        while i >= list.windowStart && i < list.windowEnd {
            if let row = list.row(at: i), !row.read { return jumpTo(index: i) }
            i += step
        }
        if list.searchHits != nil {
            message = StatusMessage(text: "No more unread articles here", isError: false)
            return []
        }
        // Rows beyond the window, then the following lists: the store looks.
        let from = (forward ? list.rows.last : list.rows.first).map { PageCursor($0, order: list.query.order) }
        return [.findUnread(generation: list.generation, query: list.query, from: from, forward: forward,
                            then: siblingLists(forward: forward))]
    }

    private mutating func jumpTo(index: Int) -> [Effect] {
        focus == .pane ? open(index: index) : moveList(to: index)
    }

    /// The sidebar lists after (before) the current one that are of the same kind.
    func siblingLists(forward: Bool) -> [ArticleFilter] {
        func kind(_ f: ArticleFilter?) -> Int? {
            switch f {
            case .source: return 1
            case .tag: return 2
            case .section: return 3
            default: return nil
            }
        }
        guard let k = kind(list.filter), let here = sidebar.items.firstIndex(where: { $0.filter == list.filter }) else { return [] }
        let indices = forward ? Array(sidebar.items.indices.suffix(from: here + 1)) : Array(sidebar.items.indices.prefix(upTo: here).reversed())
        return indices.compactMap { kind(sidebar.items[$0].filter) == k ? sidebar.items[$0].filter : nil }
    }

    mutating func applyUnreadFound(generation: Int, _ found: (filter: ArticleFilter, index: Int)?) -> [Effect] {
        guard generation == list.generation else { return [] }
        guard let found else {
            message = StatusMessage(text: "No more unread articles", isError: false)
            return []
        }
        if found.filter == list.filter { return jumpTo(index: found.index) }
        // Another list: show it with the cursor on that article.
        if let i = sidebar.items.firstIndex(where: { $0.filter == found.filter }) { sidebar.cursor = i }
        clampSidebarScroll()
        let reading = focus == .pane
        var effects = setFilter(found.filter, cursor: found.index)
        clampListScroll()
        message = StatusMessage(text: "Unread in " + StatusView.filterName(found.filter, sidebar: sidebar), isError: false)
        if reading {
            list.openWhenLoaded = found.index
            effects += openPendingRow()
        }
        return effects
    }

    // MARK: S / U

    /// The orders S cycles through: search lists add best match first.
    var sortCycle: [ListOrder] {
        if case .search = list.filter { return [.relevance, .date, .title, .source] }
        return [.date, .title, .source]
    }

    mutating func cycleSort() -> [Effect] {
        let cycle = sortCycle
        let next = cycle[((cycle.firstIndex(of: list.query.order) ?? -1) + 1) % cycle.count]
        return setSort(next)
    }

    mutating func setSort(_ order: ListOrder) -> [Effect] {
        guard sortCycle.contains(order) else {
            message = StatusMessage(text: "Sort by: " + sortCycle.map(\.rawValue).joined(separator: ", "), isError: true)
            return []
        }
        message = StatusMessage(text: "Sorted by \(order.rawValue)", isError: false)
        if order != .relevance { preferredOrder = order }
        var query = list.query
        query.order = order
        return changeQuery(query)
    }

    mutating func toggleUnreadOnly() -> [Effect] {
        setUnreadOnly(!list.query.unreadOnly)
    }

    mutating func setUnreadOnly(_ on: Bool) -> [Effect] {
        var query = list.query
        query.unreadOnly = on
        message = StatusMessage(text: on ? "Unread articles only" : "All articles", isError: false)
        return changeQuery(query)
    }

    /// Same list, another order or unread setting: search lists re-sort their hits in place.
    private mutating func changeQuery(_ query: ListQuery) -> [Effect] {
        guard query != list.query else { return [] }
        if list.searchHits != nil {
            list.query = query
            list.cursor = 0
            list.offset = 0
            showSearchRows()
            return []
        }
        return setQuery(query)
    }

    // MARK: A and undo

    mutating func askMarkAllRead() -> [Effect] {
        let name = StatusView.filterName(list.filter, sidebar: sidebar)
        let effects: [Effect]
        if let hits = list.searchHits {
            let ids = hits.filter { !$0.read }.map(\.id)
            guard !ids.isEmpty else {
                message = StatusMessage(text: "Nothing unread in \(name)", isError: false)
                return []
            }
            effects = [.markRead(ids: ids, read: true, undoable: true)]
        } else {
            guard knownTotal > 0 else {
                message = StatusMessage(text: "Nothing to mark in \(name)", isError: false)
                return []
            }
            effects = [.markListRead(list.filter)]
        }
        confirmation = Confirmation(question: "Mark every article in \(name) read? (y/n)", effects: effects)
        return []
    }

    mutating func handleConfirmationKey(_ key: KeyPress) -> [Effect] {
        guard let c = confirmation else { return [] }
        confirmation = nil
        if key == .char("y") || key == .char("Y") { return c.effects }
        message = StatusMessage(text: "Cancelled", isError: false)
        return []
    }

    mutating func applyManyRead(ids: [String], read: Bool, undoable: Bool) -> [Effect] {
        let changed = Set(ids)
        for i in list.rows.indices where changed.contains(list.rows[i].id) { list.rows[i].read = read }
        if var hits = list.searchHits {
            for i in hits.indices where changed.contains(hits[i].id) { hits[i].read = read }
            list.searchHits = hits
        }
        if let id = pane.article?.id, changed.contains(id) { pane.article?.read = read }
        let n = ids.count, articles = n == 1 ? "article" : "articles"
        if read {
            undo = undoable && n > 0 ? UndoRecord(ids: ids) : nil
            message = StatusMessage(text: "Marked \(n) \(articles) read" + (undo != nil ? " (u: undo)" : ""), isError: false)
        } else {
            message = StatusMessage(text: "Marked \(n) \(articles) unread again", isError: false)
        }
        var effects: [Effect] = [.loadSidebar]
        if list.query.unreadOnly || list.filter == .unread {
            if list.searchHits != nil { showSearchRows() } else { effects += reloadList() }
        }
        return effects
    }

    mutating func performUndo(_ record: UndoRecord?) -> [Effect] {
        guard let record else {
            message = StatusMessage(text: "Nothing to undo", isError: true)
            return []
        }
        undo = nil
        return [.markRead(ids: record.ids, read: false, undoable: false)]
    }

    // MARK: z

    mutating func toggleZoom() -> [Effect] {
        zoomed.toggle()
        relayoutPane()
        return setFocus(focus)
    }
}
