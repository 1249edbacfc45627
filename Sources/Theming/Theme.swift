import Screen

/// A resolved theme: every scope it styles, already cascaded, ready to draw with.
///
/// Lookup falls back along the dots (`list.unread.selected` → `list.unread` → `list`), and a
/// scope's style builds on its ancestors': each field it leaves unset (fg, bg, modifiers) comes
/// from the nearest ancestor that sets it. So `pane = { bg = … }` gives every pane scope
/// that background unless one sets its own.
public struct Theme: StyleProvider, Sendable, Hashable {
    public let name: String
    /// Cascaded style of every scope the theme (or its parents) writes, plus every scope of
    /// `ThemeScopes.all`.
    public private(set) var styles: [String: Style]
    /// The scopes the theme files wrote themselves.
    public let definedScopes: Set<String>

    public init(name: String, styles: [String: Style], definedScopes: Set<String>) {
        self.name = name
        self.styles = styles
        self.definedScopes = definedScopes
    }

    public func style(_ scope: String) -> Style {
        for s in ScopeFallback(scope) {
            if let style = styles[String(s)] { return style }
        }
        return .plain
    }

    /// The most specific scope the theme wrote that `scope` falls back to (itself included),
    /// or nil when it ends on the plain style.
    public func definingScope(for scope: String) -> String? {
        ScopeFallback(scope).first { definedScopes.contains(String($0)) }.map(String.init)
    }

    /// The same theme with every colour mapped to what the terminal can show. Map once when
    /// the theme is loaded or the depth is known, not per cell.
    ///
    /// Two repairs keep the screen usable when colours merge: text whose colour became its
    /// background's gets black or white instead, and states that must stay apart
    /// (`ThemeScopes.distinct`: selection, focus, search matches) get attributes added.
    public func mapped(to depth: ColorDepth) -> Theme {
        guard depth < .truecolor else { return self }
        var copy = self
        copy.styles = styles.mapValues { style in
            var s = style.mapped(to: depth)
            if s.fg == s.bg, s.bg != .terminalDefault { s.fg = Self.contrasting(s.bg, depth) }
            return s
        }
        for rule in ThemeScopes.distinct {
            var s = copy.style(rule.scope)
            let others = rule.from.map { copy.style($0) }
            for mark in rule.marks where others.contains(s) { s.attributes.insert(mark) }
            copy.styles[rule.scope] = s
        }
        return copy
    }

    /// Black or white (light grey on 8 colours), whichever stands out on `background`.
    private static func contrasting(_ background: Color, _ depth: ColorDepth) -> Color {
        let light: Bool
        switch background {
        case .ansi(let n): light = [3, 6, 7, 10, 11, 14, 15].contains(n)
        case .indexed(let i):
            let (r, g, b) = ColorMetric.xterm256RGB(i)
            light = ColorMetric.lab(r, g, b).l > 55
        case .rgb(let r, let g, let b): light = ColorMetric.lab(r, g, b).l > 55
        case .terminalDefault: return .terminalDefault
        }
        if light { return .ansi(0) }
        return depth == .colors8 ? .ansi(7) : .ansi(15)
    }

    /// Attributes only, from `PlainStyles`: the last resort if even the built-in default
    /// theme cannot be read.
    public static let plain: Theme = {
        let plain = PlainStyles()
        var styles: [String: Style] = [:]
        for scope in ThemeScopes.all { styles[scope] = plain.style(scope) }
        return Theme(name: "plain", styles: styles, definedScopes: Set(ThemeScopes.all))
    }()
}
