import Foundation
import NewsModel

/// `:NAME [ARGUMENT]`: any command by name or alias, as if its key had been pressed; the
/// commands that take an argument (`:search WORDS`, `:tag NAME`, `:set OPTION VALUE`…) here.
extension AppState {
    mutating func runCommandLine(_ line: String) -> [Effect] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        let name = String(trimmed.prefix { $0 != " " })
        let argument = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard let command = Command(named: name), !command.editsPrompt else {
            message = StatusMessage(text: "Not a command: \(name) (try :help)", isError: true)
            return []
        }
        switch command {
        case .theme:
            guard !argument.isEmpty else { return usage(command) }
            return [.setTheme(argument)]
        case .search:
            return searchLibrary(argument)
        case .tag:
            guard !argument.isEmpty else { return usage(command) }
            guard let tag = sidebar.counts.tags.first(where: { $0.name.lowercased() == argument.lowercased() }) else {
                message = StatusMessage(text: "No tag named \(argument)", isError: true)
                return []
            }
            return showList(.tag(tag.name))
        case .feed:
            guard !argument.isEmpty else { return usage(command) }
            guard let feed = feed(named: argument) else {
                message = StatusMessage(text: "No feed named \(argument)", isError: true)
                return []
            }
            return showList(.source(feed.url))
        case .sort:
            guard let order = ListOrder(rawValue: argument) else {
                message = StatusMessage(text: "Usage: :sort " + sortCycle.map(\.rawValue).joined(separator: "|"), isError: true)
                return []
            }
            return setSort(order)
        case .set:
            return setOption(argument)
        case .add:
            var words = argument.split(separator: " ").map(String.init)
            let all = words.count > 1 && words.last == "all"
            if all { words.removeLast() }
            guard words.count == 1 else { return usage(command) }
            message = StatusMessage(text: "Looking for feeds at \(words[0])…", isError: false)
            return [.addFeed(words[0], all: all)]
        case .refresh where argument == "all":
            return perform(.refreshAll, count: nil)
        case .undo:
            return performUndo(undo)
        default:
            // `:move-down 5`: a number argument is the count.
            return perform(command, count: Int(argument))
        }
    }

    private mutating func usage(_ command: Command) -> [Effect] {
        message = StatusMessage(text: "Usage: :\(command.rawValue) \(command.argument ?? "")", isError: true)
        return []
    }

    /// A feed by title (any case), URL, or a unique start of its title.
    func feed(named name: String) -> FeedCount? {
        let feeds = sidebar.counts.feeds
        let lower = name.lowercased()
        if let exact = feeds.first(where: { $0.title.lowercased() == lower || $0.url == name }) { return exact }
        let starting = feeds.filter { $0.title.lowercased().hasPrefix(lower) }
        return starting.count == 1 ? starting[0] : nil
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
