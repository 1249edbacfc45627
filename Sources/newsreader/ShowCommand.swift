import ArgumentParser
import Foundation
import NewsModel
import Store

/// `newsreader show ID`: one article in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one article: its details and readable text.",
        discussion: "ID is the id printed by list, search or bookmarks, or any unique prefix of it.")

    @OptionGroup var libraryOptions: LibraryOptions

    @Argument(help: "Article id or a unique prefix of it.")
    var id: String

    @Flag(help: "Print a JSON object (see the README for the fields).")
    var json = false

    func run() throws {
        let store = try LibraryOpener.open(libraryOptions)
        let fullID = try ArticleIDResolver.resolve(id, in: store)
        guard let article = try store.article(id: fullID) else {
            throw CLIError("no article with id \(fullID)")
        }
        if json {
            try CLIOutput.printJSON(ArticleJSON(article))
            return
        }
        let clean = CLIOutput.clean
        print(clean(article.title))
        if !article.section.isEmpty { print("Section:   " + clean(CLIOutput.section(article.section))) }
        if !article.tags.isEmpty { print("Tags:      " + clean(article.tags.joined(separator: ", "))) }
        if let author = article.author { print("Author:    " + clean(author)) }
        if let published = article.published { print("Published: " + (CLIOutput.iso(published) ?? "")) }
        print("Source:    " + clean(article.source.name) + " (" + clean(article.source.location) + ")")
        if let link = article.link { print("Link:      " + clean(link)) }
        print("Id:        \(article.id)" + (article.isBookmarked ? "  [bookmarked]" : "") + (article.read ? "  [read]" : ""))
        print("")
        print(CLIOutput.cleanLines(article.text))
    }

}
