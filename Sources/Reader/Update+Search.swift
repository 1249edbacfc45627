import Foundation
import Screen

/// `/` and `?` search in the pane (incremental, smartcase, n/N with wrap-around) and the
/// prompt line shared with `:` commands.
extension AppState {
    mutating func openSearchPrompt(backward: Bool) -> [Effect] {
        guard pane.article != nil else {
            message = StatusMessage(text: "Open an article (Enter) to search in it", isError: true)
            return []
        }
        if focus != .pane { focus = .pane; scrollPane(to: pane.top) }
        prompt = PromptState(kind: backward ? .searchBackward : .searchForward, savedTop: pane.top, savedSearch: pane.search)
        return []
    }

    /// A key while the prompt is open: its bindings (the prompt context) edit it, other
    /// characters are typed.
    mutating func handlePromptKey(_ key: KeyPress) -> [Effect] {
        guard var p = prompt else { return [] }
        if case .command(let command) = keymap.lookup([key], context: .prompt) { return editPrompt(command) }
        guard case .char(let c) = key, p.text.count < 500 else { return [] }
        p.text.append(c)
        p.historyIndex = nil
        p.completion = nil
        prompt = p
        if p.kind != .command { incrementalSearch(p) }
        return []
    }

    mutating func editPrompt(_ command: Command) -> [Effect] {
        guard var p = prompt else { return [] }
        switch command {
        case .promptCancel:
            pane.top = p.savedTop
            pane.search = p.savedSearch
            prompt = nil
            return []
        case .promptSubmit:
            prompt = nil
            return p.kind == .command ? enterCommandLine(p.text) : confirmSearch(p)
        case .promptHistoryPrevious, .promptHistoryNext:
            guard p.kind == .command else { return [] }
            stepHistory(&p, older: command == .promptHistoryPrevious)
            p.completion = nil
            prompt = p
            return []
        case .promptComplete, .promptCompleteBack:
            guard p.kind == .command else { return [] }
            complete(&p, backward: command == .promptCompleteBack)
            p.historyIndex = nil
            prompt = p
            return []
        case .promptDeleteChar:
            if p.text.isEmpty { return editPrompt(.promptCancel) }
            p.text.removeLast()
        case .promptClear:
            p.text = ""
        case .promptDeleteWord:
            while p.text.last == " " { p.text.removeLast() }
            while let last = p.text.last, last != " " { _ = last; p.text.removeLast() }
        default:
            return []
        }
        p.historyIndex = nil
        p.completion = nil
        prompt = p
        if p.kind != .command { incrementalSearch(p) }
        return []
    }

    /// Highlights while typing: the first match from where the pane was when `/` was pressed.
    private mutating func incrementalSearch(_ p: PromptState) {
        pane.top = p.savedTop
        guard !p.text.isEmpty else {
            pane.search = p.savedSearch
            return
        }
        pane.search = PaneSearch(query: p.text, backward: p.kind == .searchBackward)
        refreshMatches()
        pane.search.current = firstMatch(from: p.savedTop, backward: p.kind == .searchBackward).map(\.index)
        revealCurrentMatch()
    }

    private mutating func confirmSearch(_ p: PromptState) -> [Effect] {
        let backward = p.kind == .searchBackward
        let query = p.text.isEmpty ? p.savedSearch.query : p.text
        guard !query.isEmpty else {
            pane.search = p.savedSearch
            return []
        }
        pane.search = PaneSearch(query: query, backward: backward)
        pane.top = p.savedTop
        refreshMatches()
        guard let first = firstMatch(from: p.savedTop, backward: backward) else {
            message = StatusMessage(text: "Pattern not found: \(query)", isError: true)
            return []
        }
        pane.search.current = first.index
        if first.wrapped { message = wrapMessage(backward: backward) }
        revealCurrentMatch()
        return []
    }

    /// n (reverse: N): the next match in the search's direction, wrapping at the ends.
    mutating func searchStep(reverse: Bool, times: Int) -> [Effect] {
        guard !pane.search.query.isEmpty else {
            message = StatusMessage(text: "No previous search (/ to search)", isError: true)
            return []
        }
        guard pane.article != nil else { return [] }
        if focus != .pane { focus = .pane; scrollPane(to: pane.top) }
        let matches = pane.search.matches
        guard !matches.isEmpty else {
            message = StatusMessage(text: "Pattern not found: \(pane.search.query)", isError: true)
            return []
        }
        let backward = pane.search.backward != reverse
        var wrapped = false
        var index: Int
        if let current = pane.search.current {
            index = current
            for _ in 0..<times {
                index += backward ? -1 : 1
                if index < 0 { index = matches.count - 1; wrapped = true }
                if index >= matches.count { index = 0; wrapped = true }
            }
        } else {
            guard let first = firstMatch(from: pane.top, backward: backward) else { return [] }
            index = first.index
            wrapped = first.wrapped
        }
        pane.search.current = index
        message = wrapped ? wrapMessage(backward: backward) : nil
        revealCurrentMatch()
        return []
    }

    private func wrapMessage(backward: Bool) -> StatusMessage {
        StatusMessage(text: backward ? "search hit TOP, continuing at BOTTOM" : "search hit BOTTOM, continuing at TOP", isError: false)
    }

    /// The first match at or below display line `line` (backward: above it), wrapping around.
    private func firstMatch(from line: Int, backward: Bool) -> (index: Int, wrapped: Bool)? {
        guard let result = pane.search.result else { return nil }
        let bodyLine = max(0, line - pane.headerHeight)
        return result.step(from: nil, line: bodyLine, direction: backward ? .backward : .forward)
            .map { ($0.index, $0.wrapped) }
    }

    /// Scrolls so the current match is visible, a third of the way down when it was off screen.
    private mutating func revealCurrentMatch() {
        guard let current = pane.search.current, pane.search.matches.indices.contains(current) else { return }
        let match = pane.search.matches[current]
        let h = visiblePaneHeight
        let first = pane.headerHeight + match.line
        let last = pane.headerHeight + match.lastLine
        if first < pane.top || last >= pane.top + h {
            scrollPane(to: first - h / 3)
        }
    }

    /// Searches the current layout again (after typing, opening, or a re-wrap), keeping the
    /// same current match number: the text searched is the same at every width.
    mutating func refreshMatches() {
        let query = pane.search.query
        guard !query.isEmpty, let content = pane.content else {
            pane.search.result = nil
            pane.search.current = nil
            return
        }
        let result = pane.search.words.map { content.index.search(anyOf: $0, limit: PaneContent.matchLimit) }
            ?? content.index.search(query, limit: PaneContent.matchLimit)
        pane.search.result = result
        if let current = pane.search.current {
            pane.search.current = result.isEmpty ? nil : min(current, result.count - 1)
        }
    }
}
