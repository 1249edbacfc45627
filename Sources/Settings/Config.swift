/// The user's settings (`config.toml`), with defaults for everything left out.
public struct Config: Sendable, Hashable {
    /// Theme name; nil = `default` (NO_COLOR still forces `mono`).
    public var theme: String?
    /// Widest the reading pane's text is wrapped to, in columns.
    public var maxTextWidth: Int = 80
    /// Width of the tag sidebar, in columns.
    public var sidebarWidth: Int = 24
    /// strftime-style pattern for article dates in the list (see `DateFormat`), or "auto":
    /// "Nov 27" within this year, the year otherwise (6 columns, what a list row can spare).
    public var dateFormat: String = Config.autoDateFormat
    public static let autoDateFormat = "auto"
    /// Command that opens links; nil = `$BROWSER`, else `xdg-open`.
    public var browser: String?
    /// Feeds fetched at once by a refresh.
    public var refreshConcurrency: Int = 8
    /// Seconds before one feed's fetch is given up.
    public var refreshTimeout: Double = 60
    /// Articles a refresh keeps per feed, newest first; 0 = unlimited. Bookmarked articles and
    /// what the feed currently serves are always kept (and bookmarks do not count).
    public var maxArticlesPerFeed: Int = 1000
    /// A refresh drops a feed's articles older than this many days; 0 = off. Same exceptions.
    public var maxArticleAgeDays: Int = 0
    /// Start with the list showing unread articles only.
    public var unreadOnly: Bool = false
    /// `y` copies a link to the terminal's clipboard with OSC 52 (off: terminals that allow
    /// it let any program write the clipboard, so the user opts in).
    public var osc52: Bool = false
    /// Clicks and the wheel (the terminal's own selection then needs Shift).
    public var mouse: Bool = true
    /// OSC 8 hyperlinks on links in the pane: "auto" (where the terminal is likely to support
    /// them), "true" or "false".
    public var hyperlinks: String = "auto"
    public static let hyperlinkModes = ["auto", "true", "false"]
    /// The `[keys]` table in file order, for `Keymap.applying(overrides:)`, which checks them.
    public var keyOverrides: [KeyOverride] = []

    public init() {}

    public static let defaults = Config()

    /// Valid ranges, shared by the parser and the docs.
    public static let maxTextWidthRange = 20...1000
    public static let sidebarWidthRange = 8...80
    public static let refreshConcurrencyRange = 1...64
    public static let refreshTimeoutRange = 1.0...600.0
    public static let maxArticlesPerFeedRange = 0...10_000_000
    public static let maxArticleAgeDaysRange = 0...365_000

    /// `[(keys:, action:)]` in the shape `Keymap.applying(overrides:)` takes.
    public var keyOverridePairs: [(keys: String, action: String)] {
        keyOverrides.map { ($0.keys, $0.action) }
    }
}

/// One `[keys]` entry: `"g g" = "first"`; action "none" unbinds.
public struct KeyOverride: Sendable, Hashable {
    public var keys: String
    public var action: String
    /// Line in config.toml, for warnings about it.
    public var line: Int
    /// The `[keys.CONTEXT]` table it came from (`list`, `pane`…); nil for `[keys]` (everywhere).
    public var context: String?
    public init(keys: String, action: String, line: Int, context: String? = nil) {
        self.keys = keys
        self.action = action
        self.line = line
        self.context = context
    }
}
