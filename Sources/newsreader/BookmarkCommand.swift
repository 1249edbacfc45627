import ArgumentParser
import Foundation
import Store

/// `newsreader bookmark add|remove ID...`.
struct BookmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmark",
        abstract: "Bookmark articles, or remove their bookmarks.",
        discussion: "IDs are as printed by list or search, or unique prefixes of them.")

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case add, remove
    }

    @OptionGroup var libraryOptions: LibraryOptions

    @Argument(help: "add or remove.")
    var action: Action

    @Argument(help: "Article ids (or unique prefixes).")
    var ids: [String]

    func run() throws {
        let store = try LibraryOpener.open(libraryOptions)
        // Resolve all first so a typo changes nothing.
        let resolved = try ids.map { try ArticleIDResolver.resolve($0, in: store) }
        for id in resolved {
            try store.setBookmarked(id: id, action == .add)
            let title = try store.summary(id: id)?.title ?? ""
            print("\(action == .add ? "bookmarked" : "unbookmarked") \(id)  \(CLIOutput.line(title, width: 70))")
        }
    }
}
