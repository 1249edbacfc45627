import CNcursesw
import Screen

/// Styles → curses attributes and colour pairs, allocated on demand and cached.
struct CursesColors {
    let depth: ColorDepth
    let terminalColors: Int
    let maxPairs: Int
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1

    private struct PairKey: Hashable {
        var fg: Int32
        var bg: Int32
    }

    init(depth: ColorDepth, terminalColors: Int, maxPairs: Int) {
        self.depth = depth
        self.terminalColors = terminalColors
        self.maxPairs = maxPairs
    }

    mutating func attributesAndPair(for style: Style) -> (attr_t, Int32) {
        var attrs = nr_a_normal()
        let a = style.attributes
        if a.contains(.bold) { attrs |= nr_a_bold() }
        if a.contains(.dim) { attrs |= nr_a_dim() }
        if a.contains(.italic) { attrs |= nr_a_italic() }
        if a.contains(.underline) { attrs |= nr_a_underline() }
        if a.contains(.reverse) { attrs |= nr_a_reverse() }
        guard depth != .none else { return (attrs, 0) }
        let key = PairKey(fg: number(style.fg.mapped(to: depth)), bg: number(style.bg.mapped(to: depth)))
        if key.fg == -1 && key.bg == -1 { return (attrs, 0) }
        if let pair = pairs[key] { return (attrs, pair) }
        guard Int(nextPair) < maxPairs else { return (attrs, 0) }
        let pair = nextPair
        guard init_extended_pair(pair, key.fg, key.bg) == OK else { return (attrs, 0) }
        nextPair += 1
        pairs[key] = pair
        return (attrs, pair)
    }

    /// The curses colour number for a colour already mapped to this depth (-1: terminal
    /// default). `Color.mapped(to:)` leaves indexed colours only at 256+ colours and RGB only
    /// at truecolor (a direct-colour terminal, where the number is the RGB value).
    func number(_ color: Color) -> Int32 {
        switch color {
        case .terminalDefault: return -1
        case .ansi(let n): return Int32(terminalColors >= 16 ? Int(n) % 16 : Int(n) % 8)
        case .indexed(let n): return Int32(n)
        case .rgb(let r, let g, let b): return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        }
    }
}
