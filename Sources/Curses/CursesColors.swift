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

    /// The curses colour number for a colour this terminal can show (-1: terminal default).
    func number(_ color: Color) -> Int32 {
        switch color {
        case .terminalDefault:
            return -1
        case .ansi(let n):
            return Int32(terminalColors >= 16 ? Int(n) % 16 : Int(n) % 8)
        case .indexed(let n):
            if terminalColors >= 256 || Int(n) < min(16, terminalColors) { return Int32(n) }
            let (r, g, b) = CursesColors.rgb(ofIndex: n)
            return number(.rgb(r, g, b))
        case .rgb(let r, let g, let b):
            if terminalColors >= 1 << 24 { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
            if terminalColors >= 256 { return Int32(CursesColors.cubeIndex(r, g, b)) }
            // 8/16 colours: the nearest corner of the RGB cube.
            let bit = { (v: UInt8) -> Int32 in v >= 128 ? 1 : 0 }
            let base = bit(r) | bit(g) << 1 | bit(b) << 2
            let bright = terminalColors >= 16 && max(r, g, b) >= 200 ? 8 : 0
            return base + Int32(bright)
        }
    }

    static func cubeIndex(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        return 16 + 36 * level(r) + 6 * level(g) + level(b)
    }

    static func rgb(ofIndex n: UInt8) -> (UInt8, UInt8, UInt8) {
        let basic: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if n < 16 { return basic[Int(n)] }
        if n >= 232 { let v = UInt8(8 + 10 * (Int(n) - 232)); return (v, v, v) }
        let i = Int(n) - 16
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
    }
}
