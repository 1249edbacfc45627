import ArgumentParser
import Feeds
import Foundation
import Markup
import NewsModel

/// `newsreader parse FILE --json`: parse without storing.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one article or feed file (RSS, Atom, RDF, JSON Feed) without storing it and print what was found.",
        discussion: """
        With --json prints {"feed": null, "articles": [{id, guid, title, link, author, published, \
        updated, section, tags, summary, content_html, text, enclosures}]} (see the README). \
        Warnings (such as invalid UTF-8 that was replaced) go to standard error.
        """)

    @Argument(help: "The file to parse.")
    var file: String

    @Flag(help: "Print the parsed document as JSON.")
    var json = false

    func run() throws {
        let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
        let document: ParsedDocument
        do {
            // Feed files (sniffed by content) go to FeedParser, the rest to ArticleFileParser.
            document = try DocumentParser.parse(fileAt: url)
        } catch let error as ArticleFileError {
            throw CLIError(error.description)
        } catch let error as FeedParserError {
            throw CLIError("\(url.path): \(error)")
        }
        for warning in document.warnings { CLIOutput.printError("\(url.path): warning: \(warning)") }
        if json {
            CLIOutput.printJSONText(try ParsedDocumentJSON.string(document, pretty: true))
            return
        }
        for article in document.articles {
            print(CLIOutput.clean(article.title))
            if !article.section.isEmpty { print("Section: " + CLIOutput.clean(CLIOutput.section(article.section))) }
            if !article.tags.isEmpty { print("Tags:    " + CLIOutput.clean(article.tags.joined(separator: ", "))) }
            print("Id:      \(article.id)")
            print("Blocks:  \(article.body.count)")
        }
    }
}
