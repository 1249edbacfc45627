import ArgumentParser
import Foundation

/// `newsreader` with no subcommand opens the reader; subcommands script the library.
/// Each subcommand lives in its own file (`<Name>Command.swift`).
@main
struct Newsreader: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsreader",
        abstract: "A fast terminal news reader: tag sidebar, article list and reading pane.",
        discussion: """
        Run with no subcommand to open the reader. The first run with an empty library shows \
        a bundled demo library. Library: $NEWSREADER_LIBRARY, else \
        $XDG_DATA_HOME/newsreader/library.sqlite (~/.local/share/newsreader/library.sqlite).
        """,
        version: NewsreaderVersion.string,
        subcommands: [
            ReadCommand.self, ImportCommand.self, ListCommand.self, ShowCommand.self, TagsCommand.self,
            SearchCommand.self, BookmarkCommand.self, BookmarksCommand.self, ExportCommand.self,
            ParseCommand.self, ConfigCommand.self, ThemesCommand.self,
            AddCommand.self, RemoveCommand.self, FeedsCommand.self, RefreshCommand.self,
            ManPageCommand.self,
        ],
        defaultSubcommand: ReadCommand.self
    )
}

enum NewsreaderVersion {
    static let string = "0.1.0"
}

/// Options every library-using subcommand shares.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Library database file.", valueName: "path"))
    var library: String?
}
