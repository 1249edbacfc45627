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

/// Hostile salvage input: warnings are aggregated, never one string per empty element.
@Suite struct JSONFeedSalvageFloodTests {
    @Test func millionsOfEmptyItemsMakeOneWarning() throws {
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Flood", "items": ["#
            + String(repeating: ",", count: 2_000_000) + #"{"id": "a", "title": "A"}, 1e400, 1e400]}"#
        let doc = try FeedParser.parse(data: Data(json.utf8), url: URL(string: "https://flood.example/feed.json"))
        #expect(doc.articles.map(\.title) == ["A"])
        #expect(doc.warnings == ["skipped 2000002 unparsable items, the first at byte 76"], "\(doc.warnings.prefix(3))")
    }

    @Test func manyBadMembersMakeOneWarning() throws {
        var json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Members""#
        for i in 0..<10_000 { json += #", "x\#(i)": 1e400"# }
        json += #", "items": [{"id": "a", "title": "A"}]}"#
        let doc = try FeedParser.parse(data: Data(json.utf8), url: URL(string: "https://flood.example/feed.json"))
        #expect(doc.articles.map(\.title) == ["A"])
        #expect(doc.warnings.count == 1)
        #expect(doc.warnings.first?.hasSuffix("and 9997 more") == true, "\(doc.warnings)")
    }
}
