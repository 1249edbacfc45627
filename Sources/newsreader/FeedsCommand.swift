import ArgumentParser
import Foundation
import Store

/// `newsreader feeds [--json]`: subscriptions with item counts, last refresh and last error.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List subscribed feeds: title, URL, tags, item count, last refresh, last error.")

    @OptionGroup var libraryOptions: LibraryOptions

    @Flag(help: "Print a JSON array.")
    var json = false

    struct FeedJSON: Encodable {
        var title: String
        var url: String
        var tags: [String]
        var hidden: Bool
        var items: Int
        var lastRefresh: String?
        var lastError: String?

        enum CodingKeys: String, CodingKey {
            case title, url, tags, hidden, items, lastRefresh = "last_refresh", lastError = "last_error"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(title, forKey: .title)
            try c.encode(url, forKey: .url)
            try c.encode(tags, forKey: .tags)
            try c.encode(hidden, forKey: .hidden)
            try c.encode(items, forKey: .items)
            if let lastRefresh { try c.encode(lastRefresh, forKey: .lastRefresh) } else { try c.encodeNil(forKey: .lastRefresh) }
            if let lastError { try c.encode(lastError, forKey: .lastError) } else { try c.encodeNil(forKey: .lastError) }
        }
    }

    func run() throws {
        let store = try LibraryOpener.open(libraryOptions, seedDemo: false)
        let feeds = try store.feeds()
        if json {
            try CLIOutput.printJSON(feeds.map {
                FeedJSON(title: $0.displayTitle, url: $0.url, tags: $0.tags, hidden: $0.hidden, items: $0.itemCount,
                         lastRefresh: CLIOutput.iso($0.lastRefresh), lastError: $0.lastError)
            })
            return
        }
        if feeds.isEmpty {
            print("no feeds; add one with `newsreader add URL`")
            return
        }
        for feed in feeds {
            let marker = feed.lastError == nil ? " " : "!"
            let refreshed = feed.lastRefresh.map(CLIOutput.day) ?? "never"
            print("\(marker) \(CLIOutput.line(CLIOutput.clean(feed.displayTitle), width: 50))  \(feed.itemCount) items  \(refreshed)")
            print("    " + CLIOutput.clean(feed.url))
            if !feed.tags.isEmpty { print("    tags: " + CLIOutput.clean(feed.tags.joined(separator: ", "))) }
            if let error = feed.lastError { print("    error: " + CLIOutput.line(CLIOutput.clean(error), width: 100)) }
        }
    }
}
