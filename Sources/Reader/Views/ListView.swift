import Foundation
import NewsModel
import Screen
import TextLayout

/// The article list: date, unread dot, bookmark star, title (cut with "…"), source.
/// Only the visible rows are drawn, from the loaded window.
enum ListView {
    static let unreadMark = "●"
    static let bookmarkMark = "★"

    static func draw(_ buffer: inout Buffer, _ rect: Rect, state: AppState, styles: StyleProvider) {
        let base = styles.style("list")
        buffer.fill(rect, style: base)
        let list = state.list
        if list.countLoaded && list.total == 0 {
            buffer.putTruncated(" No articles here", x: rect.x, y: rect.y, width: rect.width, style: base.patched(with: styles.style("list.date")))
            return
        }
        let focused = state.focus == .list
        for row in 0..<rect.height {
            let index = list.offset + row
            guard index < max(state.knownTotal, list.rows.isEmpty ? 1 : 0) else { break }
            let y = rect.y + row
            let selected = index == list.cursor
            guard let article = list.row(at: index) else {
                var style = base.patched(with: styles.style("list.date"))
                if selected { style = style.patched(with: styles.style(focused ? "list.selected.focused" : "list.selected")) }
                buffer.putTruncated(" …", x: rect.x, y: y, width: rect.width, style: style)
                continue
            }
            drawRow(&buffer, x: rect.x, y: y, width: rect.width, article, selected: selected, focused: focused, state: state, styles: styles)
        }
    }

    static func drawRow(_ buffer: inout Buffer, x: Int, y: Int, width: Int, _ article: ArticleSummary,
                        selected: Bool, focused: Bool, state: AppState, styles: StyleProvider) {
        var row = styles.style("list").patched(with: styles.style(article.read ? "list.read" : "list.unread"))
        if article.bookmarked { row = row.patched(with: styles.style("list.bookmarked")) }
        let selection = selected ? styles.style(focused ? "list.selected.focused" : "list.selected") : nil
        func style(_ scope: String?) -> Style {
            var s = scope.map { row.patched(with: styles.style($0)) } ?? row
            if let selection { s = s.patched(with: selection) }
            return s
        }
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style(nil))
        var col = x + 1
        let end = x + width - 1
        let dateWidth = dateColumnWidth(state)
        if width >= 30 + dateWidth {
            buffer.putTruncated(dateText(article, state: state), x: col, y: y, width: dateWidth, style: style("list.date"))
            col += dateWidth + 1
        }
        let flags = (article.read ? " " : unreadMark) + (article.bookmarked ? bookmarkMark : " ")
        col += buffer.put(flags, x: col, y: y, maxWidth: max(0, end - col), style: style("list.flag"))
        col += 1
        let sourceWidth = width >= 56 ? min(16, width / 4) : 0
        let titleWidth = end - col - (sourceWidth > 0 ? sourceWidth + 1 : 0)
        if titleWidth > 0 {
            buffer.putTruncated(article.title.isEmpty ? "(untitled)" : article.title, x: col, y: y, width: titleWidth, style: style(nil))
        }
        if sourceWidth > 0 {
            buffer.putTruncated(article.sourceName, x: end - sourceWidth, y: y, width: sourceWidth, style: style("list.source"))
        }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Columns of the date column: the configured pattern applied to a wide sample date.
    static func dateColumnWidth(_ state: AppState) -> Int {
        guard let pattern = state.dateFormat else { return 6 }
        let sample = Date(timeIntervalSince1970: 1_798_761_599) // 2026-12-31 23:59:59
        return min(24, DisplayWidth.width(DateFormat(pattern).string(from: sample, timeZone: state.timeZone)))
    }

    /// The configured pattern, else "Nov 27" this year and "  2025" for other years (6 columns).
    static func dateText(_ article: ArticleSummary, state: AppState) -> String {
        if let pattern = state.dateFormat {
            return DateFormat(pattern).string(from: article.published ?? article.sortDate, timeZone: state.timeZone)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = state.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: article.published ?? article.sortDate)
        let year = c.year ?? 0
        if year != state.currentYear { return "  \(year)" }
        let day = c.day ?? 0
        return months[max(0, min(11, (c.month ?? 1) - 1))] + (day < 10 ? "  \(day)" : " \(day)")
    }
}
