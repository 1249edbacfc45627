import Screen

/// One theme file as written, before inheritance: palette and style entries with the line each
/// came from. Colour names stay unresolved until the inheritance chain is merged, so a child
/// theme can restyle its parent just by redefining palette entries.
struct ThemeFile: Sendable {
    /// A style entry: `nil` fields are unset (the scope's ancestors decide them).
    struct Entry: Sendable {
        var fg: ColorToken?
        var bg: ColorToken?
        var modifiers: TextAttributes?
        var line: Int?
        var key: String
        var file: String
    }

    enum ColorToken: Sendable {
        case name(String)
        case color(Color)
    }

    var name: String
    var file: String
    var inherits: String?
    var inheritsLine: Int?
    var palette: [String: Color] = [:]
    var styles: [String: Entry] = [:]
    var diagnostics: [Diagnostic] = []
    /// True when the text is not TOML at all: nothing of it can be used.
    var unparseable = false

    static let modifierNames: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "faint": .dim, "italic": .italic,
        "underline": .underline, "underlined": .underline, "reverse": .reverse, "reversed": .reverse,
    ]

    init(name: String, file: String, text: String) {
        self.name = name
        self.file = file
        let lines = TOMLKeyLines(text)
        switch TOMLNode.parse(text) {
        case .failure(let error):
            unparseable = true
            diagnostics.append(Diagnostic(file: file, line: error.line, key: nil,
                                          message: "not valid TOML: \(error.message)"))
        case .success(let root):
            for (key, value) in root {
                switch key {
                case "inherits":
                    inheritsLine = lines.line(for: [key])
                    if case .string(let parent) = value, !parent.isEmpty { inherits = parent }
                    else { warn(lines, [key], "expected a theme name (a string), found \(value.typeName)") }
                case "palette":
                    readPalette(value, lines)
                default:
                    readScope([key], value, lines)
                }
            }
        }
        diagnostics.sort { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    private mutating func warn(_ lines: TOMLKeyLines, _ path: [String], _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: lines.line(for: path),
                                      key: path.joined(separator: "."), message: message))
    }

    private mutating func readPalette(_ value: TOMLNode, _ lines: TOMLKeyLines) {
        guard case .table(let pairs) = value else {
            return warn(lines, ["palette"], "expected a table of named colours, found \(value.typeName)")
        }
        for (name, colour) in pairs {
            switch colour {
            case .string(let text):
                if let c = ColorLiteral.parse(text) { palette[name] = c }
                else { warn(lines, ["palette", name], "\"\(text)\" is not a colour (use #rrggbb, 0–255, an ANSI name like \"bright-blue\", or \"default\")") }
            case .int(let n):
                if let c = ColorLiteral.index(n) { palette[name] = c }
                else { warn(lines, ["palette", name], "colour index \(n) is outside 0–255") }
            case .table:
                warn(lines, ["palette", name], "expected a colour, found a table (style entries must come before the [palette] header: every key after it belongs to the palette)")
            default:
                warn(lines, ["palette", name], "expected a colour, found \(colour.typeName)")
            }
        }
    }

    /// A scope's value: a colour (= fg), a style table, or a table of sub-scopes (from
    /// `[list]` headers or unquoted dotted keys); fields and sub-scopes may mix.
    private mutating func readScope(_ path: [String], _ value: TOMLNode, _ lines: TOMLKeyLines) {
        let scope = path.joined(separator: ".")
        // Unknown scopes are skipped (the UI never asks for them; usually a typo).
        guard ThemeScopes.known.contains(scope) else {
            return warn(lines, path, "unknown scope, ignored (known scopes: `newsreader themes --scopes`)")
        }
        var entry = Entry(line: lines.line(for: path), key: scope, file: file)
        switch value {
        case .string, .int:
            entry.fg = colorToken(value, path, lines)
            styles[scope] = entry
        case .table(let pairs):
            var isStyle = pairs.isEmpty
            for (field, fieldValue) in pairs {
                switch field {
                case "fg": entry.fg = colorToken(fieldValue, path + [field], lines); isStyle = true
                case "bg": entry.bg = colorToken(fieldValue, path + [field], lines); isStyle = true
                case "modifiers": entry.modifiers = modifiers(fieldValue, path + [field], lines); isStyle = true
                default:
                    switch fieldValue {
                    case .table, .string: readScope(path + [field], fieldValue, lines)
                    default: warn(lines, path + [field], "unknown style field (use fg, bg, modifiers)")
                    }
                }
            }
            if isStyle { styles[scope] = entry }
        default:
            warn(lines, path, "expected a colour or a table like { fg = \"…\", bg = \"…\", modifiers = [\"bold\"] }, found \(value.typeName)")
        }
    }

    private mutating func colorToken(_ value: TOMLNode, _ path: [String], _ lines: TOMLKeyLines) -> ColorToken? {
        switch value {
        case .string(let text): return .name(text)
        case .int(let n):
            if let c = ColorLiteral.index(n) { return .color(c) }
            warn(lines, path, "colour index \(n) is outside 0–255")
        default:
            warn(lines, path, "expected a colour, found \(value.typeName)")
        }
        return nil
    }

    private mutating func modifiers(_ value: TOMLNode, _ path: [String], _ lines: TOMLKeyLines) -> TextAttributes? {
        let items: [TOMLNode]
        switch value {
        case .array(let array): items = array
        case .string: items = [value]
        default:
            warn(lines, path, "expected a list like [\"bold\", \"underline\"], found \(value.typeName)")
            return nil
        }
        var attributes: TextAttributes = []
        for item in items {
            guard case .string(let name) = item, let attribute = Self.modifierNames[name.lowercased()] else {
                let shown: String
                if case .string(let s) = item { shown = "\"\(s)\"" } else { shown = item.typeName }
                warn(lines, path, "unknown modifier \(shown) (use bold, italic, underline, reverse, dim)")
                continue
            }
            attributes.insert(attribute)
        }
        return attributes
    }
}
