import Screen

/// Merges an inheritance chain of theme files (parent first) and resolves colour names.
enum ThemeResolver {
    static func resolve(name: String, chain: [ThemeFile]) -> (Theme, [Diagnostic]) {
        var palette: [String: Color] = [:]
        var entries: [String: ThemeFile.Entry] = [:]
        for file in chain {
            palette.merge(file.palette) { _, child in child }
            entries.merge(file.styles) { _, child in child }
        }
        var diagnostics: [Diagnostic] = []
        func color(_ token: ThemeFile.ColorToken?, _ entry: ThemeFile.Entry, _ field: String) -> Color? {
            switch token {
            case nil: return nil
            case .color(let c): return c
            case .name(let name):
                if let c = palette[name] ?? ColorLiteral.parse(name) { return c }
                diagnostics.append(Diagnostic(
                    file: entry.file, line: entry.line, key: entry.key + "." + field,
                    message: "unknown colour \"\(name)\" (not in [palette]; use #rrggbb, 0–255, an ANSI name or \"default\")"))
                return nil
            }
        }
        struct Partial { var fg: Color?; var bg: Color?; var attributes: TextAttributes? }
        var partials: [String: Partial] = [:]
        for (scope, entry) in entries {
            partials[scope] = Partial(fg: color(entry.fg, entry, "fg"), bg: color(entry.bg, entry, "bg"),
                                      attributes: entry.modifiers)
        }
        var styles: [String: Style] = [:]
        for scope in Set(entries.keys).union(ThemeScopes.all) {
            var fg: Color = .terminalDefault, bg: Color = .terminalDefault
            var attributes: TextAttributes = []
            // Root first, so the most specific scope's fields win.
            for s in ScopeFallback(scope).reversed() {
                guard let p = partials[String(s)] else { continue }
                if let c = p.fg { fg = c }
                if let c = p.bg { bg = c }
                if let a = p.attributes { attributes = a }
            }
            styles[scope] = Style(fg: fg, bg: bg, attributes: attributes)
        }
        diagnostics.sort { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
        return (Theme(name: name, styles: styles, definedScopes: Set(entries.keys)), diagnostics)
    }
}
