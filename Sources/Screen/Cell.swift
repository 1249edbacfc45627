/// One terminal cell. A wide glyph occupies its cell (width 2) and the next one, which is a
/// continuation cell (width 0, empty text) that backends skip.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: UInt8
    public var style: Style
    /// Hyperlink target (OSC 8) of the text in this cell, where the terminal supports it.
    public var link: String?

    public init(text: String = " ", width: UInt8 = 1, style: Style = .plain, link: String? = nil) {
        self.text = text
        self.width = width
        self.style = style
        self.link = link
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}
