import Foundation
import Screen

/// All themes the reader can use: the built-in ones (`Themes/*.toml`, embedded at build
/// time) and the user's (`$XDG_CONFIG_HOME/newsreader/themes/*.toml`), which add to them or
/// replace one of the same name.
public struct ThemeRegistry: Sendable {
    /// One theme file's text and where it came from.
    public struct Source: Sendable, Hashable {
        public var name: String
        public var file: String
        public var text: String
        public var isUser: Bool
        public init(name: String, file: String, text: String, isUser: Bool) {
            self.name = name
            self.file = file
            self.text = text
            self.isUser = isUser
        }
    }

    /// The result of loading a theme: always a usable theme, plus what went wrong.
    public struct Loaded: Sendable {
        public var theme: Theme
        public var diagnostics: [Diagnostic]
        /// True when the requested theme could not be used and `default` (or plain) stands in.
        public var fellBack: Bool
    }

    public static let defaultThemeName = "default"
    public static let noColorThemeName = "mono"

    public private(set) var builtIn: [String: Source] = [:]
    public private(set) var user: [String: Source] = [:]
    /// Problems reading the user's theme folder (unreadable files).
    public private(set) var diagnostics: [Diagnostic] = []

    public init(builtIn: [Source], user: [Source]) {
        for s in builtIn { self.builtIn[s.name] = s }
        for s in user { self.user[s.name] = s }
    }

    /// Built-in themes plus the `*.toml` files of `userDirectory` (missing folder: none).
    public init(userDirectory: URL?) {
        self.init(builtIn: Self.embeddedSources, user: [])
        guard let userDirectory else { return }
        let files = (try? FileManager.default.contentsOfDirectory(at: userDirectory, includingPropertiesForKeys: nil)) ?? []
        for url in files.sorted(by: { $0.lastPathComponent < $1.lastPathComponent })
        where url.pathExtension == "toml" && !url.lastPathComponent.hasPrefix(".") {
            let name = url.deletingPathExtension().lastPathComponent
            guard let data = FileManager.default.contents(atPath: url.path),
                  let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(file: url.path, line: nil, key: nil, message: "cannot read the file as UTF-8 text"))
                continue
            }
            user[name] = Source(name: name, file: url.path, text: text, isUser: true)
        }
    }

    /// The registry for this environment: built-ins plus `themesDirectory(environment:)`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeRegistry {
        ThemeRegistry(userDirectory: themesDirectory(environment: environment))
    }

    /// `$XDG_CONFIG_HOME/newsreader/themes` (`~/.config/newsreader/themes` when unset).
    public static func themesDirectory(environment: [String: String]) -> URL {
        ConfigLocation.configDirectory(environment: environment).appending(path: "themes")
    }

    public static var embeddedSources: [Source] {
        EmbeddedFiles.all.filter { $0.name.hasSuffix(".toml") }.map {
            let name = String($0.name.dropLast(5))
            return Source(name: name, file: "Themes/\($0.name)", text: $0.contents, isUser: false)
        }
    }

    /// Every theme name, sorted.
    public var names: [String] { Set(builtIn.keys).union(user.keys).sorted() }

    /// The theme to use: `NO_COLOR` or a colourless terminal → `mono`; else the configured
    /// one, else `default`.
    public static func themeName(configured: String?, environment: [String: String], depth: ColorDepth) -> String {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return noColorThemeName }
        if depth == .none { return noColorThemeName }
        return configured ?? defaultThemeName
    }

    /// The theme to draw with at start-up: `themeName(configured:…)` loaded and mapped to
    /// `depth`. For `:theme NAME`, use `load(NAME)` and map it to the same depth.
    public func active(configured: String?, environment: [String: String], depth: ColorDepth) -> Loaded {
        var loaded = load(Self.themeName(configured: configured, environment: environment, depth: depth))
        loaded.theme = loaded.theme.mapped(to: depth)
        return loaded
    }

    /// Loads `name` with its parents. Never fails: a missing or broken theme gives
    /// diagnostics and the `default` theme (and if even that is broken, `Theme.plain`).
    public func load(_ name: String) -> Loaded {
        var diagnostics: [Diagnostic] = []
        if let theme = loadChain(name, &diagnostics) {
            return Loaded(theme: theme, diagnostics: diagnostics, fellBack: false)
        }
        // The user's default first, then the built-in one.
        let failed = user[name] ?? builtIn[name]
        for candidate in [user[Self.defaultThemeName], builtIn[Self.defaultThemeName]].compactMap({ $0 })
        where candidate != failed {
            var fallbackDiagnostics: [Diagnostic] = []
            if let theme = loadChain(candidate, &fallbackDiagnostics) {
                diagnostics.append(Diagnostic(file: candidate.file, line: nil, key: nil,
                                              message: "using the \(Self.defaultThemeName) theme instead of \"\(name)\""))
                return Loaded(theme: theme, diagnostics: diagnostics + fallbackDiagnostics, fellBack: true)
            }
            diagnostics += fallbackDiagnostics
        }
        return Loaded(theme: .plain, diagnostics: diagnostics, fellBack: true)
    }

    private func loadChain(_ name: String, _ diagnostics: inout [Diagnostic]) -> Theme? {
        guard let source = user[name] ?? builtIn[name] else {
            diagnostics.append(Diagnostic(file: "theme", line: nil, key: nil,
                                          message: "no theme named \"\(name)\" (available: \(names.joined(separator: ", ")))"))
            return nil
        }
        return loadChain(source, &diagnostics)
    }

    /// Follows `inherits` from `source` up to a root, then merges. A user theme inheriting its
    /// own name means the built-in theme of that name (so it can tweak it).
    private func loadChain(_ source: Source, _ diagnostics: inout [Diagnostic]) -> Theme? {
        var chain: [ThemeFile] = []
        var seen: [Source] = []
        var current = source
        while true {
            if seen.contains(current) {
                let names = (seen + [current]).map(\.name).joined(separator: " → ")
                let last = chain.last
                diagnostics.append(Diagnostic(file: last?.file ?? current.file, line: last?.inheritsLine,
                                              key: "inherits", message: "inheritance cycle: \(names)"))
                return nil
            }
            seen.append(current)
            let file = ThemeFile(name: current.name, file: current.file, text: current.text)
            diagnostics += file.diagnostics
            if file.unparseable { return nil }
            chain.append(file)
            guard let parentName = file.inherits else { break }
            // Built-in themes inherit built-in ones only (a user's "dark" must not change
            // "gruvbox"); a user theme inheriting its own name means the built-in one.
            let parent = (!current.isUser || parentName == current.name)
                ? builtIn[parentName] : (user[parentName] ?? builtIn[parentName])
            guard let parent else {
                diagnostics.append(Diagnostic(file: file.file, line: file.inheritsLine, key: "inherits",
                                              message: "no theme named \"\(parentName)\" to inherit from (available: \(names.joined(separator: ", ")))"))
                return nil
            }
            current = parent
        }
        let (theme, resolveDiagnostics) = ThemeResolver.resolve(name: source.name, chain: chain.reversed())
        diagnostics += resolveDiagnostics
        return theme
    }
}
