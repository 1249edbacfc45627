import Screen

/// ANSI SGR escape sequences for a style, for plain command-line output (`newsreader themes`
/// previews) where curses is not running.
public enum StyleEscapes {
    public static let reset = "\u{1b}[0m"

    public static func sgr(_ style: Style) -> String {
        var codes: [String] = []
        let a = style.attributes
        if a.contains(.bold) { codes.append("1") }
        if a.contains(.dim) { codes.append("2") }
        if a.contains(.italic) { codes.append("3") }
        if a.contains(.underline) { codes.append("4") }
        if a.contains(.reverse) { codes.append("7") }
        codes += color(style.fg, base: 30, bright: 90, extended: 38)
        codes += color(style.bg, base: 40, bright: 100, extended: 48)
        return codes.isEmpty ? "" : "\u{1b}[" + codes.joined(separator: ";") + "m"
    }

    /// `text` in `style`, reset afterwards.
    public static func styled(_ text: String, _ style: Style) -> String {
        let open = sgr(style)
        return open.isEmpty ? text : open + text + reset
    }

    private static func color(_ c: Color, base: Int, bright: Int, extended: Int) -> [String] {
        switch c {
        case .terminalDefault: return []
        case .ansi(let n) where n < 8: return ["\(base + Int(n))"]
        case .ansi(let n) where n < 16: return ["\(bright + Int(n) - 8)"]
        case .ansi(let n), .indexed(let n): return ["\(extended)", "5", "\(n)"]
        case .rgb(let r, let g, let b): return ["\(extended)", "2", "\(r)", "\(g)", "\(b)"]
        }
    }
}
