import ArgumentParser
import Foundation
import Store

/// `newsreader export bookmarks --format json|markdown`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export bookmarks to standard output as JSON or Markdown.",
        discussion: """
        json: the same array as `newsreader bookmarks --json`.
        markdown: a `# Bookmarks` list, one `- [Title](link) — section · date` line per article, \
        most recently bookmarked first.
        """)

    enum What: String, ExpressibleByArgument, CaseIterable {
        case bookmarks
        case opml
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @OptionGroup var libraryOptions: LibraryOptions

    @Argument(help: "What to export (bookmarks, opml).")
    var what: What

    @Option(help: "json or markdown.")
    var format: Format = .markdown

    func run() throws {
        let store = try LibraryOpener.open(libraryOptions)
        if what == .opml {  // feeds helper: subscriptions as OPML 2.0 (format does not apply)
            print(try FeedImporter.opml(store), terminator: "")
            return
        }
        let entries = try store.bookmarkedArticles()
        switch format {
        case .json:
            try CLIOutput.printJSON(entries.map(BookmarksCommand.json))
        case .markdown:
            print(Self.markdown(entries), terminator: "")
        }
    }

    static func markdown(_ entries: [BookmarkEntry]) -> String {
        var out = "# Bookmarks\n\n"
        for entry in entries {
            let s = entry.summary
            let title = escape(s.title.split(whereSeparator: \.isNewline).joined(separator: " "))
            var line = "- " + (entry.link.map { "[\(title)](<\($0)>)" } ?? title)
            var details: [String] = []
            if !s.section.isEmpty { details.append(escape(CLIOutput.section(s.section))) }
            details.append(CLIOutput.day(s.sortDate))
            if !entry.tags.isEmpty { details.append(entry.tags.map(escape).joined(separator: ", ")) }
            line += " — " + details.joined(separator: " · ")
            out += line + "\n"
        }
        return out
    }

    /// Keeps Markdown punctuation in titles from becoming markup.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]<#|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
