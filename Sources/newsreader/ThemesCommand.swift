import ArgumentParser
import Foundation
import Screen
import TerminalText
import Theming

/// `newsreader themes`: every theme, the active one marked, with a row of swatches.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes, marking the active one, with a preview of their colours.",
        discussion: """
        Built-in themes come from the binary; yours from $XDG_CONFIG_HOME/newsreader/themes/*.toml \
        (~/.config/newsreader/themes), which add themes or replace one of the same name. \
        When stdout is not a terminal only the names are printed, one per line.
        """)

    @OptionGroup var configOptions: ConfigOptions

    @Flag(name: .long, help: "List the style scopes a theme can set, instead of the themes.")
    var scopes = false

    @Option(name: .long, help: ArgumentHelp(
        "Preview as a terminal with this many colours would show them: 8, 16, 256 or truecolor (default: detected).",
        valueName: "n"))
    var colors: String?

    func validate() throws {
        if let colors, Self.depth(named: colors) == nil {
            throw ValidationError("--colors must be 8, 16, 256 or truecolor, not \"\(Diagnostic.printable(colors))\"")
        }
    }

    static func depth(named name: String) -> ColorDepth? {
        switch name.lowercased() {
        case "8": return .colors8
        case "16": return .colors16
        case "256": return .colors256
        case "truecolor", "24bit", "16777216": return .truecolor
        default: return nil
        }
    }

    func run() throws {
        if scopes {
            ThemeScopes.all.forEach { print($0) }
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let registry = ThemeRegistry.standard(environment: environment)
        guard isatty(STDOUT_FILENO) == 1 else {
            registry.names.forEach { print(DisplayWidth.sanitize($0)) }
            return
        }
        let config = configOptions.load(environment: environment).config
        let detected = ColorDepth.detect(environment: environment, terminalColors: -1)
        let depth = detected == .none ? .none : (colors.flatMap(Self.depth(named:)) ?? detected)
        let active = ThemeRegistry.themeName(configured: config.theme, environment: environment, depth: depth)
        let shown = Dictionary(uniqueKeysWithValues: registry.names.map { ($0, DisplayWidth.sanitize($0)) })
        let nameWidth = (shown.values.map(DisplayWidth.width).max() ?? 0) + 2
        var problems: [Diagnostic] = []
        for name in registry.names {
            let loaded = registry.load(name)
            let marker = name == active ? "*" : " "
            let label = shown[name] ?? name
            var line = marker + " " + label + String(repeating: " ", count: max(0, nameWidth - DisplayWidth.width(label)))
            if depth > .none {
                let theme = loaded.theme.mapped(to: depth)
                line += ThemeScopes.preview.map { StyleEscapes.styled(" Aa ", theme.style($0)) }.joined()
            }
            if registry.user[name] != nil { line += "  (yours)" }
            if !loaded.diagnostics.isEmpty { line += "  (\(loaded.diagnostics.count) problem\(loaded.diagnostics.count == 1 ? "" : "s"))" }
            while line.hasSuffix(" ") { line.removeLast() }
            print(line)
            if registry.user[name] != nil { problems += loaded.diagnostics }
        }
        if depth > .none {
            print("\n  swatches: " + ThemeScopes.preview.joined(separator: ", "))
        }
        for problem in problems + registry.diagnostics {
            FileHandle.standardError.write(Data("newsreader: \(problem)\n".utf8))
        }
    }
}
