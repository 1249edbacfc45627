import Foundation
import NewsModel
import Screen

/// The reading pane: opening articles, re-wrapping, scrolling and link opening.
extension AppState {
    var paneHeight: Int {
        Geometry(width: width, height: height, focus: .pane, articleOpen: true, sidebarWidth: sidebarWidth, zoomed: zoomed).pane?.height ?? max(1, height - 1)
    }

    /// The visible pane height (narrow layouts stack the list over the pane while browsing).
    var visiblePaneHeight: Int { geometry.pane?.height ?? paneHeight }

    mutating func openSelected() -> [Effect] {
        switch focus {
        case .sidebar:
            return setFocus(.list)
        case .pane:
            return []
        case .list:
            guard let row = list.selected else { return nothingSelectedMessage() }
            return openRow(row)
        }
    }

    /// Opens a list row in the pane (marking it read) and focuses the pane.
    mutating func openRow(_ row: ArticleSummary) -> [Effect] {
        var effects: [Effect] = []
        if pane.article?.id != row.id {
            effects += savePositionEffects()
            pane.loadingID = row.id
            effects.append(.loadArticle(id: row.id))
        }
        if !row.read { effects.append(.setRead(id: row.id, read: true, announce: false)) }
        focus = .pane
        return effects
    }

    private mutating func nothingSelectedMessage() -> [Effect] {
        message = StatusMessage(text: "No article selected", isError: true)
        return []
    }

    mutating func applyArticle(id: String, _ article: Article?) -> [Effect] {
        guard id == pane.loadingID else { return [] }
        pane.loadingID = nil
        guard let article else {
            message = StatusMessage(text: "Article \(id) is no longer in the library", isError: true)
            if focus == .pane { focus = .list }
            return []
        }
        var effects: [Effect] = []
        pane.article = article
        if !article.read, list.selected?.id == id { pane.article?.read = true }
        pane.content = nil
        pane.top = 0
        pane.search.current = nil
        if case .search(let words) = list.filter {
            // Opened from a library search: its words are highlighted, n / N step through them.
            pane.search = PaneSearch(query: words, words: LibrarySearchWords.split(words))
        } else if pane.search.words != nil {
            // A library search's words belong to its list; a / search stays as in vim.
            pane.search = PaneSearch()
        }
        relayoutPane()
        if article.readingPosition > 0, let content = pane.content {
            scrollPane(to: content.line(ofBlock: article.readingPosition))
        }
        if let link = pendingLinkFor, link == id {
            pendingLinkFor = nil
            effects += openLink()
        }
        return effects
    }

    /// Lays the article out again for the current width, keeping the same paragraph at the
    /// top and the same current match.
    mutating func relayoutPane() {
        guard let article = pane.article else { return }
        let g = Geometry(width: width, height: height, focus: .pane, articleOpen: true, sidebarWidth: sidebarWidth, zoomed: zoomed)
        guard let paneRect = g.pane else { return }
        let width = g.textWidth(maxTextWidth: paneRect.width)
        if let content = pane.content, content.width == width {
            scrollPane(to: pane.top)
            return
        }
        let anchor = pane.content?.anchor(atLine: pane.top)
        let headerTop = pane.top
        let content = PaneContent(article: article, width: width, maxTextWidth: maxTextWidth, timeZone: timeZone)
        pane.content = content
        pane.top = anchor.map { content.line(for: $0) } ?? min(headerTop, content.header.count)
        refreshMatches()
        scrollPane(to: pane.top)
    }

    mutating func scrollPane(to line: Int) {
        let maxTop = max(0, pane.lineCount - visiblePaneHeight)
        pane.top = max(0, min(line, maxTop))
    }

    /// The block at the top of the pane, saved so the article reopens where it was left.
    /// Public: the runtime runs these itself when a signal ends the reader.
    public func savePositionEffects() -> [Effect] {
        guard let article = pane.article, let content = pane.content else { return [] }
        let block = content.block(atLine: pane.top)
        return block == article.readingPosition ? [] : [.saveReadingPosition(id: article.id, block: block)]
    }

    mutating func openLink() -> [Effect] {
        if focus != .pane, let row = list.selected, pane.article?.id != row.id {
            pendingLinkFor = row.id
            pane.loadingID = row.id
            return [.loadArticle(id: row.id)]
        }
        guard let article = pane.article else { return nothingSelectedMessage() }
        guard let link = article.link, !link.isEmpty else {
            message = StatusMessage(text: "This article has no link", isError: true)
            return []
        }
        return [.openLink(link)]
    }
}
