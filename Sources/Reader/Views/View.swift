import Screen
import TerminalText

extension AppState {
    /// The whole screen for this state. Pure: the same state and styles give the same cells.
    public func view(styles: StyleProvider) -> Buffer {
        var buffer = Buffer(width: width, height: height, fill: Cell(text: " ", width: 1, style: styles.style("pane")))
        let g = geometry
        if g.tooSmall {
            drawTooSmall(&buffer, styles: styles)
            return buffer
        }
        if helpTop != nil {
            HelpView.draw(&buffer, Rect(x: 0, y: 0, width: width, height: height - 1), keymap: keymap, top: helpTop ?? 0,
                          styles: styles)
        } else {
            if let r = g.sidebar { SidebarView.draw(&buffer, r, sidebar: sidebar, focused: focus == .sidebar, styles: styles) }
            if let r = g.list { ListView.draw(&buffer, r, listProps, styles: styles) }
            if let r = g.pane { PaneView.draw(&buffer, r, pane: pane, styles: styles) }
            drawSeparators(&buffer, g, styles: styles)
            if let picker = linkPicker {
                // Over the pane (or the whole body when the pane is hidden).
                LinkPickerView.draw(&buffer, g.pane ?? Rect(x: 0, y: 0, width: width, height: height - 1), picker: picker, styles: styles)
            }
        }
        if let completion = prompt?.completion, completion.candidates.count > 1, height >= 2 {
            drawCompletions(&buffer, completion, y: height - 2, styles: styles)
        }
        StatusView.draw(&buffer, g.status, state: self, styles: styles)
        return buffer
    }

    var listProps: ListView.Props {
        ListView.Props(list: list, focused: focus == .list, knownTotal: knownTotal,
                       dates: ListView.DateColumn(pattern: dateFormat, timeZone: timeZone, currentYear: currentYear))
    }

    /// Where the terminal cursor goes: at the end of the prompt while typing, else hidden.
    public var cursorPosition: (x: Int, y: Int)? {
        guard let prompt, !geometry.tooSmall else { return nil }
        let x = 1 + DisplayWidth.width(prompt.text)
        return (min(x, max(0, width - 1)), height - 1)
    }

    private func drawSeparators(_ buffer: inout Buffer, _ g: Geometry, styles: StyleProvider) {
        let border = styles.style("border")
        let focused = styles.style("border.focused")
        let focusedRect = g.rect(for: focus)
        for sep in g.verticalSeparators {
            // A separator touching the focused pane is drawn in the focused style.
            let touches = focusedRect.map { $0.maxX == sep.x || $0.x == sep.maxX } ?? false
            for y in sep.y..<sep.maxY { buffer.put("│", x: sep.x, y: y, style: touches ? focused : border) }
        }
        for sep in g.horizontalSeparators {
            buffer.put(String(repeating: "─", count: sep.width), x: sep.x, y: sep.y, style: border)
        }
    }

    /// Tab's candidates on the line above the prompt, the one shown highlighted.
    private func drawCompletions(_ buffer: inout Buffer, _ completion: Completion, y: Int, styles: StyleProvider) {
        let base = styles.style("prompt")
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: base)
        var x = 1
        for (i, candidate) in completion.candidates.enumerated() {
            let w = DisplayWidth.width(candidate)
            guard x + w < width else { break }
            let style = i == completion.index ? base.patched(with: styles.style("list.selected.focused")) : base
            x += buffer.put(candidate, x: x, y: y, maxWidth: width - x, style: style) + 2
        }
    }

    private func drawTooSmall(_ buffer: inout Buffer, styles: StyleProvider) {
        let style = styles.style("error")
        let lines = ["Terminal too small", "\(width)x\(height), need \(Geometry.minWidth)x\(Geometry.minHeight)"]
        let top = max(0, min(height - lines.count, height / 2 - 1))
        for (i, line) in lines.enumerated() where top + i < height {
            let w = min(width, DisplayWidth.width(line))
            buffer.putTruncated(line, x: max(0, (width - w) / 2), y: top + i, width: w, style: style, pad: false)
        }
    }
}

