import ArgumentParser
import Foundation
import Store

/// `newsreader search QUERY`: full-text search, best matches first.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, text and tags; best matches first.",
        discussion: """
        Every word must match; words of three or more letters also match longer words that \
        start with them (secur → security). Japanese, Chinese and Korean text is found for \
        terms of any length (日本, 日本語). A title match ranks above a match in the text.
        Text output: the list line of each hit, then its snippet indented.
        """)

    @OptionGroup var libraryOptions: LibraryOptions

    @Argument(help: "Words to search for (quote several words or pass them separately).")
    var query: [String]

    @Option(help: "At most this many results.")
    var limit = 20

    @Flag(help: "Print a JSON array (list fields plus rank and snippet).")
    var json = false

    struct HitExtra: Encodable {
        var rank: Int
        var snippet: String
    }

    func run() throws {
        let store = try LibraryOpener.open(libraryOptions)
        let hits = try store.search(query.joined(separator: " "), limit: max(0, limit))
        if json {
            try CLIOutput.printJSON(hits.enumerated().map { index, hit in
                ExtendedSummaryJSON(summary: SummaryJSON(hit.article), extra: HitExtra(rank: index + 1, snippet: hit.snippet))
            })
            return
        }
        for hit in hits {
            print(CLIOutput.listLine(hit.article))
            print("    " + CLIOutput.line(hit.snippet, width: 100))
        }
    }
}
