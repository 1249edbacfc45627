import Foundation
import Testing

/// Issue 11: `parse --json` and `show --json` carry the feed's own entry id as `guid` (as
/// written; null when the entry has none and for article files), and `parse --json` says
/// `null` for a missing title.
@Suite struct FeedGUIDCLITests: CLILibrarySuite {
    let dir: URL

    init() throws { dir = try Self.makeFolder("guid") }

    static let rss = """
    <?xml version="1.0"?><rss version="2.0"><channel><title>G</title>
    <item><guid isPermaLink="false">  Tag:Example.COM,2024:/One  </guid><title>One</title><link>http://g.example/1</link></item>
    <item><link>http://g.example/2</link><description>No title and no guid here.</description></item>
    </channel></rss>
    """

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func parseJSONHasGuidAndNullTitle() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let feed = dir.appendingPathComponent("g.xml")
        try Self.rss.write(to: feed, atomically: true, encoding: .utf8)
        let parsed = try CLIProcessTests.run(["parse", feed.path, "--json"])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
        let articles = try #require(object["articles"] as? [[String: Any]])
        #expect(articles.count == 2)
        #expect(articles[0]["guid"] as? String == "Tag:Example.COM,2024:/One")  // case and path kept
        #expect(articles[0]["title"] as? String == "One")
        #expect(articles[1]["guid"] is NSNull)
        #expect(articles[1]["title"] is NSNull)
        #expect(articles[1]["id"] is String)

        let text = dir.appendingPathComponent("note.txt")
        try "A title\n\nA paragraph.\n".write(to: text, atomically: true, encoding: .utf8)
        let file = try #require(try JSONSerialization.jsonObject(with: Data(try CLIProcessTests.run(["parse", text.path, "--json"]).stdout.utf8)) as? [String: Any])
        #expect(((file["articles"] as? [[String: Any]])?.first)?["guid"] is NSNull)
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func showJSONHasTheFeedsOwnGuid() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let feed = dir.appendingPathComponent("g.xml")
        try Self.rss.write(to: feed, atomically: true, encoding: .utf8)
        #expect(try run(["add", feed.path]).status == 0)
        let refresh = try run(["refresh"])
        #expect(refresh.status == 0, "\(refresh.stderr)")
        let list = try CLIProcessTests.jsonArray(try run(["list", "--json"]).stdout)
        func show(_ title: String) throws -> [String: Any] {
            let id = try #require(list.first { ($0["title"] as? String) == title }?["id"] as? String)
            let shown = try run(["show", id, "--json"])
            return try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        }
        #expect(try show("One")["guid"] as? String == "Tag:Example.COM,2024:/One")
        // No guid in the feed: null, although the article's identity falls back to its link.
        let untitled = try #require(list.first { ($0["title"] as? String) != "One" && ($0["source"] as? String) == "G" })
        let shown = try run(["show", try #require(untitled["id"] as? String), "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(object["guid"] is NSNull)
        #expect(object["title"] is String)  // the reader's made-up title
    }
}
