import ArgumentParser
import Foundation
import NewsModel
import Store

/// `newsreader list`: newest articles first, optionally filtered.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List articles, newest first.",
        discussion: """
        Articles are sorted by publication date (or, without one, by when they were imported), \
        newest first. Filters combine: --tag T --unread lists unread articles tagged T.
        Text output: `ID  DATE  FLAGS TITLE — SECTION`, FLAGS `*` unread, `B` bookmarked.
        """)

    @OptionGroup var libraryOptions: LibraryOptions

    @Option(help: "Only articles with this tag (case-insensitive).")
    var tag: String?

    @Option(help: ArgumentHelp("Only articles in this section or below it, written like the breadcrumb: \"SECURITY > Cybersecurity\".", valueName: "section"))
    var section: String?

    @Flag(help: "Only bookmarked articles.")
    var bookmarked = false

    @Flag(help: "Only unread articles.")
    var unread = false

    @Option(help: "At most this many articles.")
    var limit = 50

    @Flag(help: "Print a JSON array (see the README for the fields).")
    var json = false

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let store = try LibraryOpener.open(libraryOptions)
        let rows = try ArticleQuery(tag: tag, section: section, bookmarked: bookmarked, unread: unread)
            .fetch(store, limit: limit)
        if json {
            try CLIOutput.printJSON(rows.map(SummaryJSON.init))
        } else {
            for row in rows { print(CLIOutput.listLine(row)) }
        }
    }
}

/// Several list filters at once: the most selective one drives the keyset-paged query, the
/// others are checked on each page (so nothing loads more than it shows, give or take a page).
struct ArticleQuery {
    var tag: String?
    var section: String?
    var bookmarked = false
    var unread = false

    static func sectionPath(_ text: String) -> [String] {
        text.components(separatedBy: ">").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func fetch(_ store: LibraryStore, limit: Int) throws -> [ArticleSummary] {
        var filters: [ArticleFilter] = []
        if bookmarked { filters.append(.bookmarks) }
        if let tag { filters.append(.tag(tag)) }
        if let section { filters.append(.section(Self.sectionPath(section))) }
        if unread { filters.append(.unread) }
        guard let primary = try filters.min(by: { try store.count($0) < store.count($1) }) else {
            return try store.page(.all, after: nil, limit: limit)
        }
        let rest = filters.filter { $0 != primary }
        if rest.isEmpty { return try store.page(primary, after: nil, limit: limit) }

        var tagMembers: Set<String>?
        var out: [ArticleSummary] = []
        var cursor: PageCursor?
        let pageSize = max(limit, 200)
        while out.count < limit {
            let page = try store.page(primary, after: cursor, limit: pageSize)
            for row in page where matches(row, rest, store, &tagMembers) {
                out.append(row)
                if out.count == limit { break }
            }
            guard let last = page.last, page.count == pageSize else { break }
            cursor = PageCursor(last)
        }
        return out
    }

    private func matches(_ row: ArticleSummary, _ filters: [ArticleFilter], _ store: LibraryStore,
                         _ tagMembers: inout Set<String>?) -> Bool {
        filters.allSatisfy { filter in
            switch filter {
            case .unread: return !row.read
            case .bookmarks: return row.bookmarked
            case .section(let path):
                return row.section.count >= path.count
                    && zip(row.section, path).allSatisfy { $0.caseInsensitiveCompare($1) == .orderedSame }
            case .tag(let tag):
                if tagMembers == nil { tagMembers = (try? store.ids(tag: tag)) ?? [] }
                return tagMembers!.contains(row.id)
            default: return true
            }
        }
    }
}
