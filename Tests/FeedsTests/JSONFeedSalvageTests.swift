import Foundation
import Testing
@testable import Feeds

/// A broken JSON Feed keeps what can be kept instead of losing every item.
@Suite struct JSONFeedSalvageTests {
    let url = URL(string: "https://json.example/feed.json")
    static let full = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "Salvage \\"Blog\\"",
         "items": [
           {"id": "a", "title": "First, with {braces} and [brackets]", "content_text": "A"},
           {"id": "b", "title": "Second", "content_html": "<p>B</p>", "tags": ["x", "y"]},
           {"id": "c", "title": "Third", "content_text": "C"}
         ]}
        """

    @Test func truncatedFeedKeepsItsCompleteItems() throws {
        let cut = Self.full.range(of: "\"Third\"")!.lowerBound
        let data = Data(Self.full[..<cut].utf8)
        let doc = try FeedParser.parse(data: data, url: url)
        #expect(doc.feed?.title == "Salvage \"Blog\"")
        #expect(doc.articles.map(\.title) == ["First, with {braces} and [brackets]", "Second"])
        #expect(doc.articles[1].tags.contains("x"))
        #expect(doc.warnings.contains { $0.contains("truncated at byte") && $0.contains("2 complete item") }, "\(doc.warnings)")
    }

    @Test func oneBadItemIsSkipped() throws {
        let data = Data(Self.full.replacingOccurrences(of: "\"id\": \"b\"", with: "\"id\": 1e400").utf8)
        let doc = try FeedParser.parse(data: data, url: url)
        #expect(doc.articles.map(\.title) == ["First, with {braces} and [brackets]", "Third"])
        #expect(doc.warnings.contains { $0.contains("unparsable item at byte") }, "\(doc.warnings)")
    }

    @Test func wholeFeedStillParsesWithoutWarnings() throws {
        let doc = try FeedParser.parse(data: Data(Self.full.utf8), url: url)
        #expect(doc.articles.count == 3)
        #expect(doc.warnings.isEmpty)
    }

    @Test func hopelessJSONNamesTheByte() {
        #expect(throws: FeedParserError.invalidJSON("bad member name at byte 3")) {
            try FeedParser.parse(data: Data("{  nope".utf8), url: url)
        }
        #expect(throws: FeedParserError.invalidJSON("truncated at byte 1")) {
            try FeedParser.parse(data: Data("{".utf8), url: url)
        }
    }
}
