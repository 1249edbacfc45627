import ArgumentParser
import Foundation
import Store

/// `newsreader remove URL|PATH`: unsubscribe (bookmarked articles stay).
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Unsubscribe from a feed and delete its articles (bookmarked ones are kept).")

    @OptionGroup var libraryOptions: LibraryOptions

    @Argument(help: ArgumentHelp("Feed URL or path, as shown by `newsreader feeds`.", valueName: "url-or-path"))
    var location: String

    func run() throws {
        let store = try LibraryOpener.open(libraryOptions, seedDemo: false)
        let url = (try? FeedLocation.normalise(location)) ?? location
        for candidate in [url, location] where try store.removeFeed(url: candidate) {
            print("removed " + CLIOutput.clean(candidate))
            return
        }
        throw CLIError("no such feed: \(location) (see `newsreader feeds`)")
    }
}
