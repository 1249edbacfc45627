import Screen

/// The `f` list over the reading pane: "[n] URL", enclosures with their type and size.
enum LinkPickerView {
    static func draw(_ buffer: inout Buffer, _ rect: Rect, picker: LinkPicker, styles: StyleProvider) {
        guard !rect.isEmpty else { return }
        let base = styles.style("help")
        buffer.fill(rect, style: base)
        let heading = base.patched(with: styles.style("help.heading"))
        buffer.putTruncated(" Links: a number then Enter opens, y copies; Esc closes", x: rect.x, y: rect.y, width: rect.width, style: heading)
        let key = base.patched(with: styles.style("help.key"))
        let numberWidth = String(picker.items.last?.number ?? 1).count + 2
        for row in 1..<rect.height {
            let i = picker.top + row - 1
            guard picker.items.indices.contains(i) else { break }
            let item = picker.items[i]
            let y = rect.y + row
            let label = "[\(item.number)]"
            let selected = !picker.typed.isEmpty && String(item.number).hasPrefix(picker.typed)
            let keyStyle = selected ? key.patched(with: styles.style("search.current")) : key
            buffer.put(String(repeating: " ", count: numberWidth - label.count + 1) + label, x: rect.x, y: y, maxWidth: rect.width, style: keyStyle)
            let x = rect.x + numberWidth + 2
            guard x < rect.maxX else { continue }
            let text = item.detail.isEmpty ? item.url : item.detail + "  " + item.url
            buffer.putTruncated(text, x: x, y: y, width: rect.maxX - x, style: base)
        }
    }
}
