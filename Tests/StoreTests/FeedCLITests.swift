import Foundation
import Testing
import TestSupport

/// The feed subcommands as separate processes of the built binary: add/import, refresh
/// (files and a local HTTP server), feeds, export opml, remove, parse, newsboat cache import.
@Suite struct FeedCLITests: CLILibrarySuite {
    let dir: URL

    init() throws { dir = try Self.makeFolder("feedcli") }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let rss = """
    <?xml version="1.0"?><rss version="2.0"><channel><title>CLI RSS</title>
    <item><guid>r1</guid><title>RSS one</title><category>Rust</category><description>&lt;p&gt;One&amp;nbsp;body&lt;/p&gt;</description></item>
    <item><guid>r2</guid><title>RSS two</title><description>Two body</description></item>
    </channel></rss>
    """
    static let json = """
    {"version": "https://jsonfeed.org/version/1.1", "title": "CLI JSON",
     "items": [{"id": "j1", "title": "JSON one", "content_html": "<p>J</p>", "tags": ["jsontag"]}]}
    """

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func subscribeRefreshListExportRemove() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let rss = try write("a.rss", Self.rss)
        let json = try write("b.json", Self.json)
        let urls = try write("urls", """
        \(rss.absoluteString) "feedtag" "~My RSS"
        \(json.absoluteString) "other"
        file://\(dir.path)/missing.xml "broken"
        "query:Unread:unread = \\"yes\\""
        """)
        let imported = try run(["import", urls.path])
        #expect(imported.stdout.contains("subscribed to 3 feeds"), "\(imported.stdout) \(imported.stderr)")
        #expect(imported.stderr.contains("query: feeds are not supported"))

        let refresh = try run(["refresh"])
        #expect(refresh.status == 1)  // the missing file fails, the others do not
        #expect(refresh.stdout.contains("3 new, 0 updated articles"), "\(refresh.stdout)")
        #expect(refresh.stdout.contains("[3/3]"))
        #expect(refresh.stderr.contains("missing.xml"))

        let feeds = try CLIProcessTests.jsonArray(try run(["feeds", "--json"]).stdout)
        #expect(feeds.map { $0["title"] as? String } == ["CLI JSON", "file://\(dir.path)/missing.xml", "My RSS"])
        #expect(feeds.map { $0["items"] as? Int } == [1, 0, 2])
        #expect(feeds[1]["last_error"] is String)
        #expect(feeds[2]["last_error"] is NSNull)

        // Feed tags and item categories both tag the articles.
        let tagged = try CLIProcessTests.jsonArray(try run(["list", "--tag", "feedtag", "--json"]).stdout)
        #expect(Set(tagged.compactMap { $0["title"] as? String }) == ["RSS one", "RSS two"])
        #expect(try CLIProcessTests.jsonArray(try run(["list", "--tag", "Rust", "--json"]).stdout).count == 1)
        #expect(try CLIProcessTests.jsonArray(try run(["list", "--tag", "jsontag", "--json"]).stdout).count == 1)

        // Unchanged files: not modified, nothing duplicated.
        let again = try run(["refresh", "--tag", "feedtag"])
        #expect(again.stdout.contains("0 new, 0 updated articles, 1 not modified"), "\(again.stdout)")

        let opml = try run(["export", "opml"])
        #expect(opml.stdout.contains("<opml version=\"2.0\">"))
        #expect(opml.stdout.contains(rss.absoluteString))
        #expect(opml.stdout.contains("title=\"My RSS\""))

        let removed = try run(["remove", rss.path])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try CLIProcessTests.jsonArray(try run(["feeds", "--json"]).stdout).count == 2)
        #expect(try CLIProcessTests.jsonArray(try run(["list", "--tag", "feedtag", "--json"]).stdout).isEmpty)
        #expect(try run(["remove", "https://nope.example/feed"]).status != 0)
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func parseJSONForFeedFiles() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let rss = try write("feed.xml", Self.rss)
        let parsed = try CLIProcessTests.run(["parse", rss.path, "--json"])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
        #expect((object["feed"] as? [String: Any])?["title"] as? String == "CLI RSS")
        let articles = try #require(object["articles"] as? [[String: Any]])
        #expect(articles.map { $0["title"] as? String } == ["RSS one", "RSS two"])
        #expect(articles[0]["tags"] as? [String] == ["Rust"])
        #expect(articles[0]["text"] as? String == "One\u{A0}body")
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func refreshOverHTTPUsesConditionalGet() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try LocalFeedServer()
        let url = "http://127.0.0.1:\(server.port)/feed.xml"
        #expect(try run(["add", url, "--tag", "web"]).stdout.contains("added"))
        #expect(try run(["add", "http://127.0.0.1:\(server.port)/status/500"]).status == 0)
        let first = try run(["refresh"])
        #expect(first.stdout.contains("1 new"), "\(first.stdout)")
        #expect(first.stderr.contains("HTTP status 500"))
        let second = try run(["refresh", "--tag", "web"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("1 not modified"), "\(second.stdout)")  // the server answered 304
    }

    /// Error texts carry outside text (paths, a server's Location): never raw escapes on stdout.
    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func refreshErrorsAreSanitisedWhenNotATerminal() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let evil = dir.appendingPathComponent("\u{1B}]0;pwned\u{7}\u{1B}[31mred.xml")
        #expect(try run(["add", evil.absoluteString]).status == 0)
        let refresh = try run(["refresh"])
        #expect(refresh.status == 1)
        #expect(refresh.stdout.contains("error: cannot read"), "\(refresh.stdout)")
        #expect(!refresh.stdout.contains("\u{1B}") && !refresh.stdout.contains("\u{7}"), "\(refresh.stdout.debugDescription)")
        #expect(!refresh.stderr.contains("\u{1B}"), "\(refresh.stderr.debugDescription)")
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil && NewsboatCacheTests.newsboat != nil,
                   "needs the newsreader binary and newsboat (apt-get install newsboat)"))
    func importsANewsboatCacheWithReadStateAndFlags() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let (cache, feeds) = try NewsboatCacheTests.makeCache(in: dir)
        // What a newsboat user does with `N` (toggle read) and flagging, applied to the real cache.
        try sqlite(cache, "UPDATE rss_item SET unread = 0 WHERE guid = 'one-2'; UPDATE rss_item SET flags = 's' WHERE guid = 'two-1';")
        let result = try run(["import", "--newsboat-cache", cache])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 feeds added, 3 articles imported"), "\(result.stdout)")
        #expect(result.stdout.contains("1 read, 1 bookmarked"))
        let bookmarks = try CLIProcessTests.jsonArray(try run(["bookmarks", "--json"]).stdout)
        let bookmarked = Set(bookmarks.compactMap { $0["title"] as? String })  // (the demo library may add its own)
        #expect(bookmarked.contains("Atom entry"))
        #expect(!bookmarked.contains("First of one") && !bookmarked.contains("Second of one"))
        let unread = try CLIProcessTests.jsonArray(try run(["list", "--unread", "--json"]).stdout)
        #expect(Set(unread.compactMap { $0["title"] as? String }).isSuperset(of: ["First of one", "Atom entry"]))
        #expect(!unread.contains { $0["title"] as? String == "Second of one" })
        // The feed's own entry id, as newsboat recorded it, is the article's guid.
        let firstID = try #require(unread.first { $0["title"] as? String == "First of one" }?["id"] as? String)
        let shown = try JSONSerialization.jsonObject(with: Data(try run(["show", firstID, "--json"]).stdout.utf8)) as? [String: Any]
        #expect(shown?["guid"] as? String == "one-1", "\(String(describing: shown))")
        #expect(Set(try CLIProcessTests.jsonArray(try run(["feeds", "--json"]).stdout).compactMap { $0["url"] as? String }) == Set(feeds))
        // Refreshing the same feeds later finds the same articles: no duplicates.
        let refresh = try run(["refresh"])
        #expect(refresh.stdout.contains("0 new"), "\(refresh.stdout)")
    }

    func sqlite(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", path, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
