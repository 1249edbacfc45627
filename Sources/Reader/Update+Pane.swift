import Foundation
import NewsModel
import Screen
import TextLayout

/// The reading pane: opening articles, re-wrapping, scrolling and link opening.
extension AppState {
    var paneHeight: Int {
        Geometry(width: width, height: height, focus: .pane, articleOpen: true).pane?.height ?? max(1, height - 1)
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
        pane.layoutWidth = 0
        pane.top = 0
        pane.search.current = nil
        relayoutPane()
        if article.readingPosition > 0, let line = pane.lines.firstIndex(where: { $0.block >= article.readingPosition }) {
            scrollPane(to: line)
        }
        if let link = pendingLinkFor, link == id {
            pendingLinkFor = nil
            effects += openLink()
        }
        return effects
    }

    /// Lays the article out again for the current width, keeping the same block at the top
    /// and the same current match.
    mutating func relayoutPane() {
        guard let article = pane.article else { return }
        let textWidth = Geometry(width: width, height: height, focus: .pane, articleOpen: true)
            .textWidth(maxTextWidth: maxTextWidth)
        guard textWidth > 0, textWidth != pane.layoutWidth else {
            scrollPane(to: pane.top)
            return
        }
        let anchorBlock = pane.lines.indices.contains(pane.top) ? pane.lines[pane.top].block : -1
        let headerTop = pane.top
        let header = PaneHeader.lines(article, width: textWidth, timeZone: timeZone)
        pane.lines = header + PaneLayout.body(article.body, width: textWidth)
        pane.layoutWidth = textWidth
        if anchorBlock >= 0, let line = pane.lines.firstIndex(where: { $0.block >= anchorBlock }) {
            pane.top = line
        } else {
            pane.top = min(headerTop, header.count)
        }
        refreshMatches()
        scrollPane(to: pane.top)
    }

    mutating func scrollPane(to line: Int) {
        let maxTop = max(0, pane.lines.count - visiblePaneHeight)
        pane.top = max(0, min(line, maxTop))
    }

    /// The block at the top of the pane, saved so the article reopens where it was left.
    func savePositionEffects() -> [Effect] {
        guard let article = pane.article, pane.lines.indices.contains(pane.top) else { return [] }
        let block = max(0, pane.lines[pane.top].block)
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

/// The header lines at the top of the pane: title, section › tags, date · author · source, link.
enum PaneHeader {
    static func lines(_ article: Article, width: Int, timeZone: TimeZone) -> [PaneLine] {
        var lines: [PaneLine] = []
        func add(_ text: String, _ scope: String, chars: Bool = false) {
            let rows = chars ? chunk(text, width: width) : PaneLayout.wrap(text, width: width)
            for row in rows where !row.isEmpty { lines.append(PaneLine([PaneSpan(row, scope: scope)], block: -1)) }
        }
        add(article.title.isEmpty ? "(untitled)" : article.title, "pane.title")
        var crumbs = article.section.joined(separator: " › ")
        if !article.tags.isEmpty {
            crumbs += (crumbs.isEmpty ? "" : " · ") + article.tags.map { "#" + $0 }.joined(separator: " ")
        }
        if !crumbs.isEmpty { add(crumbs, "pane.meta") }
        var meta: [String] = []
        if let date = article.published ?? article.updated { meta.append(format(date, timeZone: timeZone)) }
        if let author = article.author, !author.isEmpty { meta.append(author) }
        meta.append(article.source.name)
        add(meta.joined(separator: " · "), "pane.meta")
        if let link = article.link, !link.isEmpty { add(link, "pane.link", chars: true) }
        lines.append(PaneLine([PaneSpan(String(repeating: "─", count: max(1, width)), scope: "pane.rule")], block: -1))
        lines.append(PaneLine([], block: -1))
        return lines
    }

    static func format(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// Breaks a string (a URL) into rows of at most `width` columns anywhere.
    static func chunk(_ text: String, width: Int) -> [String] {
        var rows: [String] = []
        var row = ""
        var used = 0
        for unit in DisplayWidth.units(text) {
            if used + unit.width > width, !row.isEmpty { rows.append(row); row = ""; used = 0 }
            row += unit.text
            used += unit.width
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }
}
