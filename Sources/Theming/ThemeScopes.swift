import Screen

/// Every style scope the UI draws with. The one list: themes are checked against it (each
/// shipped theme must resolve all of them, a test enumerates them) and unknown scopes in a
/// theme file get a warning (usually a typo).
public enum ThemeScopes {
    public static let all: [String] = [
        "sidebar", "sidebar.heading", "sidebar.count", "sidebar.selected", "sidebar.selected.focused",
        "sidebar.error",
        "list", "list.unread", "list.read", "list.bookmarked", "list.selected", "list.selected.focused",
        "list.date", "list.source", "list.flag",
        "pane", "pane.title", "pane.meta", "pane.body", "pane.heading", "pane.quote", "pane.code",
        "pane.link", "pane.linkref", "pane.emphasis", "pane.strong", "pane.image", "pane.rule",
        "search.match", "search.current",
        "status", "status.message", "status.error",
        "prompt",
        "help", "help.key", "help.heading",
        "border", "border.focused",
        "error",
    ]

    /// The scopes shown as swatches by `newsreader themes`.
    public static let preview: [String] = [
        "sidebar.heading", "list.unread", "list.read", "list.selected.focused", "pane.title",
        "pane.body", "pane.link", "pane.quote", "pane.code", "search.current", "status",
    ]

    /// Known scopes plus their ancestors ("search" for "search.match"): what a theme may style.
    public static let known: Set<String> = {
        var set = Set<String>()
        for scope in all {
            for s in ScopeFallback(scope) { set.insert(String(s)) }
        }
        return set
    }()

    /// States the user must always be able to tell apart. When a terminal has too few
    /// colours to keep `scope` different from the `from` scopes, `Theme.mapped(to:)` adds
    /// `marks` (in order, until it differs).
    public static let distinct: [(scope: String, from: [String], marks: [TextAttributes])] = [
        ("list.selected", ["list"], [.underline, .reverse]),
        ("list.selected.focused", ["list", "list.selected"], [.reverse, .bold]),
        ("sidebar.selected", ["sidebar"], [.underline, .reverse]),
        ("sidebar.selected.focused", ["sidebar", "sidebar.selected"], [.reverse, .bold]),
        ("list.unread", ["list.read"], [.bold]),
        ("search.match", ["pane.body"], [.underline, .reverse]),
        ("search.current", ["pane.body", "search.match"], [.reverse, .bold]),
    ]
}
