import ArgumentParser
import Foundation
import NewsModel
import Store

/// `newsreader bookmarks`: bookmarked articles, most recently bookmarked first.
struct BookmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmarks",
        abstract: "List bookmarked articles, most recently bookmarked first.")

    @OptionGroup var libraryOptions: LibraryOptions

    @Flag(help: "Print a JSON array (list fields plus bookmarked_at, link and tags).")
    var json = false

    struct BookmarkExtra: Encodable {
        var bookmarkedAt: String
        var link: String?
        var tags: [String]
        enum CodingKeys: String, CodingKey { case bookmarkedAt = "bookmarked_at", link, tags }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(bookmarkedAt, forKey: .bookmarkedAt)
            try c.encodeOrNull(link, forKey: .link)
            try c.encode(tags, forKey: .tags)
        }
    }

    static func json(_ entry: BookmarkEntry) -> ExtendedSummaryJSON<BookmarkExtra> {
        ExtendedSummaryJSON(summary: SummaryJSON(entry.summary), extra: BookmarkExtra(
            bookmarkedAt: CLIOutput.iso(entry.bookmarkedAt) ?? "", link: entry.link, tags: entry.tags))
    }

    func run() throws {
        let store = try LibraryOpener.open(libraryOptions)
        let entries = try store.bookmarkedArticles()
        if json {
            try CLIOutput.printJSON(entries.map(Self.json))
        } else {
            for entry in entries { print(CLIOutput.listLine(entry.summary)) }
        }
    }
}
