import ArgumentParser
import Foundation

/// Opens the interactive reader (the default subcommand). STUB: being built.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader (the default when no subcommand is given).")

    @OptionGroup var libraryOptions: LibraryOptions

    func run() async throws {
        print("newsreader: the reader UI is being built")
    }
}
