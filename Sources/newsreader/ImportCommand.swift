import ArgumentParser
import Feeds
import Foundation
import Markup
import NewsModel
import Store

/// `newsreader import PATH...`: parse article files and store them.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import article files (plain text, Markdown, HTML) into the library.",
        discussion: """
        Each PATH is a file or a folder. Folders are searched recursively for .txt, .text, .md, \
        .markdown and .html/.htm files and files without an extension; hidden files and folders \
        are ignored. A file named explicitly is always tried, whatever its extension.

        Importing the same file again never duplicates it: an unchanged file is left alone, a \
        changed one is updated and keeps its read state, bookmark and reading position.

        Prints `imported N, updated M, skipped K` (plus `(U unchanged)` when some were), and for \
        each skipped file one line `path: reason` on standard error. Exits with status 1 when \
        any file was skipped; every good file is imported all the same.
        """)

    @OptionGroup var libraryOptions: LibraryOptions

    @Argument(help: ArgumentHelp("Files or folders to import; OPML and newsboat urls files subscribe to their feeds.",
                                 valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("newsboat-cache"),
            help: ArgumentHelp("A newsboat cache.db: its articles, read state and flags (as bookmarks).", valueName: "path"))
    var newsboatCache: String?

    /// Articles are stored in transactions of this many.
    static let batchSize = 2_000

    func run() throws {
        MemoryTuning.returnLargeBuffersToTheSystem()
        let store = try LibraryOpener.open(libraryOptions, seedDemo: false, busyTimeout: LibraryOpener.batchBusyTimeout)
        // Feeds: subscription lists and a newsboat cache are handled there; article files stay here.
        let paths = try FeedImporter.run(paths: self.paths, newsboatCache: newsboatCache, store: store)
        if paths.isEmpty { return }
        var skipped: [String] = []
        var files: [URL] = []
        for path in paths {
            let collected = ArticleFileCollector.collect((path as NSString).expandingTildeInPath)
            files += collected.files
            skipped += collected.problems
        }

        // Parse a chunk on all cores while the previous chunk is stored in one transaction.
        let writer = ImportWriter(store: store)
        var start = 0
        while start < files.count {
            let chunk = Array(files[start..<min(files.count, start + Self.batchSize)])
            start += chunk.count
            var batch: [Article] = []
            for (file, outcome) in zip(chunk, ParallelFileParser.parse(chunk)) {
                switch outcome {
                case .failed(let reason):
                    skipped.append(reason)
                case .parsed(let document):
                    for warning in document.warnings {
                        CLIOutput.printError("\(file.path): warning: \(warning)")
                    }
                    if document.articles.isEmpty {
                        skipped.append("\(file.path): no article found")
                    } else {
                        batch += document.articles
                    }
                }
            }
            // Hashed and compressed here, on all cores, so the writer only steps statements.
            try writer.submit(PreparedArticle.prepareAll(batch))
        }
        let total = try writer.finish()
        try? store.checkpoint()  // best effort: another process may be reading

        var summary = "imported \(total.inserted), updated \(total.updated), skipped \(skipped.count)"
        if total.unchanged > 0 { summary += " (\(total.unchanged) unchanged)" }
        if total.refused > 0 { summary += " (\(total.refused) refused: id taken by another source)" }
        print(summary)
        for line in skipped { CLIOutput.printError(line) }
        if !skipped.isEmpty { throw ExitCode(1) }
    }
}

/// Expands import arguments into the files to parse.
enum ArticleFileCollector {
    struct Collected {
        var files: [URL] = []
        /// `path: reason` for arguments that cannot be imported at all.
        var problems: [String] = []
    }

    static func collect(_ path: String) -> Collected {
        var result = Collected()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            result.problems.append("\(path): no such file or folder")
            return result
        }
        guard isDirectory.boolValue else {
            result.files.append(URL(fileURLWithPath: path))
            return result
        }
        guard let found = DirectoryWalker.regularFiles(under: path, accept: { ArticleFileParser.format(forFileName: $0) != nil })
        else {
            result.problems.append("\(path): unreadable folder")
            return result
        }
        // A stable order makes imports repeatable (first-seen times, messages).
        result.files = found.sorted().map { URL(fileURLWithPath: $0) }
        return result
    }
}
