import Foundation
import Testing
import TestSupport

/// `newsreader add PAGE` through the built binary against the local feed server: the page's
/// feeds are found, subscribed, listed or refused, and a feed URL works as it always did.
@Suite struct FeedDiscoveryCLITests: CLILibrarySuite {
    let dir: URL

    init() throws { dir = try Self.makeFolder("discovery") }

    func subscribed() throws -> [String] {
        try CLIProcessTests.jsonArray(try run(["feeds", "--json"]).stdout).compactMap { $0["url"] as? String }.sorted()
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func aPageWithOneFeedSubscribesToIt() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try LocalFeedServer()
        let base = "http://127.0.0.1:\(server.port)"
        // The page links its feed as "../feed.xml": resolved against the page's URL.
        let added = try run(["add", "\(base)/site/one.html", "--tag", "web"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("\(base)/site/one.html is a web page"), "\(added.stdout)")
        #expect(added.stdout.contains("added \(base)/feed.xml  (Site RSS)"), "\(added.stdout)")
        // <base href="/"> moves "atom.xml" from /site/ to the root.
        #expect(try run(["add", "\(base)/site/base.html"]).stdout.contains("added \(base)/atom.xml"))
        #expect(try subscribed() == ["\(base)/atom.xml", "\(base)/feed.xml"])
        let refresh = try run(["refresh", "--tag", "web"])
        #expect(refresh.stdout.contains("1 new"), "\(refresh.stdout)")
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func severalFeedsAreListedAndAllTakesThemAll() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try LocalFeedServer()
        let base = "http://127.0.0.1:\(server.port)"
        let listed = try run(["add", "\(base)/site/several.html"])
        #expect(listed.status == 1)
        #expect(listed.stdout.contains("with 3 feeds"), "\(listed.stdout)")
        #expect(listed.stdout.contains("  1. All posts & news  <\(base)/feed.xml>"), "\(listed.stdout)")
        #expect(listed.stdout.contains("  2. Atom  <\(base)/atom.xml>"))
        #expect(listed.stdout.contains("  3. JSON Feed  <\(base)/feed.json>"))
        #expect(listed.stderr.contains("pass one of their URLs") && listed.stderr.contains("--all"), "\(listed.stderr)")
        #expect(try subscribed().isEmpty)

        let all = try run(["add", "\(base)/site/several.html", "--all", "--tag", "many", "--title", "ignored"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stderr.contains("--title is for one feed"))
        #expect(try subscribed() == ["\(base)/atom.xml", "\(base)/feed.json", "\(base)/feed.xml"])
        let refresh = try run(["refresh", "--tag", "many"])
        #expect(refresh.status == 0)
        #expect(refresh.stdout.contains("3/3"), "\(refresh.stdout)")
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func aPageWithoutFeedsIsAClearError() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let bare = try LocalFeedServer(arguments: ["--bare"])
        let result = try run(["add", "http://127.0.0.1:\(bare.port)/site/none.html"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no feed found"), "\(result.stderr)")
        #expect(result.stderr.contains("/rss.xml"))
        #expect(try subscribed().isEmpty)
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func aSiteWithoutLinksIsProbed() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try LocalFeedServer()
        let base = "http://127.0.0.1:\(server.port)"
        let result = try run(["add", "\(base)/site/none.html", "--all"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try subscribed() == ["\(base)/atom.xml", "\(base)/feed.json", "\(base)/feed.xml"])
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func feedURLsWorkAsBefore() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try LocalFeedServer()
        let base = "http://127.0.0.1:\(server.port)"
        let feed = try run(["add", "\(base)/feed.xml"])
        #expect(feed.status == 0)
        #expect(feed.stdout == "added \(base)/feed.xml\n")
        #expect(feed.stderr.isEmpty, "\(feed.stderr)")
        #expect(try run(["add", "\(base)/feed.xml"]).stdout == "updated \(base)/feed.xml\n")
        // A feed that is down today is still subscribed (refresh retries), with a warning.
        let down = try run(["add", "\(base)/status/503"])
        #expect(down.status == 0)
        #expect(down.stdout == "added \(base)/status/503\n")
        #expect(down.stderr.contains("HTTP status 503"))
        #expect(try subscribed() == ["\(base)/feed.xml", "\(base)/status/503"])
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func localHTMLFilesToo() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("feeds"), withIntermediateDirectories: true)
        try FeedCLITests.rss.write(to: dir.appendingPathComponent("feeds/site.rss"), atomically: true, encoding: .utf8)
        let page = dir.appendingPathComponent("index.html")
        try """
        <!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" title="Local" href="feeds/site.rss">
        </head><body>hello</body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
        let result = try run(["add", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let feedURL = dir.appendingPathComponent("feeds/site.rss").absoluteString
        #expect(result.stdout.contains("added \(feedURL)  (Local)"), "\(result.stdout)")
        #expect(try subscribed() == [feedURL])
        #expect(try run(["refresh"]).stdout.contains("2 new"))

        let empty = dir.appendingPathComponent("empty.html")
        try "<html><body>no feeds here</body></html>".write(to: empty, atomically: true, encoding: .utf8)
        let none = try run(["add", empty.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no feed found"), "\(none.stderr)")
    }

    /// Titles come from the page: escape sequences in them never reach the terminal.
    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func titlesFromThePageAreSanitised() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("evil.html")
        try """
        <link rel="alternate" type="application/rss+xml" title="\u{1B}]0;pwned\u{7}\u{1B}[31mRed &#x1B;[0m" href="a.rss">
        <link rel="alternate" type="application/atom+xml" title="&#x9B;2J&#x202E;Two" href="b.atom">
        """.write(to: page, atomically: true, encoding: .utf8)
        let listed = try run(["add", page.path])
        #expect(listed.status == 1)
        #expect(listed.stdout.contains("2 feeds") && listed.stdout.contains("Two"), "\(listed.stdout)")
        for forbidden in ["\u{1B}", "\u{7}", "\u{9B}", "\u{202E}"] {
            #expect(!listed.stdout.contains(forbidden) && !listed.stderr.contains(forbidden), "\(listed.stdout.debugDescription)")
        }
        let added = try run(["add", page.path, "--all"])
        #expect(added.status == 0)
        #expect(!added.stdout.contains("\u{1B}"), "\(added.stdout.debugDescription)")
    }

    /// On a terminal (a pty from util-linux `script`), several feeds are offered to choose from.
    @Test(.enabled(if: CLIProcessTests.binary != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
                   "needs the newsreader binary and script(1)"))
    func onATerminalTheUserPicks() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try LocalFeedServer()
        let base = "http://127.0.0.1:\(server.port)"
        let binary = try #require(CLIProcessTests.binary).path
        let command = [binary, "add", "\(base)/site/several.html", "--library", library]
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // A bad answer is asked again; then feeds 3 and 1.
        input.fileHandleForWriting.write(Data("9\n3, 1\n".utf8))
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("Subscribe to which?"), "\(text)")
        #expect(text.contains("Type numbers from 1 to 3"), "\(text)")
        #expect(try subscribed() == ["\(base)/feed.json", "\(base)/feed.xml"])
    }
}
