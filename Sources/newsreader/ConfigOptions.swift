import ArgumentParser
import Foundation
import Settings
import Theming

/// `--config PATH`, shared by every subcommand that reads the user's settings.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Config file (default: $XDG_CONFIG_HOME/newsreader/config.toml, ~/.config/newsreader/config.toml).",
        valueName: "path"))
    var config: String?

    /// The config file read with its diagnostics; never fails (defaults stand in).
    func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConfigFile {
        ConfigFile.load(explicitPath: config, environment: environment)
    }
}
