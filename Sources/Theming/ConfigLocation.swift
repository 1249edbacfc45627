import Foundation
import NewsModel

/// Where the user's files live: `$XDG_CONFIG_HOME/newsreader/` (`~/.config/newsreader/`).
public enum ConfigLocation {
    public static func configDirectory(environment: [String: String]) -> URL {
        XDGDirectory.config.url(environment: environment).appending(path: "newsreader")
    }

    /// `config.toml` in `configDirectory`.
    public static func configFile(environment: [String: String]) -> URL {
        configDirectory(environment: environment).appending(path: "config.toml")
    }
}
