import Foundation
import Screen

/// Where a binding applies. `.any` bindings work everywhere unless a more specific one wins.
/// In config files `[keys]` is `.any` and `[keys.list]`, `[keys.pane]`… the others.
public enum KeyContext: String, Sendable, CaseIterable, Hashable {
    case any, sidebar, list, pane, help
    /// The `/` `?` `:` prompt: only its own bindings apply, other keys are typed.
    case prompt

    /// The contexts a config file can name (`[keys.NAME]`).
    public static let configurable: [KeyContext] = [.sidebar, .list, .pane, .help, .prompt]
}

/// One row of the key table: the keys, what they do and the help text shown for them.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [KeyPress]
    public var command: Command
    public var help: String
    public var context: KeyContext

    public init(_ keys: [KeyPress], _ command: Command, help: String? = nil, context: KeyContext = .any) {
        self.keys = keys
        self.command = command
        self.help = help ?? command.summary
        self.context = context
    }

    public var notation: String { KeyNotation.format(keys) }
}

/// The one key table: input dispatch, the help screen and the config's `[keys]` all use it.
/// `bindings` is the table in order (for help); lookups go through one trie per context,
/// rebuilt from it.
public struct Keymap: Sendable, Hashable {
    public private(set) var bindings: [KeyBinding] {
        didSet { tries = Self.tries(bindings) }
    }
    private var tries: [KeyContext: KeyTrie]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        tries = Self.tries(bindings)
    }

    private static func tries(_ bindings: [KeyBinding]) -> [KeyContext: KeyTrie] {
        var tries: [KeyContext: KeyTrie] = [:]
        for b in bindings { tries[b.context, default: KeyTrie()].set(b.keys[...], b.command) }
        return tries
    }

    public enum Lookup: Equatable {
        case command(Command)
        /// The keys so far start a longer binding: wait for more.
        case pending
        case unbound
    }

    /// Resolves a key sequence in a context; bindings for the context win over `.any` (the
    /// prompt has only its own).
    public func lookup(_ keys: [KeyPress], context: KeyContext) -> Lookup {
        let scopes: [KeyContext] = context == .any ? [.any] : context == .prompt ? [.prompt] : [context, .any]
        for scope in scopes {
            switch tries[scope]?.match(keys) ?? .none {
            case .command(let command): return .command(command)
            case .pending: return .pending
            case .none: continue
            }
        }
        return .unbound
    }

    /// All key sequences bound to a command (for status hints and the help screen).
    public func keys(for command: Command) -> [String] {
        bindings.filter { $0.command == command }.map(\.notation)
    }

    /// The config's `[keys]` table (`context` `.any`: everywhere) or `[keys.CONTEXT]` applied over
    /// this map. `action` "none" or "" unbinds the keys. Unknown actions and bad notation are
    /// skipped with a warning naming the entry. A binding everywhere replaces the bindings it
    /// clashes with in every context; one in a context only touches that context.
    public func applying(overrides: [(keys: String, action: String)], in context: KeyContext = .any)
        -> (keymap: Keymap, warnings: [String]) {
        var result = self
        var warnings: [String] = []
        for (notation, action) in overrides {
            guard let keys = KeyNotation.parse(notation) else {
                warnings.append("keys: \"\(notation)\" is not a key (examples: \"j\", \"g g\", \"C-d\", \"<PageDown>\", \"<F1>\")")
                continue
            }
            // Still bound as typed characters, but "F9" or "Up" was almost surely meant as a key.
            for token in notation.split(separator: " ") {
                guard let hint = KeyNotation.namedKeyLookalike(String(token)) else { continue }
                let typed = token.map { String($0) }.joined(separator: ", ")
                warnings.append("keys: \"\(notation)\": \"\(token)\" is taken as the typed keys \(typed); for a named key write \(hint)")
            }
            let trimmed = action.trimmingCharacters(in: .whitespaces)
            let command: Command?
            if trimmed.isEmpty || trimmed == "none" {
                command = nil
            } else if let c = Command(named: trimmed) {
                guard c.argument == nil else {
                    warnings.append("keys: \"\(notation)\" = \"\(action)\": \(trimmed) needs an argument; use it at the : prompt")
                    continue
                }
                command = c
            } else {
                warnings.append("keys: \"\(notation)\" = \"\(action)\": unknown action (known: \(Command.allCases.filter { $0.argument == nil }.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            // A new binding replaces any it would shadow or be shadowed by (same keys or prefixes).
            result.bindings.removeAll { b in
                let n = min(b.keys.count, keys.count)
                return (context == .any || b.context == context) && Array(b.keys.prefix(n)) == Array(keys.prefix(n))
            }
            if let command { result.bindings.append(KeyBinding(keys, command, context: context)) }
        }
        return (result, warnings)
    }

    /// The built-in bindings.
    public static let standard: Keymap = {
        func k(_ notation: String, _ command: Command, _ context: KeyContext = .any, help: String? = nil) -> KeyBinding {
            KeyBinding(KeyNotation.parse(notation) ?? [], command, help: help, context: context)
        }
        return Keymap(bindings: [
            k("j", .moveDown), k("<Down>", .moveDown),
            k("k", .moveUp), k("<Up>", .moveUp),
            k("g g", .first), k("<Home>", .first),
            k("G", .last), k("<End>", .last),
            k("C-d", .halfPageDown), k("C-u", .halfPageUp),
            k("C-f", .pageDown), k("<PageDown>", .pageDown), k("<Space>", .pageDown),
            k("C-b", .pageUp), k("<PageUp>", .pageUp),
            k("h", .focusLeft), k("<Left>", .focusLeft),
            k("l", .focusRight), k("<Right>", .focusRight),
            k("<Tab>", .focusNext), k("<S-Tab>", .focusPrevious),
            k("<Enter>", .open),
            k("<Esc>", .close, .pane, help: "Back to the list"),
            k("<Esc>", .close, .help, help: "Close the help"), k("q", .close, .help, help: "Close the help"),
            k("/", .searchForward), k("?", .searchBackward),
            k("n", .searchNext), k("N", .searchPrevious),
            k("b", .toggleBookmark), k("u", .toggleRead), k("o", .openLink),
            k("r", .refresh), k("R", .refreshAll),
            k("<F1>", .help), k(":", .commandPrompt),
            k("C-l", .redraw), k("C-z", .suspend),
            k("q", .quit), k("C-c", .quit, help: "Quit"),
            k("s", .searchLibrary), k("J", .nextArticle), k("K", .previousArticle),
            k("]", .nextUnread), k("[", .previousUnread),
            k("S", .cycleSort), k("U", .toggleUnreadOnly), k("A", .markAllRead), k("z", .zoom), k("B", .showBookmarks),
            k("f", .listLinks), k("y", .copyLink),
            k("<Enter>", .promptSubmit, .prompt),
            k("<Esc>", .promptCancel, .prompt), k("C-c", .promptCancel, .prompt), k("C-g", .promptCancel, .prompt),
            k("<Up>", .promptHistoryPrevious, .prompt), k("<Down>", .promptHistoryNext, .prompt),
            k("<Tab>", .promptComplete, .prompt), k("<S-Tab>", .promptCompleteBack, .prompt),
            k("<BS>", .promptDeleteChar, .prompt), k("C-w", .promptDeleteWord, .prompt), k("C-u", .promptClear, .prompt),
        ])
    }()
}
