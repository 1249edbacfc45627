import Foundation
import Testing
import TestSupport

/// `max-articles-per-feed` from config.toml through the real `newsreader refresh`: a local
/// JSON feed that serves new guids every time stays at the limit, and the summary says so.
@Suite struct FeedRetentionCLITests {
    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func refreshPrunesARotatingFeedToTheConfiguredLimit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = dir.appendingPathComponent("library.sqlite").path
        let config = dir.appendingPathComponent("config.toml")
        try "max-articles-per-feed = 3\n".write(to: config, atomically: true, encoding: .utf8)
        let feed = dir.appendingPathComponent("rotating.json")
        func serve(_ round: Int) throws {
            let items = (0..<2).map { n in
                #"{"id": "round\#(round)-\#(n)", "title": "Round \#(round) item \#(n)", "content_text": "x",  "date_published": "2024-01-\#(String(format: "%02d", round + 1))T0\#(n):00:00Z"}"#
            }
            try (#"{"version": "https://jsonfeed.org/version/1.1", "title": "Rotating", "items": ["#
                 + items.joined(separator: ",") + "]}").write(to: feed, atomically: true, encoding: .utf8)
        }
        let common = ["--library", library]
        try serve(0)
        #expect(try CLIProcessTests.run(["add", feed.absoluteString] + common).status == 0)
        var last: CLIProcessTests.Run?
        for round in 1...4 {
            try serve(round)
            let refresh = try CLIProcessTests.run(["refresh", "--config", config.path] + common)
            #expect(refresh.status == 0, "\(refresh.stdout) \(refresh.stderr)")
            last = refresh
        }
        // Each round adds 2 and the oldest go: 2 pruned per round once past 3.
        #expect(last?.stdout.contains("2 old articles pruned") == true, "\(last?.stdout ?? "")")
        let listed = try CLIProcessTests.jsonArray(try CLIProcessTests.run(["list", "--json"] + common).stdout)
        let rounds = listed.compactMap { $0["title"] as? String }.filter { $0.hasPrefix("Round ") }
        #expect(Set(rounds) == ["Round 4 item 0", "Round 4 item 1", "Round 3 item 1"])
    }
}
