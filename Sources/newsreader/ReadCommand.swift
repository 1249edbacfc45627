import ArgumentParser
import Foundation
import Store

/// Opens the interactive reader (the default subcommand).
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader (the default when no subcommand is given).")

    @OptionGroup var libraryOptions: LibraryOptions
    @OptionGroup var configOptions: ConfigOptions

    func run() async throws {
        MemoryTuning.returnLargeBuffersToTheSystem()
        let started = ContinuousClock.now
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError("the reader needs a terminal on stdin and stdout; for scripts use `newsreader list`, `show` or `search` (see --help)")
        }
        let path = LibraryOpener.path(for: libraryOptions, environment: environment)
        let store: LibraryStore
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            store = try LibraryOpener.open(libraryOptions)
        } catch {
            throw CLIError("cannot open the library \(path): \(error)")
        }
        let settings = ReaderSettings(configFile: configOptions.load(environment: environment), environment: environment)
        let loop = ReaderLoop(store: store, environment: environment, settings: settings, started: started)
        let status = try loop.run()
        if status != 0 { throw ExitCode(status) }
    }
}
