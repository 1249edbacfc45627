/// How many colours the terminal can show. Detected once at start-up (COLORS, COLORTERM,
/// NO_COLOR, TERM); themes are mapped down to it without touching the terminal's palette
/// (no `init_color`: the user's own colours stay theirs).
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable {
    case none = 0, colors8, colors16, colors256, truecolor

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// From the environment and the terminal's colour count: curses `COLORS` when curses is
    /// running (what it can actually draw), or a negative number when it is not and only the
    /// environment can tell (`newsreader themes` writing escape codes itself).
    ///
    /// - `NO_COLOR` set and non-empty (no-color.org) → `.none`.
    /// - curses running: its count decides. Truecolor needs a direct-colour terminfo entry
    ///   (`COLORS` ≥ 2²⁴, e.g. `TERM=xterm-direct`); `COLORTERM` cannot help there, because
    ///   curses has no way to send RGB otherwise (and `init_color` is off limits).
    /// - no curses: `COLORTERM=truecolor|24bit` → `.truecolor`, else a guess from `TERM`.
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if terminalColors >= 0 {
            if terminalColors >= 1 << 24 { return .truecolor }
            if terminalColors >= 256 { return .colors256 }
            if terminalColors >= 16 { return .colors16 }
            if terminalColors >= 8 { return .colors8 }
            return .none
        }
        let colorterm = (environment["COLORTERM"] ?? "").lowercased()
        let saysTruecolor = colorterm == "truecolor" || colorterm == "24bit"
        let term = (environment["TERM"] ?? "").lowercased()
        if saysTruecolor || term.hasSuffix("-direct") || term.contains("truecolor") { return .truecolor }
        if term.isEmpty || term == "dumb" { return .none }
        if term.contains("256color") { return .colors256 }
        if term.contains("16color") { return .colors16 }
        if term.hasPrefix("vt1") || term.hasPrefix("vt2") { return .none }
        return .colors8
    }
}

extension Color {
    /// The nearest colour this depth can show (`.terminalDefault` under `.none`).
    ///
    /// - truecolor: unchanged.
    /// - 256: rgb → nearest of the xterm cube and grey ramp (16–255, which every 256-colour
    ///   terminal agrees on); ANSI and indexed colours are already showable.
    /// - 16: indexed/rgb → an ANSI colour keeping the hue (see `ColorMetric.nearestANSI`).
    /// - 8: the same idea with only black, light grey and the six normal hues.
    public func mapped(to depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.terminalDefault, _), (_, .truecolor): return self
        case (_, .none): return .terminalDefault
        case (.ansi, .colors256), (.indexed, .colors256), (.ansi, .colors16):
            return self
        case (.rgb(let r, let g, let b), .colors256):
            return .indexed(ColorMetric.nearestXterm256(r, g, b))
        case (.indexed(let i), .colors16) where i < 16:
            return .ansi(i)
        case (.indexed(let i), .colors16):
            let (r, g, b) = ColorMetric.xterm256RGB(i)
            return .ansi(ColorMetric.nearestANSI(r, g, b))
        case (.rgb(let r, let g, let b), .colors16):
            return .ansi(ColorMetric.nearestANSI(r, g, b))
        case (.ansi(let n), .colors8):
            return .ansi(ColorMetric.foldToEight(n))
        case (.indexed(let i), .colors8) where i < 16:
            return .ansi(ColorMetric.foldToEight(i))
        case (.indexed(let i), .colors8):
            let (r, g, b) = ColorMetric.xterm256RGB(i)
            return .ansi(ColorMetric.nearestANSI8(r, g, b))
        case (.rgb(let r, let g, let b), .colors8):
            return .ansi(ColorMetric.nearestANSI8(r, g, b))
        default:
            return self
        }
    }
}

extension Style {
    /// Both colours mapped to `depth`; attributes are kept (they are what carries meaning
    /// when colours are gone).
    public func mapped(to depth: ColorDepth) -> Style {
        Style(fg: fg.mapped(to: depth), bg: bg.mapped(to: depth), attributes: attributes)
    }
}
