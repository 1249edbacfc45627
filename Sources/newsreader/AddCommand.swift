import ArgumentParser
import Feeds
import Foundation
import Store

/// `newsreader add URL|PATH [--tag T]... [--title T]`: subscribe to a feed.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed (http(s) URL, file:// URL or local path).",
        discussion: """
        Local paths are stored as file:// URLs. Adding a feed again updates its tags and title. \
        Feed tags apply to all of the feed's articles. Run `newsreader refresh` to fetch it.
        """)

    @OptionGroup var libraryOptions: LibraryOptions

    @Argument(help: ArgumentHelp("Feed URL or path.", valueName: "url-or-path"))
    var location: String

    @Option(name: .long, help: ArgumentHelp("Tag for the feed's articles (repeatable).", valueName: "tag"))
    var tag: [String] = []

    @Option(name: .long, help: "Title to show instead of the feed's own.")
    var title: String?

    func run() throws {
        let url = try FeedLocation.normalise(location)
        let store = try LibraryOpener.open(libraryOptions)
        let tags = tag.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let added = try store.addFeed(url: url, title: title, tags: tags)
        print((added ? "added " : "updated ") + CLIOutput.clean(url))
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
