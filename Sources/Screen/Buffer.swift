import TerminalText

/// A grid of cells that views draw into. Nothing here touches a terminal.
public struct Buffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Fills a rectangle with blanks of `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let r = clip(rect)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { self[x, y] = Cell(text: " ", width: 1, style: style) }
        }
    }

    /// Changes the style of cells in `rect` (text kept), patching over what is there.
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        let r = clip(rect)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { self[x, y].style = self[x, y].style.patched(with: style) }
        }
    }

    /// Writes `text` at (x, y), never past `x + maxWidth` nor the buffer's edge.
    /// Text is sanitised through DisplayWidth (controls shown visibly, bidi overrides dropped).
    /// Stops before a wide glyph that would straddle the limit.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        var stopped = false
        DisplayWidth.forEachUnit(text) { unit in
            guard col < limit else { return }
            if col + unit.width > limit { stopped = true }
            guard !stopped else { return }
            if col >= 0 { place(unit, x: col, y: y, style: style) }
            col += unit.width
        }
        return max(0, col - x)
    }

    /// Writes text truncated to `width` columns with "…" when it does not fit; pads with spaces
    /// to exactly `width` columns when `pad` is set.
    @discardableResult
    public mutating func putTruncated(_ text: String, x: Int, y: Int, width: Int, style: Style, pad: Bool = true) -> Int {
        guard width > 0 else { return 0 }
        let total = DisplayWidth.width(text)
        var written: Int
        if total <= width {
            written = put(text, x: x, y: y, maxWidth: width, style: style)
        } else {
            written = put(text, x: x, y: y, maxWidth: width - 1, style: style)
            written += put("…", x: x + written, y: y, maxWidth: 1, style: style)
        }
        if pad && written < width {
            fill(Rect(x: x + written, y: y, width: width - written, height: 1), style: style)
            written = width
        }
        return written
    }

    private mutating func place(_ unit: DisplayUnit, x: Int, y: Int, style: Style) {
        // Overwriting half of a wide glyph blanks its other half.
        if self[x, y].isContinuation, x > 0 { self[x - 1, y] = Cell(text: " ", width: 1, style: self[x - 1, y].style) }
        if self[x, y].width == 2, x + 1 < width { self[x + 1, y] = Cell(text: " ", width: 1, style: self[x + 1, y].style) }
        self[x, y] = Cell(text: unit.text, width: UInt8(unit.width), style: style)
        if unit.width == 2, x + 1 < width {
            if self[x + 1, y].width == 2, x + 2 < width { self[x + 2, y] = Cell(text: " ", width: 1, style: self[x + 2, y].style) }
            self[x + 1, y] = Cell(text: "", width: 0, style: style)
        }
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX), y1 = min(height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The screen as text lines (trailing spaces kept), for snapshot tests.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            return line
        }
    }
}
