import Screen
import TerminalText

/// All, Unread, Bookmarks, sections and tags, each with its count.
enum SidebarView {
    /// Draws `sidebar` into `rect`; `focused`: the sidebar has the keyboard.
    static func draw(_ buffer: inout Buffer, _ rect: Rect, sidebar: SidebarState, focused: Bool, styles: StyleProvider) {
        let base = styles.style("sidebar")
        buffer.fill(rect, style: base)
        var bottom = rect.maxY
        if let error = sidebar.error {
            bottom -= 1
            buffer.putTruncated(" " + error, x: rect.x, y: bottom, width: rect.width, style: base.patched(with: styles.style("sidebar.error")))
        }
        for row in 0..<max(0, bottom - rect.y) {
            let index = sidebar.offset + row
            guard sidebar.items.indices.contains(index) else { break }
            let item = sidebar.items[index]
            let y = rect.y + row
            let selected = index == sidebar.cursor
            var style = item.isHeading ? base.patched(with: styles.style("sidebar.heading")) : base
            if item.failing { style = style.patched(with: styles.style("sidebar.error")) }
            var countStyle = base.patched(with: styles.style("sidebar.count"))
            if selected {
                let sel = styles.style(focused ? "sidebar.selected.focused" : "sidebar.selected")
                style = style.patched(with: sel)
                countStyle = countStyle.patched(with: sel)
                buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            }
            let countWidth = DisplayWidth.width(item.countText)
            let indent = String(repeating: " ", count: max(0, min(item.depth, 6)))
            let labelWidth = max(0, rect.width - 1 - (countWidth > 0 ? countWidth + 2 : 1))
            buffer.putTruncated(" " + indent + item.label, x: rect.x, y: y, width: labelWidth + 1, style: style)
            if countWidth > 0, countWidth + 2 <= rect.width {
                buffer.put(item.countText, x: rect.maxX - countWidth - 1, y: y, style: countStyle)
            }
        }
    }
}
