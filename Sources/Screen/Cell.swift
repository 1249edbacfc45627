/// One terminal cell. A wide glyph occupies its cell (width 2) and the next one, which is a
/// continuation cell (width 0, empty text) that backends skip.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}
