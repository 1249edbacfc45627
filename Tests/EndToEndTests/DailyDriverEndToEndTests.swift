import Foundation
import Testing

/// Library search, the command line (history across runs, Tab completion) and list power on
/// the real binary in tmux, on the bundled demo library (which has Japanese articles).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, TmuxSession.skipReason))
struct DailyDriverEndToEndTests {
    static func start(width: Int = 120, height: Int = 40) throws -> TmuxSession {
        let session = TmuxSession()
        try session.startReader(width: width, height: height)
        #expect(session.waitFor("Welcome to newsreader"), "\(session.text())")
        return session
    }

    @Test func japaneseLibrarySearchFromTheReader() throws {
        let session = try Self.start()
        try session.type(":search 本屋")
        try session.send("Enter")
        // The virtual sidebar entry with its count, and the list of hits.
        #expect(session.wait { $0.contains { $0.hasPrefix(" Search: 本屋") && $0.contains(" 2 │") } }, "\(session.text())")
        #expect(session.waitFor("Search: 本屋 · 1/2"), "\(session.text())")
        #expect(session.waitFor("商店街の小さな本屋"), "\(session.text())")
        // Open the bookshop story: every 本屋 is highlighted and n steps through them.
        if !session.screen()[0].contains("商店街") { try session.send("j") }
        try session.send("Enter")
        #expect(session.waitFor(" matches"), "\(session.text())")
        try session.send("n")
        #expect(session.waitFor("match 1/"), "\(session.text())")
        try session.send("n")
        #expect(session.waitFor("match 2/"), "\(session.text())")
        // The highlight is drawn: capture with escapes shows a styled 本屋.
        let styled = try session.tmux(["capture-pane", "-p", "-e", "-t", session.name])
        #expect(styled.contains("本屋\u{1b}["), "a style change right after the match")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"))
    }

    @Test func commandLineHistorySurvivesARestartAndTabCompletes() throws {
        let session = try Self.start()
        // Tab completes a command name, then a theme name; a second Tab lists the candidates.
        try session.type(":the")
        try session.send("Tab")
        #expect(session.wait { $0.last { !$0.isEmpty }?.trimmingCharacters(in: .whitespaces) == ":theme" }, "\(session.text())")
        try session.send("Tab")
        #expect(session.wait { $0.contains { $0.contains("dark") && $0.contains("light") && $0.contains("mono") } }, "\(session.text())")
        try session.send("C-u")
        try session.type("sort ti")
        try session.send("Tab")
        #expect(session.wait { $0.last { !$0.isEmpty } == ":sort title" }, "\(session.text())")
        try session.send("Enter")
        #expect(session.waitFor("All · by title"), "\(session.text())")
        try session.type(":q")
        try session.send("Enter")
        #expect(session.waitFor("EXIT=0"), "\(session.text())")
        let history = try String(contentsOfFile: session.directory.appendingPathComponent("history").path, encoding: .utf8)
        #expect(history == "sort title\nq\n", "\(history)")

        try session.restartReader()
        #expect(session.waitFor("Welcome to newsreader"), "\(session.text())")
        try session.send(":")
        try session.send("Up")
        #expect(session.wait { $0.last { !$0.isEmpty } == ":q" }, "\(session.text())")
        try session.send("Up")
        #expect(session.wait { $0.last { !$0.isEmpty } == ":sort title" }, "\(session.text())")
        try session.send("Enter")
        #expect(session.waitFor("All · by title"), "\(session.text())")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"))
    }

    @Test func markAllReadAsksAndUndoes() throws {
        let session = try Self.start()
        try session.send("A")
        #expect(session.waitFor("Mark every article in All read? (y/n)"), "\(session.text())")
        try session.send("y")
        #expect(session.waitFor("read (u: undo)"), "\(session.text())")
        #expect(session.wait { $0.contains { $0.hasPrefix(" Unread") && $0.contains(" 0 │") } }, "\(session.text())")
        try session.send("u")
        #expect(session.waitFor("unread again"), "\(session.text())")
        #expect(session.wait { !$0.contains { $0.hasPrefix(" Unread") && $0.contains(" 0 │") } }, "\(session.text())")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"))
    }

    @Test func linksAreListedOpenedAndCopiedWithOSC52() throws {
        let session = TmuxSession()
        let articles = session.directory.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try """
            ---
            title: Links test article
            date: 2030-01-05
            ---

            See [the report](https://example.com/report) and [the data](https://example.org/data.csv).
            """.write(to: articles.appendingPathComponent("links.md"), atomically: true, encoding: .utf8)
        _ = try session.cli(["import", articles.path])
        let config = session.directory.appendingPathComponent("config/newsreader")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "osc52 = true\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try session.startReader(width: 120, height: 30)
        // tmux takes OSC 52 from the program into a paste buffer when set-clipboard is on.
        try session.tmux(["set-option", "-s", "set-clipboard", "on"])
        #expect(session.waitFor("Links test article"), "\(session.text())")
        try session.send("Enter")
        #expect(session.waitFor("the report[1]"), "\(session.text())")
        // OSC 8 is on (hyperlinks = auto): the terminal shows the text, never the sequence.
        #expect(!session.text().contains("8;;") && !session.text().contains("^["), "\(session.text())")
        try session.send("f")
        #expect(session.waitFor("[1] https://example.com/report"), "\(session.text())")
        #expect(session.waitFor("[2] https://example.org/data.csv"), "\(session.text())")
        // A number opens it with $BROWSER (true, here).
        try session.type("2")
        try session.send("Enter")
        #expect(session.waitFor("Opened https://example.org/data.csv in true"), "\(session.text())")
        try session.send("f")
        try session.type("1y")
        #expect(session.waitFor("Copied https://example.com/report"), "\(session.text())")
        #expect(session.wait { _ in ((try? session.tmux(["show-buffer"])) ?? "") == "https://example.com/report" },
                "\((try? session.tmux(["show-buffer"])) ?? "no buffer")")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"))
    }

    /// An xterm (X10) mouse report, as a terminal sends it with mouse mode on: ESC [ M, then
    /// 32 + button, 33 + column, 33 + row.
    static func mouse(_ button: Int, x: Int, y: Int) -> [String] {
        ["1b", "5b", "4d"] + [32 + button, 33 + x, 33 + y].map { String(format: "%02x", $0) }
    }

    @Test func mouseClicksSelectDoubleClickOpensWheelScrolls() throws {
        let session = try Self.start()
        func send(_ bytes: [String]) throws { try session.tmux(["send-keys", "-t", session.name, "-H"] + bytes) }
        let screen = session.screen()
        // The list starts after the sidebar's separator; click its third row.
        let separator = try #require(screen[0].firstIndex(of: "│")).utf16Offset(in: screen[0])
        let listX = separator + 3
        try send(Self.mouse(0, x: listX, y: 2) + Self.mouse(3, x: listX, y: 2))
        #expect(session.waitFor("All · 3/16"), "\(session.text())")
        // A click on the status line and on a border changes nothing.
        try send(Self.mouse(0, x: 5, y: 39) + Self.mouse(3, x: 5, y: 39))
        try send(Self.mouse(0, x: separator, y: 5) + Self.mouse(3, x: separator, y: 5))
        try send(Self.mouse(0, x: listX, y: 0) + Self.mouse(3, x: listX, y: 0) + Self.mouse(0, x: listX, y: 0) + Self.mouse(3, x: listX, y: 0))
        // The double click opened the first article (the welcome text).
        #expect(session.waitFor("line 1/"), "\(session.text())")
        #expect(session.text().contains("This is newsreader"))
        // The wheel over the pane scrolls it by three lines.
        let paneX = 110
        try send(Self.mouse(65, x: paneX, y: 10))
        #expect(session.waitFor("line 4/"), "\(session.text())")
        try send(Self.mouse(64, x: paneX, y: 10))
        #expect(session.waitFor("line 1/"), "\(session.text())")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"))
    }

    @Test func addFindsAPagesFeedFromTheReader() throws {
        let session = try Self.start()
        let site = session.directory.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try """
            <!doctype html><html><head><title>Site</title>
            <link rel="alternate" type="application/rss+xml" title="Site news" href="feed.xml">
            </head><body>Hello</body></html>
            """.write(to: site.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        try """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Site news</title>
            <item><title>Fresh item from the site feed</title><guid>a1</guid><description>Body</description></item>
            </channel></rss>
            """.write(to: site.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
        try session.type(":add " + site.appendingPathComponent("page.html").path)
        try session.send("Enter")
        // Subscribed and fetched at once: the item is listed, and the feed is a list of its own.
        #expect(session.waitFor("Fresh item from the site feed", timeout: 20), "\(session.text())")
        #expect(session.waitFor("Refreshed 1 feeds"), "\(session.text())")
        try session.type(":feed Site")
        try session.send("Enter")
        #expect(session.waitFor("Site news · 1/1"), "\(session.text())")
        let feeds = try session.cli(["feeds"])
        #expect(feeds.contains("feed.xml"), "\(feeds)")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"))
    }
}
