import Foundation
import NewsModel

/// The `:` command line: running a line, its history (↑/↓) and Tab completion.
extension AppState {
    /// Most lines the history keeps.
    public static let historyLimit = 500

    /// Enter on the command line: remembered in the history, then run.
    mutating func enterCommandLine(_ line: String) -> [Effect] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        var effects: [Effect] = []
        if history.last != trimmed {
            history.removeAll { $0 == trimmed }
            history.append(trimmed)
            if history.count > AppState.historyLimit { history.removeFirst(history.count - AppState.historyLimit) }
            effects.append(.saveHistory(trimmed))
        }
        return effects + runCommandLine(trimmed)
    }

    /// ↑ (older) / ↓ (newer): history lines that start with what was typed before moving.
    mutating func stepHistory(_ p: inout PromptState, older: Bool) {
        if p.historyIndex == nil { p.draft = p.text }
        let matching = history.indices.filter { history[$0].hasPrefix(p.draft) }
        let current = p.historyIndex ?? history.count
        if older {
            guard let i = matching.last(where: { $0 < current }) else { return }
            p.historyIndex = i
            p.text = history[i]
        } else if let i = matching.first(where: { $0 > current }) {
            p.historyIndex = i
            p.text = history[i]
        } else {
            p.historyIndex = nil
            p.text = p.draft
        }
    }

    /// Tab: completes the word being typed; when several fit, the first Tab completes their
    /// common start and the next ones cycle through them (Shift-Tab backwards).
    mutating func complete(_ p: inout PromptState, backward: Bool) {
        if var c = p.completion, !c.candidates.isEmpty {
            c.index = c.index.map { ($0 + (backward ? c.candidates.count - 1 : 1)) % c.candidates.count } ?? (backward ? c.candidates.count - 1 : 0)
            p.text = c.base + c.candidates[c.index!]
            p.completion = c
            return
        }
        let (base, word, candidates) = completionCandidates(p.text)
        guard !candidates.isEmpty else {
            message = StatusMessage(text: "No completion", isError: false)
            return
        }
        if candidates.count == 1 {
            p.text = base + candidates[0] + (base.isEmpty ? " " : "")
            p.completion = nil
            return
        }
        let common = Completion.commonPrefix(candidates)
        var c = Completion(base: base, candidates: candidates, index: nil)
        if common.count > word.count {
            p.text = base + common
        } else {
            c.index = backward ? candidates.count - 1 : 0
            p.text = base + candidates[c.index!]
        }
        p.completion = c
    }

    /// What is being completed: the text before the word, the word, and what may replace it.
    func completionCandidates(_ text: String) -> (base: String, word: String, candidates: [String]) {
        guard let space = text.firstIndex(of: " ") else {
            let names = Command.allCases.filter { !$0.editsPrompt }.map(\.rawValue)
            return ("", text, Completion.matching(text, in: names.sorted()))
        }
        let name = String(text[..<space])
        let rest = text[text.index(after: space)...]
        let argument = String(rest.drop { $0 == " " })
        let base = String(text.prefix(text.count - argument.count))
        let options: [String]
        switch name {
        case "theme": options = themeNames
        case "tag": options = sidebar.counts.tags.map(\.name)
        case "feed": options = sidebar.counts.feeds.map(\.title)
        case "sort": options = sortCycle.map(\.rawValue)
        case "refresh": options = ["all"]
        case "set":
            // `:set NAME VALUE`: names first, then the values that option takes.
            if let sp = argument.firstIndex(of: " ") {
                let option = String(argument[..<sp])
                let value = String(argument[argument.index(after: sp)...])
                let values = ReaderOption(rawValue: option)?.values(self) ?? []
                return (base + option + " ", value, Completion.matching(value, in: values))
            }
            options = ReaderOption.allCases.map(\.rawValue)
        default: options = []
        }
        return (base, argument, Completion.matching(argument, in: options))
    }

    /// `:tag NAME`, `:feed NAME`, `:bookmarks`: shows that list, selected in the sidebar.
    mutating func showList(_ filter: ArticleFilter) -> [Effect] {
        if let i = sidebar.items.firstIndex(where: { $0.filter == filter }) { sidebar.cursor = i }
        clampSidebarScroll()
        var effects = setFocus(.list)
        if filter != list.filter { effects += setFilter(filter) }
        return effects
    }
}
