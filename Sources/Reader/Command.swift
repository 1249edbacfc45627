/// The one command namespace: what keys are bound to and what the `:` prompt runs. The raw
/// value is the name used in config files (`[keys] "C-d" = "half-page-down"`), at the prompt
/// (`:half-page-down`) and on the help screen.
public enum Command: String, Sendable, CaseIterable, Hashable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case first = "first"
    case last = "last"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case focusLeft = "focus-left"
    case focusRight = "focus-right"
    case focusNext = "focus-next"
    case focusPrevious = "focus-previous"
    case open = "open"
    case close = "close"
    case searchForward = "search-forward"
    case searchBackward = "search-backward"
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case toggleBookmark = "toggle-bookmark"
    case toggleRead = "toggle-read"
    case openLink = "open-link"
    case refresh = "refresh"
    case refreshAll = "refresh-all"
    case help = "help"
    case commandPrompt = "command-prompt"
    case redraw = "redraw"
    case suspend = "suspend"
    case quit = "quit"
    /// Editing the `/` `?` `:` prompt (bound in the prompt context).
    case promptSubmit = "prompt-submit"
    case promptCancel = "prompt-cancel"
    case promptDeleteChar = "prompt-delete-char"
    case promptDeleteWord = "prompt-delete-word"
    case promptClear = "prompt-clear"
    /// ↑/↓ in the `:` history and Tab / Shift-Tab completion (prompt context).
    case promptHistoryPrevious = "prompt-history-previous"
    case promptHistoryNext = "prompt-history-next"
    case promptComplete = "prompt-complete"
    case promptCompleteBack = "prompt-complete-back"
    case searchLibrary = "search-library"
    case nextArticle = "next-article"
    case previousArticle = "previous-article"
    case nextUnread = "next-unread"
    case previousUnread = "previous-unread"
    case cycleSort = "cycle-sort"
    case toggleUnreadOnly = "toggle-unread-only"
    case markAllRead = "mark-all-read"
    case zoom = "zoom"
    case showBookmarks = "bookmarks"
    case listLinks = "links"
    case copyLink = "copy-link"
    /// Commands that take an argument, so no key can be bound to them.
    case theme = "theme"
    case search = "search"
    case tag = "tag"
    case feed = "feed"
    case sort = "sort"
    case set = "set"
    case add = "add"
    /// `:undo` (u right after mark-all-read does the same).
    case undo = "undo"

    /// Finds a command by name or by its short prompt alias (`q`, `h`).
    public init?(named name: String) {
        if let command = Command(rawValue: name) { self = command; return }
        guard let command = Command.allCases.first(where: { $0.aliases.contains(name) }) else { return nil }
        self = command
    }

    /// Short names for the `:` prompt.
    public var aliases: [String] {
        switch self {
        case .quit: return ["q"]
        case .help: return ["h"]
        default: return []
        }
    }

    /// What the command's argument is called, for those that need one.
    public var argument: String? {
        switch self {
        case .theme, .tag, .feed: return "NAME"
        case .search: return "WORDS"
        case .sort: return "date|title|source"
        case .set: return "OPTION VALUE"
        case .add: return "URL [all]"
        default: return nil
        }
    }

    /// Commands that only mean something while the prompt is open.
    public var editsPrompt: Bool {
        switch self {
        case .promptSubmit, .promptCancel, .promptDeleteChar, .promptDeleteWord, .promptClear,
             .promptHistoryPrevious, .promptHistoryNext, .promptComplete, .promptCompleteBack: return true
        default: return false
        }
    }

    /// The commands the help screen lists under "Commands (:)", with their usage.
    public static let promptUsage: [(command: Command, usage: String)] = [
        (.quit, ":q"), (.search, ":search WORDS"), (.tag, ":tag NAME"), (.feed, ":feed NAME"),
        (.showBookmarks, ":bookmarks"), (.theme, ":theme NAME"), (.refresh, ":refresh [all]"),
        (.sort, ":sort date|title|source"), (.set, ":set OPTION VALUE"), (.add, ":add URL [all]"), (.undo, ":undo"), (.help, ":help"),
    ]

    /// Default help text.
    public var summary: String {
        switch self {
        case .moveDown: return "Move down (count: that many)"
        case .moveUp: return "Move up (count: that many)"
        case .first: return "Go to the first line or article"
        case .last: return "Go to the last line or article"
        case .halfPageDown: return "Half a page down"
        case .halfPageUp: return "Half a page up"
        case .pageDown: return "One page down"
        case .pageUp: return "One page up"
        case .focusLeft: return "Focus the pane on the left"
        case .focusRight: return "Focus the pane on the right"
        case .focusNext: return "Focus the next pane"
        case .focusPrevious: return "Focus the previous pane"
        case .open: return "Open the selected article (marks it read)"
        case .close: return "Close the article / back to the list"
        case .searchForward: return "Search forward in the article"
        case .searchBackward: return "Search backward in the article"
        case .searchNext: return "Next match"
        case .searchPrevious: return "Previous match"
        case .toggleBookmark: return "Toggle the bookmark"
        case .toggleRead: return "Toggle read / unread"
        case .openLink: return "Open the article's link in $BROWSER"
        case .refresh: return "Refresh the feeds of this tag or feed (all feeds elsewhere)"
        case .refreshAll: return "Refresh all feeds"
        case .help: return "Show this help"
        case .commandPrompt: return "Command line (:help lists the commands; ↑/↓ history, Tab completes)"
        case .redraw: return "Redraw the screen"
        case .suspend: return "Suspend (fg to come back)"
        case .quit: return "Quit"
        case .theme: return "Switch to another theme"
        case .promptHistoryPrevious: return "Older command-line entry (starting with what is typed)"
        case .promptHistoryNext: return "Newer command-line entry"
        case .promptComplete: return "Complete the command, theme, tag, feed or option (again: next)"
        case .promptCompleteBack: return "Previous completion"
        case .searchLibrary: return "Search the whole library (:search WORDS)"
        case .nextArticle: return "Open the next article"
        case .previousArticle: return "Open the previous article"
        case .nextUnread: return "Next unread article (on into the next feed, tag or section)"
        case .previousUnread: return "Previous unread article"
        case .cycleSort: return "Sort the list by date, title or source"
        case .toggleUnreadOnly: return "Show unread articles only / all"
        case .markAllRead: return "Mark every article in the list read (asks; u undoes)"
        case .zoom: return "Zoom the focused pane / back"
        case .showBookmarks: return "Show the bookmarks list"
        case .listLinks: return "List the article's links and enclosures (a number + Enter opens, + y copies)"
        case .copyLink: return "Copy the article's link (OSC 52; osc52 = true in config.toml)"
        case .search: return "Search the whole library (s); n/N in an article jump between the words"
        case .tag: return "Show the articles with this tag"
        case .feed: return "Show one feed's articles (its title, a unique start of it, or URL)"
        case .sort: return "Sort the list (S cycles)"
        case .set: return "Change a setting for this session (:set alone lists them)"
        case .undo: return "Undo mark-all-read (also u right after it)"
        case .add: return "Subscribe to a feed, or find a web page's feeds (all: every one found)"
        case .promptSubmit: return "Run the command / confirm the search"
        case .promptCancel: return "Cancel (the pane goes back to where it was)"
        case .promptDeleteChar: return "Delete a character (on an empty prompt: cancel)"
        case .promptDeleteWord: return "Delete the word before the cursor"
        case .promptClear: return "Clear the prompt"
        }
    }
}
