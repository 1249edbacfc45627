import Foundation
import NewsModel
import Screen
import TextLayout

/// Which pane keys go to.
public enum Focus: String, Sendable, Hashable {
    case sidebar, list, pane

    var keyContext: KeyContext {
        switch self {
        case .sidebar: return .sidebar
        case .list: return .list
        case .pane: return .pane
        }
    }
}

/// One sidebar row: a heading (no filter) or something that filters the list.
public struct SidebarItem: Sendable, Hashable {
    public var label: String
    public var depth: Int
    public var filter: ArticleFilter?
    public var countText: String
    /// A feed whose last refresh failed (drawn with the `sidebar.error` style).
    public var failing = false

    public init(label: String, depth: Int, filter: ArticleFilter?, countText: String, failing: Bool = false) {
        self.label = label
        self.depth = depth
        self.filter = filter
        self.countText = countText
        self.failing = failing
    }

    public var isHeading: Bool { filter == nil }
}

public struct SidebarState: Sendable {
    public var items: [SidebarItem] = SidebarState.items(for: SidebarCounts())
    public var cursor = 0
    public var offset = 0
    public var error: String?
    public var loaded = false
    /// The last library search: its virtual sidebar entry ("Search: WORDS") and hit count.
    public var search: (words: String, count: Int?)?
    /// The counts last loaded (the sidebar is rebuilt from them when the search changes).
    public var counts = SidebarCounts()
}

/// The article list: a window of rows around the cursor, paged by keyset from the store.
public struct ListState: Sendable {
    public var query = ListQuery()
    public var filter: ArticleFilter {
        get { query.filter }
        set { query.filter = newValue }
    }
    /// A library search list holds all its hits here, best first; it never pages.
    public var searchHits: [ArticleSummary]?
    /// Open the article at this index once its row is loaded (J/K, ] and [ while reading).
    public var openWhenLoaded: Int?
    /// Bumped whenever the filter changes: results for an older generation are dropped.
    public var generation = 0
    public var total = 0
    public var countLoaded = false
    /// Loaded rows; `rows[0]` is the article at absolute index `windowStart`.
    public var rows: [ArticleSummary] = []
    public var windowStart = 0
    public var cursor = 0
    public var offset = 0
    public var inFlight: PageRequest?

    public var windowEnd: Int { windowStart + rows.count }

    public func row(at index: Int) -> ArticleSummary? {
        let i = index - windowStart
        return i >= 0 && i < rows.count ? rows[i] : nil
    }

    public var selected: ArticleSummary? { row(at: cursor) }
}

/// What kind of page a request fetches and how the result joins the window.
public enum PageKind: Sendable, Hashable {
    /// From the top: replaces the window.
    case first
    /// From the bottom (G): replaces the window, ending at the last article.
    case last
    case after
    case before
}

public struct PageRequest: Sendable, Hashable {
    public var generation: Int
    public var query: ListQuery
    public var filter: ArticleFilter { query.filter }
    public var kind: PageKind
    public var anchor: PageCursor?
    public var limit: Int
}

/// Search state in the reading pane. Match lines are body-layout lines (add the header
/// height for display lines).
public struct PaneSearch: Sendable {
    public var query = ""
    /// Library search words: every one is highlighted (case-insensitive) instead of `query`.
    public var words: [String]?
    public var backward = false
    public var result: SearchResult?
    public var current: Int?

    public var matches: [SearchMatch] { result?.matches ?? [] }
}

public struct PaneState: Sendable {
    public var article: Article?
    public var loadingID: String?
    /// The article laid out for the current pane width.
    public var content: PaneContent?
    /// First visible display line.
    public var top = 0
    public var search = PaneSearch()

    public var lineCount: Int { content?.lineCount ?? 0 }
    public var headerHeight: Int { content?.header.count ?? 0 }
    public var layoutWidth: Int { content?.textWidth ?? 0 }

    /// The display line a match starts on.
    public func displayLine(ofMatch index: Int) -> Int? {
        let matches = search.matches
        guard matches.indices.contains(index) else { return nil }
        return headerHeight + matches[index].line
    }
}

public enum PromptKind: Sendable, Hashable {
    case searchForward, searchBackward, command

    var leader: String {
        switch self {
        case .searchForward: return "/"
        case .searchBackward: return "?"
        case .command: return ":"
        }
    }
}

public struct PromptState: Sendable {
    public var kind: PromptKind
    public var text = ""
    /// ↑/↓ in the command history: the entry shown and the text typed before moving.
    public var historyIndex: Int?
    public var draft = ""
    /// Tab completion in progress: the candidates and the one shown.
    public var completion: Completion?
    /// Where the pane was and what was searched when the prompt opened (restored by Esc).
    public var savedTop: Int
    public var savedSearch: PaneSearch
}

/// A question the status line asks; `y` runs the effects, any other key cancels.
public struct Confirmation: Sendable, Hashable {
    public var question: String
    public var effects: [Effect]
}

/// Articles mark-all-read changed, so `u` / `:undo` can mark them unread again.
public struct UndoRecord: Sendable, Hashable {
    public var ids: [String]
}

public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool
}

/// Everything the reader shows. Changed only by `update`; drawn only by `view`.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var focus: Focus = .list
    public var sidebar = SidebarState()
    public var list = ListState()
    public var pane = PaneState()
    public var prompt: PromptState?
    public var helpTop: Int?
    public var message: StatusMessage?
    public var keymap: Keymap
    public var pendingKeys: [KeyPress] = []
    public var count: Int?
    public var maxTextWidth: Int
    public var timeZone: TimeZone
    /// For the date column: dates in this year show as "Nov 27", others as the year.
    public var currentYear: Int
    public var quitRequested = false
    /// Configured sidebar width on wide terminals (nil: automatic).
    public var sidebarWidth: Int?
    /// strftime-style list date pattern (config `date-format`); nil: compact "Nov 27" / "  2025".
    public var dateFormat: String?
    /// A feed refresh in progress: feeds done and total.
    public var refreshing: (done: Int, total: Int)?
    /// `o` on a list row loads the article first; its link opens when it arrives.
    public var pendingLinkFor: String?
    /// The order chosen with S for ordinary lists (search lists start best match first).
    public var preferredOrder: ListOrder = .date
    /// A y/n question on the status line (A) and what `y` runs.
    public var confirmation: Confirmation?
    /// What `u` right after mark-all-read (or `:undo`) reverts.
    public var undo: UndoRecord?
    /// f: the article's links listed over the pane, and the number typed so far.
    public var linkPicker: LinkPicker?
    /// z: the focused pane has the whole screen.
    public var zoomed = false
    /// Command-line history, oldest first (the runtime loads the history file into it).
    public var history: [String] = []
    /// Theme names, for `:theme` completion.
    public var themeNames: [String] = []
    /// Most hits a library search list holds.
    public static let searchLimit = 1000

    public init(width: Int, height: Int, keymap: Keymap = .standard, maxTextWidth: Int = 80,
                timeZone: TimeZone = .current, now: Date) {
        self.width = width
        self.height = height
        self.keymap = keymap
        self.maxTextWidth = maxTextWidth
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.currentYear = calendar.component(.year, from: now)
    }

    public var geometry: Geometry {
        Geometry(width: width, height: height, focus: focus, articleOpen: pane.article != nil || pane.loadingID != nil,
                 sidebarWidth: sidebarWidth, zoomed: zoomed)
    }
}
