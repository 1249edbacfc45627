import Foundation

/// Where the user's files live: `$XDG_CONFIG_HOME/newsreader/` (`~/.config/newsreader/`).
public enum ConfigLocation {
    public static func configDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appending(path: "newsreader")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appending(path: ".config/newsreader")
    }

    /// `config.toml` in `configDirectory`.
    public static func configFile(environment: [String: String]) -> URL {
        configDirectory(environment: environment).appending(path: "config.toml")
    }
}
