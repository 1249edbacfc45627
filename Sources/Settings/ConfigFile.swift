import Foundation
import NewsModel
import TextLayout
import Theming

/// Reads `config.toml` into a `Config`. Bad values and unknown keys become diagnostics with
/// their line and are ignored (the default stays); a file that is not TOML gives all defaults.
public struct ConfigFile: Sendable {
    public var config: Config
    public var diagnostics: [Diagnostic]
    /// The file read (or looked for).
    public var path: String
    /// False when there was no file: all defaults, which is fine unless `--config` named it.
    public var exists: Bool
    private var keyLines: TOMLKeyLines?

    /// The line a top-level setting is written on (to point a theme problem at `theme = …`).
    public func line(ofKey key: String) -> Int? { keyLines?.line(for: [key]) }

    public static let keys = ["theme", "max-text-width", "sidebar-width", "date-format", "browser",
                              "refresh-concurrency", "refresh-timeout", "max-articles-per-feed", "max-article-age-days",
                              "unread-only", "osc52", "mouse", "hyperlinks", "keys"]

    /// Loads `explicitPath` (from `--config`; must exist) or the standard location (may not).
    public static func load(explicitPath: String?, environment: [String: String]) -> ConfigFile {
        let path = explicitPath ?? ConfigLocation.configFile(environment: environment).path
        guard let data = FileManager.default.contents(atPath: path) else {
            var file = ConfigFile(config: Config(), diagnostics: [], path: path, exists: false)
            if explicitPath != nil || FileManager.default.fileExists(atPath: path) {
                file.diagnostics.append(Diagnostic(file: path, line: nil, key: nil, message: "cannot read the config file"))
            }
            return file
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ConfigFile(config: Config(), diagnostics: [Diagnostic(file: path, line: nil, key: nil, message: "not UTF-8 text")],
                              path: path, exists: true)
        }
        return parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) -> ConfigFile {
        var parser = Parser(file: file, lines: TOMLKeyLines(text))
        switch TOMLNode.parse(text) {
        case .failure(let error):
            parser.diagnostics.append(Diagnostic(file: file, line: error.line, key: nil,
                                                 message: "not valid TOML, using the defaults: \(error.message)"))
        case .success(let root):
            for (key, value) in root { parser.read(key, value) }
        }
        parser.config.keyOverrides.sort { $0.line < $1.line }
        let diagnostics = parser.diagnostics.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        return ConfigFile(config: parser.config, diagnostics: diagnostics, path: file, exists: true, keyLines: parser.lines)
    }

    private struct Parser {
        var file: String
        var lines: TOMLKeyLines
        var config = Config()
        var diagnostics: [Diagnostic] = []

        mutating func warn(_ path: [String], _ message: String) {
            diagnostics.append(Diagnostic(file: file, line: lines.line(for: path),
                                          key: path.joined(separator: "."), message: message))
        }

        mutating func read(_ key: String, _ value: TOMLNode) {
            switch key {
            case "theme":
                if let s = string(key, value) { config.theme = s }
            case "max-text-width":
                if let n = int(key, value, Config.maxTextWidthRange) { config.maxTextWidth = n }
            case "sidebar-width":
                if let n = int(key, value, Config.sidebarWidthRange) { config.sidebarWidth = n }
            case "date-format":
                guard let s = string(key, value) else { return }
                if let problem = DateFormat.problem(in: s) { warn([key], problem) } else { config.dateFormat = s }
            case "browser":
                if let s = string(key, value) { config.browser = s }
            case "refresh-concurrency":
                if let n = int(key, value, Config.refreshConcurrencyRange) { config.refreshConcurrency = n }
            case "refresh-timeout":
                let seconds: Double?
                switch value {
                case .int(let n): seconds = Double(n)
                case .double(let d): seconds = d
                default: seconds = nil
                }
                let range = Config.refreshTimeoutRange
                guard let seconds, range.contains(seconds) else {
                    return warn([key], "expected seconds between \(Int(range.lowerBound)) and \(Int(range.upperBound)), found \(describe(value))")
                }
                config.refreshTimeout = seconds
            case "max-articles-per-feed":
                if let n = int(key, value, Config.maxArticlesPerFeedRange) { config.maxArticlesPerFeed = n }
            case "max-article-age-days":
                if let n = int(key, value, Config.maxArticleAgeDaysRange) { config.maxArticleAgeDays = n }
            case "unread-only":
                guard case .bool(let b) = value else { return warn([key], "expected true or false, found \(describe(value))") }
                config.unreadOnly = b
            case "osc52":
                guard case .bool(let b) = value else { return warn([key], "expected true or false, found \(describe(value))") }
                config.osc52 = b
            case "hyperlinks":
                switch value {
                case .bool(let b): config.hyperlinks = String(b)
                case .string(let s) where Config.hyperlinkModes.contains(s): config.hyperlinks = s
                default: warn([key], "expected \"auto\", true or false, found \(describe(value))")
                }
            case "mouse":
                guard case .bool(let b) = value else { return warn([key], "expected true or false, found \(describe(value))") }
                config.mouse = b
            case "keys":
                readKeys(value)
            default:
                let dashed = key.replacingOccurrences(of: "_", with: "-").lowercased()
                let hint = ConfigFile.keys.contains(dashed) && dashed != key ? " (did you mean \"\(dashed)\"?)" : ""
                warn([key], "unknown setting, ignored\(hint); known: \(ConfigFile.keys.joined(separator: ", "))")
            }
        }

        /// `[keys]` (everywhere) and its sub-tables `[keys.list]`, `[keys.pane]`… (one context each;
        /// the reader checks the context names).
        mutating func readKeys(_ value: TOMLNode, context: String? = nil) {
            let path = ["keys"] + (context.map { [$0] } ?? [])
            guard case .table(let pairs) = value else {
                return warn(path, "expected a table like [keys] with \"C-d\" = \"half-page-down\", found \(value.typeName)")
            }
            for (keys, action) in pairs {
                if context == nil, case .table = action {
                    readKeys(action, context: keys)
                    continue
                }
                guard case .string(let name) = action else {
                    warn(path + [keys], "expected an action name (a string; \"none\" unbinds), found \(action.typeName)")
                    continue
                }
                let line = lines.line(for: path + [keys]) ?? 0
                config.keyOverrides.append(KeyOverride(keys: keys, action: name, line: line, context: context))
            }
        }

        mutating func string(_ key: String, _ value: TOMLNode) -> String? {
            guard case .string(let s) = value else {
                warn([key], "expected a string, found \(describe(value))")
                return nil
            }
            guard !s.trimmingCharacters(in: .whitespaces).isEmpty, !s.unicodeScalars.contains(where: ControlCharacter.isControl) else {
                warn([key], "expected a non-empty string without control characters")
                return nil
            }
            return s
        }

        mutating func int(_ key: String, _ value: TOMLNode, _ range: ClosedRange<Int>) -> Int? {
            guard case .int(let n) = value, range.contains(n) else {
                warn([key], "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(describe(value))")
                return nil
            }
            return n
        }

        func describe(_ value: TOMLNode) -> String {
            switch value {
            case .int(let n): return "\(n)"
            case .double(let d): return "\(d)"
            case .bool(let b): return "\(b)"
            case .string(let s): return "the string \(Config.quoted(String(s.prefix(40))))"
            default: return "a \(value.typeName)"
            }
        }
    }
}
