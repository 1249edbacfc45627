import Foundation
import Testing
import TestSupport

/// Issue 4 "done when": the UI never freezes while 100 feeds refresh from a local server.
/// A slow local server (a delay per request) keeps the refresh going for seconds; the test
/// moves the cursor meanwhile and requires each move on screen within half a second.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, TmuxSession.skipReason)) struct RefreshEndToEndTests {
    static let feedCount = 100

    /// Feed `n` with `items` items; even feeds are RSS, odd ones Atom.
    static func feed(_ n: Int, items: Int) -> String {
        if n % 2 == 0 {
            let entries = (1...items).map { i in
                "<item><guid>f\(n)-i\(i)</guid><title>Feed \(n) item \(i)</title><link>http://example.com/\(n)/\(i)</link>"
                    + "<pubDate>\(date(i))</pubDate><description>Body of item \(i) in feed \(n).</description></item>"
            }.joined(separator: "\n")
            return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Feed \(n)</title>\n\(entries)\n</channel></rss>"
        }
        let entries = (1...items).map { i in
            "<entry><id>f\(n)-i\(i)</id><title>Feed \(n) item \(i)</title><link href=\"http://example.com/\(n)/\(i)\"/>"
                + "<updated>2030-01-\(String(format: "%02d", 1 + i % 28))T10:00:00Z</updated><content type=\"text\">Body of item \(i).</content></entry>"
        }.joined(separator: "\n")
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Feed \(n)</title>\n\(entries)\n</feed>"
    }

    static func date(_ i: Int) -> String { "Tue, \(String(format: "%02d", 1 + i % 28)) Jan 2030 10:00:00 GMT" }

    static func writeFeeds(to dir: URL, items: Int) throws {
        for n in 1...feedCount {
            try feed(n, items: items).write(to: dir.appendingPathComponent("feed\(n).xml"), atomically: true, encoding: .utf8)
        }
    }

    /// The cursor position "All · N/" from the status line.
    static func position(_ screen: [String]) -> Int? {
        guard let status = screen.last(where: { !$0.isEmpty }), let r = status.range(of: "All · ") else { return nil }
        return Int(status[r.upperBound...].prefix { $0.isNumber })
    }

    @Test func cursorMovesWhileHundredFeedsRefresh() throws {
        let session = TmuxSession()
        let feeds = session.directory.appendingPathComponent("feeds")
        try FileManager.default.createDirectory(at: feeds, withIntermediateDirectories: true)
        try Self.writeFeeds(to: feeds, items: 20)
        // 80 ms per request: the UI refresh below takes a few seconds at the default concurrency.
        // The shared feed server serving the files of `feeds`, 80 ms per request.
        let server = try LocalFeedServer(arguments: ["--root", feeds.path, "--delay", "0.08"])
        let urls = (1...Self.feedCount).map { server.url("/feed\($0).xml") } + [server.url("/missing.xml")]
        let urlsFile = session.directory.appendingPathComponent("urls")
        try urls.joined(separator: "\n").write(to: urlsFile, atomically: true, encoding: .utf8)
        let imported = try session.cli(["import", urlsFile.path])
        #expect(imported.contains("101"), "\(imported)")
        // A first refresh from the CLI fills the list, so there is something to move over.
        let first = try session.cli(["refresh"])
        #expect(first.contains("2000") || first.contains("2,000"), "\(first)")

        // Each feed gains an item; the UI refresh should bring the 100 new ones.
        try Self.writeFeeds(to: feeds, items: 21)
        try session.startReader(width: 200, height: 40)
        #expect(session.waitFor("All · 1/2000"), "\(session.text())")
        try session.send("R")
        #expect(session.wait(timeout: 5) { $0.last { !$0.isEmpty }?.contains("refreshing") == true }, "\(session.text())")

        var movesDuringRefresh = 0
        var slowest = 0.0
        for _ in 0..<30 {
            guard let before = Self.position(session.screen()) else { break }
            let refreshingBefore = session.text().contains("refreshing")
            let start = Date()
            try session.send("j")
            let moved = session.wait(timeout: 2) { Self.position($0) == before + 1 }
            let elapsed = Date().timeIntervalSince(start)
            #expect(moved, "cursor did not move from \(before): \(session.screen().last { !$0.isEmpty } ?? "")")
            guard moved else { break }
            slowest = max(slowest, elapsed)
            #expect(elapsed < 0.5, "move \(before) → \(before + 1) took \(Int(elapsed * 1000)) ms")
            if refreshingBefore && session.text().contains("refreshing") { movesDuringRefresh += 1 }
            if !session.text().contains("refreshing") { break }
        }
        print("refresh e2e: \(movesDuringRefresh) moves during the refresh, slowest \(Int(slowest * 1000)) ms")
        #expect(movesDuringRefresh >= 3, "the refresh ended before the cursor could be moved during it")

        // At the end: the new articles are counted and the failing feed is named with its reason.
        #expect(session.waitFor("/2100", timeout: 30), "\(session.text())")
        #expect(session.waitFor("100 new"), "\(session.text())")
        #expect(session.waitFor("1 failed: \(server.url("/missing.xml")): HTTP status 404"), "\(session.text())")
        #expect(session.wait { $0.contains { $0.hasPrefix(" All") && $0.contains("2100") } }, "\(session.screen().prefix(3))")
        let feedsOutput = try session.cli(["feeds"])
        #expect(feedsOutput.contains("HTTP status 404"), "\(feedsOutput)")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"))
    }
}
