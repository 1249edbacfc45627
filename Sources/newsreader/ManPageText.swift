/// The man page's prose: what the CLI definition cannot say (files, environment, exit status).
/// Kept in step with the README's "Where data lives" and "Themes and configuration" sections.
enum ManPageText {
    static let description = [
        """
        newsreader is a terminal news reader. One screen shows a sidebar (All, Unread, Bookmarks, \
        sections, tags and feeds, with unread counts), the article list and a reading pane that \
        reflows the article to the pane's width. It reads plain-text, Markdown and HTML article \
        files and RSS, Atom, RDF and JSON feeds, local or fetched, and keeps everything in one \
        SQLite library: read state, bookmarks and reading positions are saved the moment they change.
        """,
        """
        Run with no command to open the reader (the first run with an empty library shows a \
        bundled demo library). The commands below import articles, subscribe to feeds, refresh \
        them and query the library from scripts; most have a --json form whose fields are a \
        stable contract.
        """,
        """
        Text from articles and feeds is sanitised before it reaches the terminal: escape \
        sequences, C1 controls and bidi overrides are shown as visible text or dropped.
        """,
    ]

    static let keysIntroduction = """
        The reader's standard keys (vim-style, in every pane). Press F1 in the reader for the \
        keys in effect; any key can be rebound in the [keys] table of the config file, by \
        action name.
        """

    static let files: [(String, String)] = [
        ("$XDG_DATA_HOME/newsreader/library.sqlite",
         "The library (articles, read state, bookmarks, feeds); ~/.local/share/newsreader/library.sqlite "
            + "when XDG_DATA_HOME is unset. --library PATH or NEWSREADER_LIBRARY use another file."),
        ("$XDG_CONFIG_HOME/newsreader/config.toml",
         "The config file (theme, widths, date format, browser, refresh limits, [keys]); "
            + "~/.config/newsreader/config.toml when XDG_CONFIG_HOME is unset. --config PATH uses another. "
            + "newsreader config prints the settings in effect."),
        ("$XDG_CONFIG_HOME/newsreader/themes/NAME.toml",
         "Your themes (~/.config/newsreader/themes/). They add to the built-in themes, and one with "
            + "a built-in's name replaces it. newsreader themes lists them."),
    ]

    static let environment: [(String, String)] = [
        ("NEWSREADER_LIBRARY", "The library file, unless --library is given."),
        ("XDG_DATA_HOME", "Where the library lives by default (newsreader/library.sqlite below it)."),
        ("XDG_CONFIG_HOME", "Where the config file and your themes live (newsreader/ below it)."),
        ("BROWSER", "The command that opens links, unless the config file sets browser; else xdg-open."),
        ("NO_COLOR", "When set and not empty, the reader uses no colours (the mono theme)."),
        ("COLORTERM", "truecolor or 24bit: the terminal shows 24-bit colour, so themes are not mapped down."),
    ]

    static let exitStatus = """
        0 on success; 1 when a command failed or did only part of its work (a file skipped by \
        import, a feed that failed to refresh, nothing subscribed by add, problems found by \
        config --check); 64 for a usage error.
        """

    static let seeAlso = "newsboat(1). The README in the source tree describes the file formats and the JSON output."
}
