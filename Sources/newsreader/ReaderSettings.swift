import Foundation
import Reader
import Screen
import Settings
import Theming

/// What the reader takes from config.toml and the theme files, with every problem found on
/// the way (shown on start-up; never fatal).
struct ReaderSettings {
    var config: Config
    var keymap: Keymap
    var registry: ThemeRegistry
    var warnings: [Diagnostic]

    init(configFile: ConfigFile, environment: [String: String]) {
        config = configFile.config
        registry = ThemeRegistry.standard(environment: environment)
        (keymap, warnings) = Self.keymap(applying: config.keyOverrides, file: configFile.path)
        warnings = configFile.diagnostics + warnings + registry.diagnostics
    }

    /// The standard keys with the config's `[keys]` applied, then its `[keys.CONTEXT]` tables
    /// (so a context's own binding wins there), each in file order; the keymap's warnings get
    /// the entry's file and line.
    static func keymap(applying overrides: [KeyOverride], file: String) -> (Keymap, [Diagnostic]) {
        var keymap = Keymap.standard
        var warnings: [Diagnostic] = []
        for o in overrides.filter({ $0.context == nil }) + overrides.filter({ $0.context != nil }) {
            var context = KeyContext.any
            if let name = o.context {
                guard let named = KeyContext(rawValue: name), KeyContext.configurable.contains(named) else {
                    let known = KeyContext.configurable.map { "keys.\($0.rawValue)" }.joined(separator: ", ")
                    warnings.append(Diagnostic(file: file, line: o.line, key: nil,
                                               message: "keys.\(Diagnostic.printable(name)): not a key context (known: \(known)); \"\(Diagnostic.printable(o.keys))\" ignored"))
                    continue
                }
                context = named
            }
            let result = keymap.applying(overrides: [(keys: o.keys, action: o.action)], in: context)
            keymap = result.keymap
            warnings += result.warnings.map { Diagnostic(file: file, line: o.line, key: nil, message: $0) }
        }
        return (keymap, warnings)
    }

    /// The start-up theme for a terminal of `depth` (NO_COLOR or no colours: mono).
    func startTheme(environment: [String: String], depth: ColorDepth) -> ThemeRegistry.Loaded {
        registry.active(configured: config.theme, environment: environment, depth: depth)
    }

    /// `:theme NAME`: the theme mapped to `depth` and the status-line message, or only an error
    /// message when there is no such theme (the current one stays).
    func switchTheme(to name: String, depth: ColorDepth) -> (theme: Theme?, message: String, isError: Bool) {
        guard registry.names.contains(name) else {
            let shown = Diagnostic.printable(name)
            return (nil, "No theme named \"\(shown)\" (available: \(registry.names.joined(separator: ", ")))", true)
        }
        let loaded = registry.load(name)
        let theme = loaded.theme.mapped(to: depth)
        if let first = loaded.diagnostics.first {
            return (theme, Self.summary(first, count: loaded.diagnostics.count), true)
        }
        return (theme, "Theme \(name)" + (depth == .none ? " (no colours: NO_COLOR or the terminal)" : ""), false)
    }

    /// OSC 8 on or off: "auto" is on except on terminals known to show it as garbage or to
    /// have no use for it (the Linux console, dumb terminals, old VTs, GNU screen).
    static func hyperlinks(_ mode: String, environment: [String: String]) -> Bool {
        switch mode {
        case "true": return true
        case "false": return false
        default:
            let term = environment["TERM"] ?? ""
            return !(term.isEmpty || term == "linux" || term == "dumb" || term.hasPrefix("vt") || term.hasPrefix("screen"))
        }
    }

    /// One status line for a list of problems: the first, and how many more.
    static func summary(_ first: Diagnostic, count: Int) -> String {
        let more = count > 1 ? " (+\(count - 1) more: newsreader config --check)" : ""
        return first.description + more
    }
}
