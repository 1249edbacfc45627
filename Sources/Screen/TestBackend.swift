/// An in-memory backend: the screen as a Buffer, assertable as text lines and styles.
public struct TestBackend: Backend {
    public private(set) var buffer: Buffer
    public private(set) var flushCount = 0
    public private(set) var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        buffer = Buffer(width: width, height: height)
    }

    public func size() -> (width: Int, height: Int) { (buffer.width, buffer.height) }

    public mutating func draw(_ changes: [(x: Int, y: Int, cell: Cell)]) {
        for change in changes where buffer.contains(x: change.x, y: change.y) {
            buffer[change.x, change.y] = change.cell
            if change.cell.width == 2, buffer.contains(x: change.x + 1, y: change.y) {
                buffer[change.x + 1, change.y] = Cell(text: "", width: 0, style: change.cell.style)
            }
        }
    }

    public mutating func setCursor(x: Int, y: Int, visible: Bool) { cursor = visible ? (x, y) : nil }
    public mutating func clear() { buffer = Buffer(width: buffer.width, height: buffer.height) }
    public mutating func flush() { flushCount += 1 }

    public mutating func resize(width: Int, height: Int) { buffer = Buffer(width: width, height: height) }

    public var lines: [String] { buffer.lines }
}
