import Foundation
import NewsModel

/// Turns an article link and `$BROWSER` into a program to run — never through a shell.
public enum LinkOpener {
    /// Programs that take over the terminal: curses is suspended while they run.
    static let terminalBrowsers: Set<String> = [
        "lynx", "w3m", "links", "links2", "elinks", "browsh", "carbonyl", "less", "more", "most",
        "vi", "vim", "nvim", "nano", "emacs", "mg",
    ]

    public struct Launch: Equatable, Sendable {
        public var arguments: [String]
        /// True when the program uses the terminal (wait for it with curses suspended).
        public var usesTerminal: Bool
    }

    /// Accepts only absolute http(s) URLs without whitespace or control characters, so a
    /// link can never smuggle in options or escape sequences.
    public static func validate(_ link: String) -> Result<String, LinkError> {
        let trimmed = link.trimmingCharacters(in: .whitespaces)
        if trimmed.unicodeScalars.contains(where: { $0 == " " || ControlCharacter.isControl($0) }) {
            return .failure(.unsafe)
        }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return .failure(.notWeb(trimmed)) }
        return .success(trimmed)
    }

    public enum LinkError: Error, Equatable, CustomStringConvertible {
        case unsafe
        case notWeb(String)
        public var description: String {
            switch self {
            case .unsafe: return "Not opening the link: it contains spaces or control characters"
            case .notWeb(let link): return "Not opening \(link): only http and https links are opened"
            }
        }
    }

    /// `$BROWSER` may be a colon-separated list (the first entry is used) and may contain
    /// `%s` where the URL goes; otherwise the URL is the last argument. Unset: xdg-open.
    public static func launch(url: String, browser: String?) -> Launch {
        let entry = (browser ?? "").split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
        var words = (entry ?? "xdg-open").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.contains(where: { $0.contains("%s") }) {
            words = words.map { $0.replacingOccurrences(of: "%s", with: url) }
        } else {
            words.append(url)
        }
        let program = (words.first.map { ($0 as NSString).lastPathComponent } ?? "")
        return Launch(arguments: words, usesTerminal: terminalBrowsers.contains(program))
    }
}
