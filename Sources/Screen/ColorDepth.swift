/// How many colours the terminal can show. Detected once at start-up by the Curses backend
/// (COLORS, COLORTERM, NO_COLOR); themes are mapped down to it without touching the palette.
/// STUB: the contract; the Theming work fills in detection and nearest-colour mapping.
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable {
    case none = 0, colors8, colors16, colors256, truecolor

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// From the environment and the terminal's colour count (curses `COLORS`).
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if terminalColors >= 1 << 24 { return .truecolor }
        if terminalColors >= 256 { return .colors256 }
        if terminalColors >= 16 { return .colors16 }
        if terminalColors >= 8 { return .colors8 }
        return .none
    }
}

extension Color {
    /// The nearest colour this depth can show (`.terminalDefault` under `.none`).
    public func mapped(to depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.terminalDefault, _), (_, .truecolor): return self
        case (_, .none): return .terminalDefault
        default: return self
        }
    }
}
