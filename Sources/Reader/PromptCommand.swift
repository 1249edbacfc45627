import Foundation
import NewsModel

/// A `:` command: names, help text, and what it does to the state. Every key action is a
/// command too, by its name (`:next-unread`); `runCommandLine` falls back to those.
struct PromptCommand: Sendable {
    var names: [String]
    var usage: String
    var help: String
    var run: @Sendable (inout AppState, String) -> [Effect]

    static func usage(_ state: inout AppState, _ text: String) -> [Effect] {
        state.message = StatusMessage(text: "Usage: " + text, isError: true)
        return []
    }

    static let table: [PromptCommand] = [
        PromptCommand(names: ["q", "quit"], usage: ":q", help: "Quit") { state, _ in
            state.perform(.quit, count: nil)
        },
        PromptCommand(names: ["search"], usage: ":search WORDS", help: "Search the whole library (s); n/N in an article jump between the words") { state, words in
            state.searchLibrary(words)
        },
        PromptCommand(names: ["tag"], usage: ":tag NAME", help: "Show the articles with this tag") { state, name in
            guard !name.isEmpty else { return usage(&state, ":tag NAME") }
            guard let tag = state.sidebar.counts.tags.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                state.message = StatusMessage(text: "No tag named \(name)", isError: true)
                return []
            }
            return state.showList(.tag(tag.name))
        },
        PromptCommand(names: ["feed"], usage: ":feed NAME", help: "Show one feed's articles (its title or URL)") { state, name in
            guard !name.isEmpty else { return usage(&state, ":feed NAME") }
            let feeds = state.sidebar.counts.feeds
            let lower = name.lowercased()
            let found = feeds.first { $0.title.lowercased() == lower || $0.url == name }
                ?? { let p = feeds.filter { $0.title.lowercased().hasPrefix(lower) }; return p.count == 1 ? p[0] : nil }()
            guard let feed = found else {
                state.message = StatusMessage(text: "No feed named \(name)", isError: true)
                return []
            }
            return state.showList(.source(feed.url))
        },
        PromptCommand(names: ["bookmarks"], usage: ":bookmarks", help: "Show the bookmarks list") { state, _ in
            state.showList(.bookmarks)
        },
        PromptCommand(names: ["theme"], usage: ":theme NAME", help: "Switch to another theme") { state, name in
            guard !name.isEmpty else { return usage(&state, ":theme NAME") }
            return [.setTheme(name)]
        },
        PromptCommand(names: ["refresh"], usage: ":refresh [all]", help: "Refresh this feed or tag's feeds (all: every feed)") { state, argument in
            switch argument {
            case "": return state.perform(.refresh, count: nil)
            case "all": return state.perform(.refreshAll, count: nil)
            default: return usage(&state, ":refresh [all]")
            }
        },
        PromptCommand(names: ["sort"], usage: ":sort date|title|source", help: "Sort the list (S cycles)") { state, key in
            guard let order = ListOrder(rawValue: key) else {
                return usage(&state, ":sort " + state.sortCycle.map(\.rawValue).joined(separator: "|"))
            }
            return state.setSort(order)
        },
        PromptCommand(names: ["set"], usage: ":set OPTION VALUE", help: "Change a setting for this session (:set alone lists them)") { state, argument in
            state.setOption(argument)
        },
        PromptCommand(names: ["undo"], usage: ":undo", help: "Undo mark-all-read (also u right after it)") { state, _ in
            state.performUndo(state.undo)
        },
        PromptCommand(names: ["help", "h"], usage: ":help", help: "Show the help screen (F1)") { state, _ in
            state.helpTop = 0
            return []
        },
    ]
}

/// What `:set` changes, for this session.
enum ReaderOption: String, CaseIterable, Sendable {
    case unreadOnly = "unread-only"
    case sort
    case maxTextWidth = "max-text-width"
    case sidebarWidth = "sidebar-width"
    case dateFormat = "date-format"

    /// Values offered by Tab completion.
    func values(_ state: AppState) -> [String] {
        switch self {
        case .unreadOnly: return ["true", "false"]
        case .sort: return state.sortCycle.map(\.rawValue)
        case .dateFormat: return ["auto", "%Y-%m-%d", "%b %d"]
        case .maxTextWidth, .sidebarWidth: return []
        }
    }

    func current(_ state: AppState) -> String {
        switch self {
        case .unreadOnly: return String(state.list.query.unreadOnly)
        case .sort: return state.list.query.order.rawValue
        case .maxTextWidth: return String(state.maxTextWidth)
        case .sidebarWidth: return state.sidebarWidth.map(String.init) ?? "auto"
        case .dateFormat: return state.dateFormat ?? "auto"
        }
    }
}

extension AppState {
    mutating func setOption(_ argument: String) -> [Effect] {
        let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else {
            message = StatusMessage(text: ReaderOption.allCases.map { "\($0.rawValue)=\($0.current(self))" }.joined(separator: "  "), isError: false)
            return []
        }
        guard let option = ReaderOption(rawValue: name) else {
            message = StatusMessage(text: "No option \(name) (options: \(ReaderOption.allCases.map(\.rawValue).joined(separator: ", ")))", isError: true)
            return []
        }
        guard parts.count == 2 else {
            message = StatusMessage(text: "\(name) = \(option.current(self))", isError: false)
            return []
        }
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        func bad(_ expected: String) -> [Effect] {
            message = StatusMessage(text: "\(name): expected \(expected)", isError: true)
            return []
        }
        switch option {
        case .unreadOnly:
            guard let on = Bool(value) else { return bad("true or false") }
            return on == list.query.unreadOnly ? [] : setUnreadOnly(on)
        case .sort:
            guard let order = ListOrder(rawValue: value) else { return bad(sortCycle.map(\.rawValue).joined(separator: ", ")) }
            return setSort(order)
        case .maxTextWidth:
            guard let n = Int(value), (20...1000).contains(n) else { return bad("a number from 20 to 1000") }
            maxTextWidth = n
        case .sidebarWidth:
            if value == "auto" { sidebarWidth = nil } else {
                guard let n = Int(value), (8...80).contains(n) else { return bad("auto or a number from 8 to 80") }
                sidebarWidth = n
            }
        case .dateFormat:
            dateFormat = value == "auto" ? nil : value
        }
        // Lay the article out again, keeping the same paragraph at the top.
        let anchor = pane.content?.anchor(atLine: pane.top)
        pane.content = nil
        relayoutPane()
        if let anchor, let content = pane.content { scrollPane(to: content.line(for: anchor)) }
        clampListScroll()
        clampSidebarScroll()
        message = StatusMessage(text: "\(name) = \(option.current(self))", isError: false)
        return ensureListWindow()
    }
}
