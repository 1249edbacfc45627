import ArgumentParser
import Foundation
import Store

/// `newsreader tags`: every tag with its article counts.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "List tags with how many articles (and unread articles) each has.",
        discussion: "Text output: `TOTAL  UNREAD  TAG`, sorted by tag name.")

    @OptionGroup var libraryOptions: LibraryOptions

    @Flag(help: "Print a JSON array of {name, total, unread}.")
    var json = false

    struct TagJSON: Encodable {
        var name: String
        var total: Int
        var unread: Int
    }

    func run() throws {
        let store = try LibraryOpener.open(libraryOptions)
        let tags = try store.sidebar().tags
        if json {
            try CLIOutput.printJSON(tags.map { TagJSON(name: $0.name, total: $0.total, unread: $0.unread) })
            return
        }
        for tag in tags {
            let total = String(tag.total), unread = String(tag.unread)
            print(String(repeating: " ", count: max(0, 6 - total.count)) + total + "  "
                  + String(repeating: " ", count: max(0, 6 - unread.count)) + unread + "  " + CLIOutput.clean(tag.name))
        }
    }
}
