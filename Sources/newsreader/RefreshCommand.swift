import ArgumentParser
import Foundation
import Reader
import ReaderEffects
import Settings
import Store
import Theming

/// `newsreader refresh [--tag T]`: fetch every (or every tagged) feed concurrently.
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Fetch subscribed feeds and store new articles.",
        discussion: """
        Several feeds are fetched at once (at most 2 per host). A feed whose server answers \
        304 Not Modified (or a local file that did not change) costs nothing. On a terminal a \
        progress bar is shown, otherwise one line per feed. A failing feed records its error \
        (see `newsreader feeds`) and never stops the others; the exit status is 1 when any failed.

        Each stored feed is then cut to the retention limits of config.toml: its newest \
        `max-articles-per-feed` articles (default 1000; 0 = unlimited) and, when \
        `max-article-age-days` is set, none older than that. Bookmarked articles and whatever \
        the feed still serves are never deleted. The summary counts the pruned articles.
        """)

    @OptionGroup var libraryOptions: LibraryOptions
    @OptionGroup var configOptions: ConfigOptions

    @Option(name: .long, help: ArgumentHelp("Only feeds with this tag.", valueName: "tag"))
    var tag: String?

    func run() async throws {
        MemoryTuning.returnLargeBuffersToTheSystem()
        let configFile = configOptions.load()
        configFile.diagnostics.forEach { CLIOutput.printError("\($0)") }
        let store = try LibraryOpener.open(libraryOptions, seedDemo: false, busyTimeout: LibraryOpener.batchBusyTimeout)
        var feeds = try store.feeds()
        if let tag {
            feeds = RefreshSelection.feeds(feeds, scope: .tag(tag))
            if feeds.isEmpty { throw CLIError("no feed has the tag \(tag)") }
        }
        if feeds.isEmpty {
            print("no feeds; add one with `newsreader add URL`")
            return
        }
        let tty = isatty(STDOUT_FILENO) != 0
        let start = Date()
        let refresher = FeedRefreshAdapter(refresher: FeedRefresher(
            store: store, maxConcurrent: configFile.config.refreshConcurrency, timeout: configFile.config.refreshTimeout,
            retention: configFile.config.feedRetention))
        let outcomes = await refresher.refresh(feeds) { done, total, outcome in
            if tty {
                let width = 30
                let filled = width * done / max(1, total)
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                let name = CLIOutput.line(CLIOutput.clean(outcome.title), width: 40)
                FileHandle.standardOutput.write(Data("\r\u{1B}[2K\(bar) \(done)/\(total) \(name)".utf8))
            } else {
                // The status may quote outside text (a path, a server's Location): sanitise it too.
                print("[\(done)/\(total)] \(CLIOutput.clean(outcome.title)): \(CLIOutput.clean(Self.describe(outcome.status)))")
            }
        }
        if tty { FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8)) }
        try? store.checkpoint()  // best effort: another process may be reading
        let tally = RefreshTally(outcomes)
        let failures = tally.failures
        let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
        // Pruned: older articles the retention limits (max-articles-per-feed…) deleted.
        print("refreshed \(outcomes.count) feeds in \(seconds) s: \(tally.inserted) new, \(tally.updated) updated articles, "
              + "\(tally.unchanged) not modified, \(failures.count) failed, \(tally.pruned) old articles pruned")
        for failure in failures {
            CLIOutput.printError("\(failure.url): \(Self.describe(failure.status))")
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }

    static func describe(_ status: FeedRefreshStatus) -> String {
        switch status {
        case .stored(let inserted, let updated, let pruned):
            return "\(inserted) new, \(updated) updated" + (pruned > 0 ? ", \(pruned) pruned" : "")
        case .notModified: return "not modified"
        case .failed(let message): return "error: \(message)"
        }
    }
}
