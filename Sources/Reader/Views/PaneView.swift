import Screen
import TextLayout

/// The reading pane: the laid-out article from `pane.top`, with every search match highlighted
/// and the current one distinct.
enum PaneView {
    static func draw(_ buffer: inout Buffer, _ rect: Rect, state: AppState, styles: StyleProvider) {
        let base = styles.style("pane")
        buffer.fill(rect, style: base)
        let pane = state.pane
        guard pane.article != nil else {
            let hint = pane.loadingID != nil ? "Loading…" : "Select an article and press Enter"
            buffer.putTruncated(" " + hint, x: rect.x, y: rect.y, width: rect.width, style: base.patched(with: styles.style("pane.meta")))
            return
        }
        let x0 = textOrigin(rect, textWidth: pane.layoutWidth)
        let limit = rect.maxX - x0
        for row in 0..<rect.height {
            let n = pane.top + row
            guard pane.lines.indices.contains(n) else { break }
            let line = pane.lines[n]
            var x = x0 + line.indent
            for span in line.spans {
                let style = base.patched(with: styles.style("pane.body")).patched(with: styles.style(span.scope))
                x += buffer.put(span.text, x: x, y: rect.y + row, maxWidth: max(0, x0 + limit - x), style: style)
            }
        }
        let search = pane.search
        let match = styles.style("search.match")
        let current = styles.style("search.current")
        for (i, m) in search.matches.enumerated() {
            for seg in m.segments where seg.line >= pane.top && seg.line < pane.top + rect.height {
                let indent = pane.lines[seg.line].indent
                let r = Rect(x: x0 + indent + seg.startColumn, y: rect.y + seg.line - pane.top,
                             width: seg.endColumn - seg.startColumn, height: 1)
                let clipped = Rect(x: r.x, y: r.y, width: min(r.width, rect.maxX - r.x), height: 1)
                buffer.patchStyle(clipped, with: i == search.current ? current : match)
            }
        }
    }

    /// Text starts one column in, or centred (up to 4 columns in) when the pane is wider than the text.
    static func textOrigin(_ rect: Rect, textWidth: Int) -> Int {
        rect.x + max(1, min(4, (rect.width - textWidth) / 2))
    }
}
