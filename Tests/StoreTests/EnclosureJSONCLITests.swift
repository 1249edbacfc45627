import Foundation
import Testing

/// `show --json` and `parse --json` write enclosures with one encoder (Markup's
/// `ParsedDocumentJSON.EnclosureJSON`): the same keys, `null` for a missing type or length.
@Suite struct EnclosureJSONCLITests {
    static let rss = """
    <?xml version="1.0"?><rss version="2.0"><channel><title>Pod</title>
    <item><guid>p1</guid><title>Episode</title><description>Talk</description>
    <enclosure url="https://example.org/a.mp3" type="audio/mpeg" length="42"/>
    <enclosure url="https://example.org/b.ogg"/></item>
    </channel></rss>
    """

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func showAndParseWriteTheSameEnclosures() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-enclosure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = dir.appendingPathComponent("library.sqlite").path
        let feed = dir.appendingPathComponent("pod.xml")
        try Self.rss.write(to: feed, atomically: true, encoding: .utf8)
        let parsed = try Self.json(try CLIProcessTests.run(["parse", feed.path, "--json"]).stdout)
        let parsedArticle = try #require((parsed["articles"] as? [[String: Any]])?.first)
        let fromParse = try #require(parsedArticle["enclosures"] as? [[String: Any]])

        #expect(try CLIProcessTests.run(["add", feed.path, "--library", library]).status == 0)
        #expect(try CLIProcessTests.run(["refresh", "--library", library]).status == 0)
        let list = try CLIProcessTests.jsonArray(try CLIProcessTests.run(["list", "--json", "--library", library]).stdout)
        let id = try #require(list.first { ($0["title"] as? String) == "Episode" }?["id"] as? String)
        let shown = try Self.json(try CLIProcessTests.run(["show", id, "--json", "--library", library]).stdout)
        let fromShow = try #require(shown["enclosures"] as? [[String: Any]])

        #expect(fromShow.count == 2)
        #expect(fromShow[0]["url"] as? String == "https://example.org/a.mp3")
        #expect(fromShow[0]["type"] as? String == "audio/mpeg")
        #expect(fromShow[0]["length"] as? Int == 42)
        #expect(Set(fromShow[1].keys) == ["url", "type", "length"])
        #expect(fromShow[1]["type"] is NSNull)
        #expect(fromShow[1]["length"] is NSNull)
        #expect((fromShow as NSArray).isEqual(to: fromParse))
    }
}
