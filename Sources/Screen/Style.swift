/// A terminal colour as themes describe it; the backend maps it to what the terminal has.
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground/background.
    case terminalDefault
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// xterm 256-colour index.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let italic = TextAttributes(rawValue: 4)
    public static let underline = TextAttributes(rawValue: 8)
    public static let reverse = TextAttributes(rawValue: 16)
}

/// A resolved cell style. `nil` colours mean "terminal default".
public struct Style: Sendable, Hashable {
    public var fg: Color
    public var bg: Color
    public var attributes: TextAttributes

    public init(fg: Color = .terminalDefault, bg: Color = .terminalDefault, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    public static let plain = Style()

    /// `other` drawn on top of self: its non-default colours win, attributes add up.
    public func patched(with other: Style) -> Style {
        Style(fg: other.fg == .terminalDefault ? fg : other.fg,
              bg: other.bg == .terminalDefault ? bg : other.bg,
              attributes: attributes.union(other.attributes))
    }
}
