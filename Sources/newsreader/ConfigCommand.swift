import ArgumentParser
import Foundation
import Screen
import Settings
import Theming

/// `newsreader config [--check]`: where the config lives and what is in effect.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration; with --check, validate it.",
        discussion: """
        Prints the settings in effect (the file's values over the defaults) as TOML. With \
        --check, also loads the configured theme and reports every problem in the config and \
        theme files with its line, exiting with status 1 if there is any.
        """)

    @OptionGroup var configOptions: ConfigOptions

    @Flag(name: .long, help: "Validate the config and its theme; exit 1 on any problem.")
    var check = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let file = configOptions.load(environment: environment)
        var problems = file.diagnostics
        if check {
            problems += ReaderSettings.keymap(applying: file.config.keyOverrides, file: file.path).1
            let registry = ThemeRegistry.standard(environment: environment)
            problems += registry.diagnostics
            let name = file.config.theme ?? ThemeRegistry.defaultThemeName
            let loaded = registry.load(name)
            problems += loaded.diagnostics.map { d in
                // "no theme named …" is about the config's `theme` entry: point at it.
                guard d.file == "theme", let line = file.line(ofKey: "theme") else { return d }
                return Diagnostic(file: file.path, line: line, key: "theme", message: d.message)
            }
        }
        for problem in problems {
            FileHandle.standardError.write(Data("newsreader: \(problem)\n".utf8))
        }
        let source = file.exists ? Diagnostic.printable(file.path) : "defaults; no file at \(Diagnostic.printable(file.path))"
        print("# effective configuration (\(source))")
        print(file.config.tomlText, terminator: "")
        if check {
            let summary = problems.isEmpty ? "no problems found" : "\(problems.count) problem\(problems.count == 1 ? "" : "s") found"
            FileHandle.standardError.write(Data("newsreader: config check: \(summary)\n".utf8))
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}
