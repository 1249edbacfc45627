import Foundation
import NewsModel
import Screen
import TerminalText
import TextLayout

/// The article list: date, unread dot, bookmark star, title (cut with "…"), source.
/// Only the visible rows are drawn, from the loaded window.
enum ListView {
    static let unreadMark = "●"
    static let bookmarkMark = "★"

    /// What the list draws: the window of rows, the cursor, and how dates are shown.
    struct Props {
        var list: ListState
        var focused: Bool
        /// Rows known to exist (the count once loaded, else what the window has seen).
        var knownTotal: Int
        var dates: DateColumn
    }

    /// The date column: the configured pattern, else "Nov 27" this year and "  2025" before.
    struct DateColumn {
        var pattern: String?
        var timeZone: TimeZone
        var currentYear: Int

        /// Columns: the pattern applied to a wide sample date (6 for the compact form).
        var width: Int {
            guard let pattern else { return 6 }
            let sample = Date(timeIntervalSince1970: 1_798_761_599) // 2026-12-31 23:59:59
            return min(24, DisplayWidth.width(DateFormat(pattern).string(from: sample, timeZone: timeZone)))
        }

        func text(_ article: ArticleSummary) -> String {
            let date = article.published ?? article.sortDate
            if let pattern { return DateFormat(pattern).string(from: date, timeZone: timeZone) }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let year = calendar.component(.year, from: date)
            return year == currentYear ? DateFormat("%b %e").string(from: date, timeZone: timeZone) : "  \(year)"
        }
    }

    static func draw(_ buffer: inout Buffer, _ rect: Rect, _ props: Props, styles: StyleProvider) {
        let base = styles.style("list")
        buffer.fill(rect, style: base)
        let list = props.list
        if list.countLoaded && list.total == 0 {
            buffer.putTruncated(" No articles here", x: rect.x, y: rect.y, width: rect.width, style: base.patched(with: styles.style("list.date")))
            return
        }
        let focused = props.focused
        for row in 0..<rect.height {
            let index = list.offset + row
            guard index < max(props.knownTotal, list.rows.isEmpty ? 1 : 0) else { break }
            let y = rect.y + row
            let selected = index == list.cursor
            guard let article = list.row(at: index) else {
                var style = base.patched(with: styles.style("list.date"))
                if selected { style = style.patched(with: styles.style(focused ? "list.selected.focused" : "list.selected")) }
                buffer.putTruncated(" …", x: rect.x, y: y, width: rect.width, style: style)
                continue
            }
            drawRow(&buffer, x: rect.x, y: y, width: rect.width, article, selected: selected, focused: focused, dates: props.dates,
                    styles: styles)
        }
    }

    static func drawRow(_ buffer: inout Buffer, x: Int, y: Int, width: Int, _ article: ArticleSummary,
                        selected: Bool, focused: Bool, dates: DateColumn, styles: StyleProvider) {
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
        let dateWidth = dates.width
        if width >= 30 + dateWidth {
            buffer.putTruncated(dates.text(article), x: col, y: y, width: dateWidth, style: style("list.date"))
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
}
