import Foundation
import NewsModel
import Testing
@testable import Feeds

/// What one feed can push into the library is capped where articles are assembled: a
/// megabyte title never reaches the list layout, tags and items are counted.
@Suite struct IngestLimitsTests {
    let url = URL(string: "https://limits.example/feed.json")

    @Test func hugeJSONFeedFieldsAreCapped() throws {
        let title = String(repeating: "T", count: 1_000_000)
        let tags = (0..<500).map { "\"tag\($0)-" + String(repeating: "x", count: 300) + "\"" }.joined(separator: ",")
        let longLink = "https://x.example/" + String(repeating: "a", count: 20_000)
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Big", "items": [{"id": "1", "title": ""#
            + title + #"", "url": ""# + longLink + #"", "authors": [{"name": ""# + String(repeating: "A", count: 100_000)
            + #""}], "tags": ["# + tags + #"], "content_text": "body"}]}"#
        let article = try #require(try FeedParser.parse(data: Data(json.utf8), url: url).articles.first)
        #expect(article.title.count == ArticleLimits.maxTitleCharacters)
        #expect(article.title.hasSuffix("…"))
        #expect(article.tags.count == ArticleLimits.maxTags)
        #expect(article.tags.allSatisfy { $0.count <= ArticleLimits.maxTagCharacters })
        #expect((article.author?.count ?? 0) <= ArticleLimits.maxAuthorCharacters)
        #expect(article.link == nil)
    }

    @Test func itemsPerFeedAreCapped() throws {
        let items = (0..<(ArticleLimits.maxItemsPerFeed + 100)).map { #"{"id": "\#($0)", "content_text": "b"}"# }
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Many", "items": ["# + items.joined(separator: ",") + "]}"
        let document = try FeedParser.parse(data: Data(json.utf8), url: url)
        #expect(document.articles.count == ArticleLimits.maxItemsPerFeed)
        #expect(document.warnings.contains("kept the first 5000 of 5100 items"), "\(document.warnings)")
    }
}
