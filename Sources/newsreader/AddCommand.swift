import ArgumentParser
import Feeds
import Foundation
import Store

/// `newsreader add URL|PATH [--tag T]... [--title T] [--all]`: subscribe to a feed, or to the
/// feeds of a web page.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed, or find the feeds of a web page (http(s) URL, file:// URL or local path).",
        discussion: """
        Given a web page, add looks for the feeds it declares (<link rel="alternate"> with an \
        RSS, Atom or JSON Feed type) and, when it declares none, tries /feed, /rss.xml, \
        /atom.xml, /index.xml, /feed.xml and /feed.json on the same site. One feed found is \
        subscribed; of several, you pick (or pass --all; without a terminal they are listed \
        and nothing is subscribed). Exit status 1 when nothing was subscribed. \
        Local paths are stored as file:// URLs. Adding a feed again updates its tags and title. \
        Feed tags apply to all of the feed's articles. Run `newsreader refresh` to fetch it.
        """)

    @OptionGroup var libraryOptions: LibraryOptions

    @Argument(help: ArgumentHelp("Feed or web page URL, or a path.", valueName: "url-or-path"))
    var location: String

    @Option(name: .long, help: ArgumentHelp("Tag for the feed's articles (repeatable).", valueName: "tag"))
    var tag: [String] = []

    @Option(name: .long, help: "Title to show instead of the feed's own.")
    var title: String?

    @Flag(name: .long, help: "Subscribe to every feed found on the page.")
    var all = false

    func run() async throws {
        let url = try FeedLocation.normalise(location)
        let store = try LibraryOpener.open(libraryOptions)
        var configuration = FeedFetcher.Configuration(userAgent: "newsreader/\(NewsreaderVersion.string)")
        configuration.totalTimeout = 30
        let outcome = await FeedDiscovery.discover(url, fetcher: FeedFetcher(configuration: configuration))
        let targets = try choose(from: outcome, page: url)
        var title = title
        if targets.count > 1, title != nil {
            CLIOutput.printError("warning: --title is for one feed; \(targets.count) feeds keep their own titles")
            title = nil
        }
        let tags = tag.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for target in targets {
            let added = try store.addFeed(url: target.url.absoluteString, title: title, tags: tags)
            var line = (added ? "added " : "updated ") + CLIOutput.clean(target.url.absoluteString)
            if let found = target.title { line += "  (" + CLIOutput.clean(found) + ")" }
            print(line)
        }
    }

    /// The feeds to subscribe to. Throws (exit status 1) when there is none or the user must choose.
    private func choose(from outcome: FeedDiscovery.Outcome, page url: String) throws -> [DiscoveredFeed] {
        let given = DiscoveredFeed(url: URL(string: url) ?? URL(fileURLWithPath: url), title: nil)
        switch outcome {
        case .feed:
            return [given]
        case .unreachable(let error):
            // As before discovery existed: a feed that is down today is still worth subscribing to.
            CLIOutput.printError("warning: cannot fetch \(url) now (\(error)); subscribed anyway, `newsreader refresh` will retry")
            return [given]
        case .unrecognised:
            CLIOutput.printError("warning: \(url) is neither a feed nor a web page; subscribed anyway")
            return [given]
        case .page(let feeds, let probed):
            guard !feeds.isEmpty else {
                let paths = FeedDiscovery.wellKnownPaths.joined(separator: ", ")
                let tried = URL(string: url)?.isFileURL == true ? "" : ", and none of \(paths) on its site is a feed"
                throw CLIError("no feed found: \(url) is a web page that links to no feed\(tried)")
            }
            let how = probed ? "found on its site" : "linked from the page"
            if feeds.count == 1 {
                print("\(CLIOutput.clean(url)) is a web page; its feed (\(how)):")
                return feeds
            }
            if all { return feeds }
            print("\(CLIOutput.clean(url)) is a web page with \(feeds.count) feeds (\(how)):")
            for (index, feed) in feeds.enumerated() { print(Self.describe(feed, number: index + 1)) }
            guard isatty(STDIN_FILENO) != 0 else {
                throw CLIError("several feeds found: pass one of their URLs to `newsreader add`, or add --all to subscribe to all of them")
            }
            return try ask(feeds)
        }
    }

    static func describe(_ feed: DiscoveredFeed, number: Int) -> String {
        let name = feed.title.map { CLIOutput.line(CLIOutput.clean($0), width: 60) } ?? "(untitled)"
        return "  \(number). \(name)  <\(CLIOutput.clean(feed.url.absoluteString))>"
    }

    /// Asks on the terminal which feeds to take; Enter (or end of input) takes none.
    private func ask(_ feeds: [DiscoveredFeed]) throws -> [DiscoveredFeed] {
        while true {
            print("Subscribe to which? Numbers (1 3), a for all, Enter for none: ", terminator: "")
            fflush(nil)  // all streams: naming `stdout` is not concurrency-safe in Swift 6
            guard let answer = readLine(), !answer.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CLIError("nothing subscribed")
            }
            if let picked = FeedChoice.parse(answer, count: feeds.count) { return picked.map { feeds[$0] } }
            print("Type numbers from 1 to \(feeds.count), separated by spaces or commas, or a.")
        }
    }
}

/// Parses the answer to "which feeds?": `a`/`all`, or numbers separated by spaces or commas.
enum FeedChoice {
    /// Zero-based indexes in the order given, without repeats; nil when the answer is not valid.
    static func parse(_ answer: String, count: Int) -> [Int]? {
        let text = answer.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if text == "a" || text == "all" { return Array(0..<count) }
        var picked: [Int] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            guard let number = Int(token), (1...count).contains(number) else { return nil }
            if !picked.contains(number - 1) { picked.append(number - 1) }
        }
        return picked.isEmpty ? nil : picked
    }
}

/// How feed locations are written in the library: URLs as given, paths as absolute file:// URLs.
enum FeedLocation {
    static func normalise(_ location: String) throws -> String {
        guard let url = FeedFetcher.url(for: location) else { throw CLIError("invalid feed location: \(location)") }
        let scheme = url.scheme?.lowercased() ?? ""
        guard ["http", "https", "file"].contains(scheme) else {
            throw CLIError("unsupported URL scheme \(scheme): only http, https, file and local paths")
        }
        return url.absoluteString
    }
}
