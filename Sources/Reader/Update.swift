import Foundation
import NewsModel
import Screen

extension AppState {
    /// Effects to run once at start-up: sidebar counts and the first page of the list.
    public mutating func start(filter: ArticleFilter = .all) -> [Effect] {
        var effects: [Effect] = [.loadSidebar]
        if let i = sidebar.items.firstIndex(where: { $0.filter == filter }) { sidebar.cursor = i }
        effects += setFilter(filter)
        return effects
    }

    /// The one place state changes. Pure: returns the side effects it wants run.
    public mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(key)
        case .command(let command, let count):
            return perform(command, count: count)
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            relayoutPane()
            clampListScroll()
            clampSidebarScroll()
            return ensureListWindow()
        case .sidebarLoaded(let counts):
            applySidebar(counts)
            return []
        case .countLoaded(let generation, let count):
            guard generation == list.generation else { return [] }
            list.total = count
            list.countLoaded = true
            if list.cursor >= count { list.cursor = max(0, count - 1) }
            clampListScroll()
            return ensureListWindow()
        case .pageLoaded(let request, let rows):
            return applyPage(request, rows)
        case .searchLoaded(let generation, let hits):
            return applySearchHits(generation: generation, hits)
        case .manyReadSaved(let ids, let read, let undoable):
            return applyManyRead(ids: ids, read: read, undoable: undoable)
        case .unreadFound(let generation, let found):
            return applyUnreadFound(generation: generation, found)
        case .articleLoaded(let id, let article):
            return applyArticle(id: id, article)
        case .bookmarkSaved(let id, let on, let at):
            updateRows(id) { $0.bookmarked = on }
            if pane.article?.id == id {
                let since = pane.article?.bookmarkedAt ?? at
                pane.article?.bookmarkedAt = on ? since : nil
            }
            message = StatusMessage(text: on ? "Bookmarked" : "Bookmark removed", isError: false)
            return [.loadSidebar]
        case .readSaved(let id, let read, let announce):
            updateRows(id) { $0.read = read }
            if pane.article?.id == id { pane.article?.read = read }
            if announce { message = StatusMessage(text: read ? "Marked read" : "Marked unread", isError: false) }
            return [.loadSidebar]
        case .failed(let text):
            message = StatusMessage(text: text, isError: true)
            return []
        case .pageFailed(let request, let text):
            if request == list.inFlight { list.inFlight = nil }
            message = StatusMessage(text: text, isError: true)
            return []
        case .sidebarFailed(let text):
            sidebar.error = text
            return []
        case .message(let text, let isError):
            message = StatusMessage(text: text, isError: isError)
            return []
        case .refreshProgress(let done, let total, _):
            refreshing = (done, total)
            return []
        case .feedsAdded(let urls, let text):
            message = StatusMessage(text: text + (urls.count == 1 && refreshing == nil ? "; fetching it" : "; R fetches"), isError: false)
            guard urls.count == 1, refreshing == nil else { return [.loadSidebar] }
            refreshing = (0, 0)
            return [.loadSidebar, .refreshFeeds(.source(urls[0]))]
        case .refreshFinished(let summary, let failed):
            refreshing = nil
            message = StatusMessage(text: summary, isError: failed > 0)
            return [.loadSidebar] + reloadList()
        }
    }

    // MARK: keys

    mutating func handleKey(_ key: KeyPress) -> [Effect] {
        if key == .resize { return [] }
        if case .mouse(let event) = key { return handleMouse(event) }
        if confirmation != nil { return handleConfirmationKey(key) }
        if linkPicker != nil { return handleLinkPickerKey(key) }
        if prompt != nil { return handlePromptKey(key) }
        message = nil
        let context = helpTop != nil ? KeyContext.help : focus.keyContext
        if pendingKeys.isEmpty, case .char(let c) = key, c.isASCII, let digit = c.wholeNumberValue,
           digit > 0 || count != nil, keymap.lookup([key], context: context) == .unbound {
            count = min(99_999, (count ?? 0) * 10 + digit)
            return []
        }
        if key == .escape, count != nil || !pendingKeys.isEmpty {
            count = nil; pendingKeys = []
            return []
        }
        let sequence = pendingKeys + [key]
        switch keymap.lookup(sequence, context: context) {
        case .command(let command):
            let n = count
            pendingKeys = []; count = nil
            return perform(command, count: n)
        case .pending:
            pendingKeys = sequence
            return []
        case .unbound:
            pendingKeys = []; count = nil
            return []
        }
    }

    // MARK: commands

    mutating func perform(_ command: Command, count: Int?) -> [Effect] {
        if helpTop != nil { return performInHelp(command, count: count) }
        let n = max(1, count ?? 1)
        // Undo is offered only right after mark-all-read (the command line keeps it for :undo).
        let pendingUndo = undo
        if command != .commandPrompt { undo = nil }
        switch command {
        case .moveDown: return move(by: n)
        case .moveUp: return move(by: -n)
        case .first: return moveTo(count.map { $0 - 1 } ?? 0)
        case .last: return moveTo(count.map { $0 - 1 } ?? Int.max)
        case .halfPageDown: return move(by: n * max(1, focusedHeight / 2))
        case .halfPageUp: return move(by: -n * max(1, focusedHeight / 2))
        case .pageDown: return move(by: n * max(1, focusedHeight - 1))
        case .pageUp: return move(by: -n * max(1, focusedHeight - 1))
        case .focusLeft: return setFocus(previousFocus(wrap: false))
        case .focusRight: return setFocus(nextFocus(wrap: false))
        case .focusNext: return setFocus(nextFocus(wrap: true))
        case .focusPrevious: return setFocus(previousFocus(wrap: true))
        case .open: return openSelected()
        case .close: return setFocus(.list)
        case .searchForward, .searchBackward: return openSearchPrompt(backward: command == .searchBackward)
        case .searchNext: return searchStep(reverse: false, times: n)
        case .searchPrevious: return searchStep(reverse: true, times: n)
        case .toggleBookmark:
            guard let (id, on) = targetFlags(\.bookmarked) else { return nothingSelected() }
            return [.setBookmark(id: id, on: !on)]
        case .toggleRead:
            if pendingUndo != nil { return performUndo(pendingUndo) }
            guard let (id, read) = targetFlags(\.read) else { return nothingSelected() }
            return [.setRead(id: id, read: !read, announce: true)]
        case .openLink: return openLink()
        case .refresh, .refreshAll:
            guard refreshing == nil else {
                message = StatusMessage(text: "Already refreshing", isError: false)
                return []
            }
            refreshing = (0, 0)
            if command == .refreshAll { return [.refreshFeeds(.all)] }
            switch list.filter {
            case .tag(let tag): return [.refreshFeeds(.tag(tag))]
            case .source(let source): return [.refreshFeeds(.source(source))]
            default: return [.refreshFeeds(.all)]
            }
        case .help:
            helpTop = 0
            return []
        case .commandPrompt:
            prompt = PromptState(kind: .command, savedTop: pane.top, savedSearch: pane.search)
            return []
        case .searchLibrary:
            prompt = PromptState(kind: .command, text: "search ", savedTop: pane.top, savedSearch: pane.search)
            return []
        case .nextArticle: return stepArticle(by: n)
        case .previousArticle: return stepArticle(by: -n)
        case .nextUnread: return jumpToUnread(forward: true)
        case .previousUnread: return jumpToUnread(forward: false)
        case .cycleSort: return cycleSort()
        case .toggleUnreadOnly: return toggleUnreadOnly()
        case .markAllRead: return askMarkAllRead()
        case .zoom: return toggleZoom()
        case .showBookmarks: return showList(.bookmarks)
        case .listLinks: return openLinkPicker()
        case .copyLink:
            guard let link = pane.article?.link, !link.isEmpty else {
                message = StatusMessage(text: pane.article == nil ? "Open an article (Enter) to copy its link" : "This article has no link", isError: true)
                return []
            }
            return [.copyToClipboard(link)]
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .quit:
            quitRequested = true
            return savePositionEffects() + [.quit]
        case .undo: return performUndo(pendingUndo)
        case .theme, .search, .tag, .feed, .sort, .set, .add:
            message = StatusMessage(text: "Usage: :\(command.rawValue) \(command.argument ?? "")", isError: true)
            return []
        case .promptSubmit, .promptCancel, .promptDeleteChar, .promptDeleteWord, .promptClear,
             .promptHistoryPrevious, .promptHistoryNext, .promptComplete, .promptCompleteBack:
            return editPrompt(command)
        }
    }

    private mutating func performInHelp(_ command: Command, count: Int?) -> [Effect] {
        let n = max(1, count ?? 1)
        let page = max(1, height - 2)
        var top = helpTop ?? 0
        switch command {
        case .moveDown: top += n
        case .moveUp: top -= n
        case .halfPageDown: top += page / 2
        case .halfPageUp: top -= page / 2
        case .pageDown: top += page
        case .pageUp: top -= page
        case .first: top = 0
        case .last: top = Int.max / 2
        case .help, .close, .quit:
            helpTop = nil
            return []
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        default: return []
        }
        helpTop = max(0, min(top, HelpView.lineCount(keymap) - page))
        return []
    }

    var focusedHeight: Int {
        geometry.rect(for: focus)?.height ?? max(1, height - 1)
    }

    mutating func move(by delta: Int) -> [Effect] {
        switch focus {
        case .sidebar: return moveSidebar(by: delta)
        case .list: return moveList(to: list.cursor + delta)
        case .pane:
            scrollPane(to: pane.top + delta)
            return []
        }
    }

    mutating func moveTo(_ index: Int) -> [Effect] {
        switch focus {
        case .sidebar: return moveSidebar(by: index == Int.max ? Int.max / 2 : index - sidebar.cursor)
        case .list: return moveList(to: index)
        case .pane:
            scrollPane(to: index == Int.max ? Int.max / 2 : index)
            return []
        }
    }

    private func order() -> [Focus] {
        var panes: [Focus] = [.sidebar, .list]
        if pane.article != nil || pane.loadingID != nil { panes.append(.pane) }
        return panes
    }

    private func nextFocus(wrap: Bool) -> Focus {
        let panes = order()
        let i = panes.firstIndex(of: focus) ?? 0
        if i + 1 < panes.count { return panes[i + 1] }
        return wrap ? panes[0] : focus
    }

    private func previousFocus(wrap: Bool) -> Focus {
        let panes = order()
        let i = panes.firstIndex(of: focus) ?? 0
        if i > 0 { return panes[i - 1] }
        return wrap ? panes[panes.count - 1] : focus
    }

    mutating func setFocus(_ newFocus: Focus) -> [Effect] {
        focus = newFocus
        clampListScroll()
        clampSidebarScroll()
        scrollPane(to: pane.top)
        return ensureListWindow()
    }

    /// The article a bookmark/read toggle applies to: the open one while reading, else the
    /// selected row.
    private func targetFlags(_ flag: KeyPath<ArticleSummary, Bool>) -> (String, Bool)? {
        if focus == .pane, let article = pane.article {
            let on = flag == \ArticleSummary.bookmarked ? article.isBookmarked : article.read
            return (article.id, on)
        }
        guard focus != .sidebar, let row = list.selected else { return nil }
        return (row.id, row[keyPath: flag])
    }

    private mutating func nothingSelected() -> [Effect] {
        message = StatusMessage(text: "No article selected", isError: true)
        return []
    }

    mutating func updateRows(_ id: String, _ change: (inout ArticleSummary) -> Void) {
        for i in list.rows.indices where list.rows[i].id == id { change(&list.rows[i]) }
    }
}
