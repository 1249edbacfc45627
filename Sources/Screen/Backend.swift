/// Where a frame goes: curses in the app, memory in tests.
public protocol Backend {
    /// Current terminal size in cells.
    func size() -> (width: Int, height: Int)
    /// Draws the given cells; continuation cells are never passed.
    mutating func draw(_ changes: [(x: Int, y: Int, cell: Cell)])
    mutating func setCursor(x: Int, y: Int, visible: Bool)
    /// Forgets what is on screen (after a resize or a suspend): the next frame is drawn whole.
    mutating func clear()
    mutating func flush()
}

/// Keeps the last frame and sends only the cells that changed, like ratatui's Terminal.
public struct Terminal<B: Backend> {
    public var backend: B
    private var previous: Buffer?

    public init(backend: B) { self.backend = backend }

    public mutating func invalidate() {
        previous = nil
        backend.clear()
    }

    public mutating func draw(_ frame: Buffer, cursor: (x: Int, y: Int)? = nil) {
        var changes: [(x: Int, y: Int, cell: Cell)] = []
        let full = previous == nil || previous!.width != frame.width || previous!.height != frame.height
        if full { backend.clear() }
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                if cell.isContinuation { continue }
                if full || previous![x, y] != cell || (cell.width == 2 && x + 1 < frame.width && previous![x + 1, y] != frame[x + 1, y]) {
                    changes.append((x, y, cell))
                }
            }
        }
        if !changes.isEmpty { backend.draw(changes) }
        if let cursor { backend.setCursor(x: cursor.x, y: cursor.y, visible: true) }
        else { backend.setCursor(x: 0, y: 0, visible: false) }
        backend.flush()
        previous = frame
    }
}
