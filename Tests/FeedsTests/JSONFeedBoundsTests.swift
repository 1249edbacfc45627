import Foundation
import NewsModel
import Testing
@testable import Feeds

/// A hostile JSON Feed (megabytes of `{}` or commas, hundreds of thousands of items, deep
/// nesting) is read one value at a time: only the items kept are built, the rest are counted,
/// and oversized values are skipped with one summarised warning.
@Suite struct JSONFeedBoundsTests {
    let url = URL(string: "https://bounds.example/feed.json")
    static let head = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Bounds", "items": ["#

    @Test func itemsPastTheCapAreCountedNotBuilt() throws {
        let json = Self.head + Array(repeating: "{}", count: 300_000).joined(separator: ",") + "]}"
        let limit = ArticleLimits.maxItemsPerFeed
        let read = try JSONFeedParser.parse(data: Data(json.utf8), feedURL: url, limit: limit)
        #expect(read.items.count == limit)
        #expect(read.totalItems == 300_000)
        #expect(read.warnings.isEmpty, "\(read.warnings)")
        let document = try FeedParser.parse(data: Data(json.utf8), url: url)
        #expect(document.articles.count <= limit)
        #expect(document.warnings == ["kept the first \(limit) of 300000 items"], "\(document.warnings)")
    }

    @Test func megabytesOfEmptyObjectsMakeOneWarning() throws {
        // 6 MB of `{},`: two million items, as one array.
        let json = Self.head + String(repeating: "{},", count: 2_000_000) + #"{"id": "last"}]}"#
        let document = try FeedParser.parse(data: Data(json.utf8), url: url)
        #expect(document.articles.count <= ArticleLimits.maxItemsPerFeed)
        #expect(document.warnings == ["kept the first 5000 of 2000001 items"], "\(document.warnings)")
    }

    @Test func anItemWithTooManyElementsIsSkipped() throws {
        let heavy = #"{"id": "heavy", "tags": ["# + Array(repeating: "{}", count: 20_000).joined(separator: ",") + "]}"
        let json = Self.head + #"{"id": "a", "title": "A"}, "# + heavy + #", {"id": "b", "title": "B"}]}"#
        let document = try FeedParser.parse(data: Data(json.utf8), url: url)
        #expect(document.articles.map(\.title) == ["A", "B"])
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.hasPrefix("skipped an unparsable item at byte ") == true, "\(document.warnings)")
    }

    @Test func deepNestingIsSkippedWithoutRecursion() throws {
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        let json = Self.head + deep + #", {"id": "a", "title": "A"}]}"#
        let document = try FeedParser.parse(data: Data(json.utf8), url: url)
        #expect(document.articles.map(\.title) == ["A"])
        #expect(document.warnings == ["skipped an unparsable item at byte \(Self.head.utf8.count)"], "\(document.warnings)")
        // Unclosed nesting to the end: truncated, the feed's fields still read.
        let open = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Open", "items": [{"id": "a"}, "#
            + String(repeating: "[{", count: 100_000)
        let truncated = try FeedParser.parse(data: Data(open.utf8), url: url)
        #expect(truncated.feed?.title == "Open")
        #expect(truncated.articles.count == 1)
        #expect(truncated.warnings.count == 1 && truncated.warnings[0].contains("truncated"), "\(truncated.warnings)")
    }

    @Test func anOversizedFeedFieldIsSkippedTheItemsKept() throws {
        let junk = "[" + Array(repeating: "{}", count: 50_000).joined(separator: ",") + "]"
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Junk", "extra": "# + junk
            + #", "items": [{"id": "a", "title": "A"}]}"#
        let document = try FeedParser.parse(data: Data(json.utf8), url: url)
        #expect(document.feed?.title == "Junk")
        #expect(document.articles.map(\.title) == ["A"])
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.hasPrefix("skipped the unparsable \"extra\" at byte ") == true, "\(document.warnings)")
    }

    @Test func feedFieldsAfterTheItemsStillApply() throws {
        // Two passes: home_page_url written after the items is still their base.
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": "posts/1"}],"#
            + #" "title": "Late", "home_page_url": "https://late.example/blog/", "authors": [{"name": "Ann"}]}"#
        let document = try FeedParser.parse(data: Data(json.utf8), url: url)
        #expect(document.feed?.title == "Late")
        #expect(document.articles.first?.link == "https://late.example/blog/posts/1")
        #expect(document.articles.first?.author == "Ann")
        #expect(document.warnings.isEmpty)
    }
}
