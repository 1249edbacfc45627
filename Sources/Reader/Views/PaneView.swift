import Screen

/// The reading pane: header and laid-out body from `pane.top`, with every search match
/// highlighted and the current one distinct.
enum PaneView {
    /// Draws `pane` into `rect`.
    static func draw(_ buffer: inout Buffer, _ rect: Rect, pane: PaneState, styles: StyleProvider) {
        let base = styles.style("pane")
        buffer.fill(rect, style: base)
        guard pane.article != nil, let content = pane.content else {
            let hint = pane.loadingID != nil ? "Loading…" : "Select an article and press Enter"
            buffer.putTruncated(" " + hint, x: rect.x, y: rect.y, width: rect.width, style: base.patched(with: styles.style("pane.meta")))
            return
        }
        let body = base.patched(with: styles.style("pane.body"))
        var scopeStyles: [String: Style] = [:]
        func style(_ scope: String) -> Style {
            if let s = scopeStyles[scope] { return s }
            let s = body.patched(with: styles.style(scope))
            scopeStyles[scope] = s
            return s
        }
        let x0 = textOrigin(rect, textWidth: content.textWidth)
        let match = styles.style("search.match")
        let current = styles.style("search.current")
        for row in 0..<rect.height {
            let n = pane.top + row
            guard n < content.lineCount else { break }
            let y = rect.y + row
            if let i = content.bodyLine(n) {
                let line = content.layout.lines[i]
                for span in line.spans {
                    let width = buffer.put(span.text, x: x0 + span.column, y: y, maxWidth: max(0, rect.maxX - x0 - span.column), style: style(span.role.scope))
                    if let link = PaneLinks.target(span, line: i, layout: content.layout) {
                        buffer.setLink(link, x: x0 + span.column, y: y, width: width)
                    }
                }
                for h in pane.search.result?.highlights(onLine: i) ?? [] {
                    let x = x0 + h.startColumn
                    let w = min(h.endColumn, rect.maxX - x0) - h.startColumn
                    guard w > 0 else { continue }
                    buffer.patchStyle(Rect(x: x, y: y, width: w, height: 1), with: h.matchIndex == pane.search.current ? current : match)
                }
            } else {
                for span in content.header[n].spans {
                    let width = buffer.put(span.text, x: x0 + span.column, y: y, maxWidth: max(0, rect.maxX - x0 - span.column), style: style(span.scope))
                    // The article's own link in the header.
                    if span.scope == "pane.link", let link = pane.article?.link {
                        buffer.setLink(link, x: x0 + span.column, y: y, width: width)
                    }
                }
            }
        }
    }

    /// Text starts one column in, or centred (up to 4 columns in) when the pane is wider than the text.
    static func textOrigin(_ rect: Rect, textWidth: Int) -> Int {
        rect.x + max(1, min(4, (rect.width - textWidth) / 2))
    }
}
