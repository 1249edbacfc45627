import NewsModel
import Screen
import TerminalText

/// The bottom line: the prompt while typing, else position, match count, pending keys and messages.
enum StatusView {
    static func draw(_ buffer: inout Buffer, _ rect: Rect, state: AppState, styles: StyleProvider) {
        guard !rect.isEmpty, !state.geometry.tooSmall else { return }
        if let picker = state.linkPicker, state.message == nil {
            let style = styles.style("prompt")
            buffer.fill(rect, style: style)
            buffer.putTruncated(" Link number: " + picker.typed, x: rect.x, y: rect.y, width: rect.width, style: style, pad: false)
            return
        }
        if let question = state.confirmation?.question {
            let style = styles.style("prompt")
            buffer.fill(rect, style: style)
            buffer.putTruncated(" " + question, x: rect.x, y: rect.y, width: rect.width, style: style, pad: false)
            return
        }
        if let prompt = state.prompt {
            let style = styles.style("prompt")
            buffer.fill(rect, style: style)
            // Show the end of a long query: the cursor sits after it.
            var text = prompt.text
            while DisplayWidth.width(text) > rect.width - 2, !text.isEmpty { text.removeFirst() }
            buffer.put(prompt.kind.leader + text, x: rect.x, y: rect.y, maxWidth: rect.width, style: style)
            return
        }
        let base = styles.style("status")
        buffer.fill(rect, style: base)
        var right = ""
        if state.count != nil || !state.pendingKeys.isEmpty {
            right = (state.count.map(String.init) ?? "") + state.pendingKeys.map { KeyNotation.format($0) }.joined()
        }
        if right.isEmpty, let r = state.refreshing { right = r.total > 0 ? "refreshing \(r.done)/\(r.total)" : "refreshing…" }
        if right.isEmpty { right = "F1 help" }
        let rightWidth = DisplayWidth.width(right)
        let x = rect.x + buffer.put(" " + position(state), x: rect.x, y: rect.y, maxWidth: rect.width, style: base)
        if let message = state.message {
            let style = base.patched(with: styles.style(message.isError ? "status.error" : "status.message"))
            let room = rect.maxX - x - 2 - rightWidth - 2
            if room > 3 { buffer.putTruncated(message.text, x: x + 2, y: rect.y, width: room, style: style, pad: false) }
        }
        if rightWidth + 1 < rect.width - (x - rect.x) {
            buffer.put(right, x: rect.maxX - rightWidth - 1, y: rect.y, style: base)
        }
    }

    static func position(_ state: AppState) -> String {
        switch state.focus {
        case .pane where state.pane.article != nil:
            let pane = state.pane
            let h = state.visiblePaneHeight
            let total = pane.lineCount
            let pct = total <= h ? 100 : min(100, (pane.top + h) * 100 / total)
            var text = "line \(min(total, pane.top + 1))/\(total) \(pct)%"
            if !pane.search.query.isEmpty {
                // At the cap the count is a lower bound: "10000+".
                let count = pane.search.matches.count
                let shown = count >= PaneContent.matchLimit ? "\(count)+" : "\(count)"
                if let current = pane.search.current, count > 0 {
                    text += " · match \(current + 1)/\(shown)"
                } else {
                    text += " · \(shown) matches"
                }
            }
            return text
        default:
            var name = filterName(state.list.filter, sidebar: state.sidebar)
            // The order when it is not the list's usual one, and the unread-only filter.
            let query = state.list.query
            let usual: ListOrder
            if case .search = query.filter { usual = .relevance } else { usual = .date }
            if query.order != usual { name += " · by \(query.order.rawValue)" }
            if query.unreadOnly { name += " · unread" }
            let total = state.knownTotal
            guard total > 0 else { return name + (state.list.countLoaded ? " · empty" : " · loading") }
            return "\(name) · \(state.list.cursor + 1)/\(total)\(state.list.countLoaded ? "" : "+")"
        }
    }

    static func filterName(_ filter: ArticleFilter, sidebar: SidebarState) -> String {
        switch filter {
        case .all: return "All"
        case .unread: return "Unread"
        case .bookmarks: return "Bookmarks"
        case .section(let path): return path.joined(separator: " › ")
        case .tag(let tag): return "#" + tag
        case .search(let words): return "Search: " + words
        case .source(let source):
            // A feed is named by its sidebar title rather than its URL.
            return sidebar.items.first { $0.filter == filter }?.label ?? source
        }
    }
}
