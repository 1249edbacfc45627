import Foundation

/// The XDG base directories the app uses. A variable counts only when it holds an absolute
/// path (the spec says to ignore relative ones); else `$HOME/.local/share` or `$HOME/.config`.
public enum XDGDirectory: Sendable {
    case data, config

    public func url(environment: [String: String]) -> URL {
        let (variable, fallback) = self == .data ? ("XDG_DATA_HOME", ".local/share") : ("XDG_CONFIG_HOME", ".config")
        if let value = environment[variable], value.hasPrefix("/") {
            return URL(fileURLWithPath: value, isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appending(path: fallback)
    }
}
