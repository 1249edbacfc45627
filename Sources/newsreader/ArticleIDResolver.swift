import Foundation
import Store

/// Turns what the user typed into a full article id, with clear messages.
enum ArticleIDResolver {
    static func resolve(_ typed: String, in store: LibraryStore) throws -> String {
        switch try store.resolveID(typed) {
        case .found(let id):
            return id
        case .notFound:
            throw CLIError("no article with id \(CLIOutput.clean(typed)) (ids are shown by `newsreader list`)")
        case .ambiguous(let ids):
            throw CLIError("id prefix \(CLIOutput.clean(typed)) is ambiguous: \(ids.joined(separator: ", "))…; type more characters")
        }
    }
}

/// A plain message for the user; ArgumentParser prints it as `Error: message` and exits 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
