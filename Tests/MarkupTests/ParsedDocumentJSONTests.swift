import Foundation
import NewsModel
import Testing
@testable import Markup

/// The `parse --json` schema of issue 2.
@Suite struct ParsedDocumentJSONTests {
    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func articleFileSchemaShape() throws {
        let document = try ArticleFileParser.parse(data: Data(SampleArticles.lunarLander.utf8), fileName: "lunar-lander.txt")
        let json = try object(ParsedDocumentJSON.encode(document))
        #expect(Set(json.keys) == ["feed", "articles"])
        #expect(json["feed"] is NSNull)
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.count == 1)
        let article = articles[0]
        #expect(Set(article.keys) == ["id", "guid", "title", "link", "author", "published", "updated", "section", "tags",
                                      "summary", "content_html", "text", "enclosures"])
        #expect(article["guid"] is NSNull)  // files have no feed id
        #expect(article["id"] as? String == document.articles[0].id)
        #expect(article["title"] as? String == "Small lunar lander sends first images from crater rim")
        #expect(article["section"] as? String == "SCIENCE > Space")
        #expect(article["tags"] as? [String] == ["Space", "Robotics", "Science"])
        for key in ["link", "author", "published", "updated", "summary", "content_html"] {
            #expect(article[key] is NSNull, "\(key)")
        }
        #expect((article["enclosures"] as? [Any])?.isEmpty == true)
        let text = try #require(article["text"] as? String)
        let paragraphs = text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 4)
        #expect(paragraphs[0].hasPrefix("A small robotic lander"))
        #expect(!text.contains("\n\n\n"))
    }

    @Test func feedDatesEnclosuresAndNulls() throws {
        let source = ArticleSource(kind: .feed, location: "https://f.example/rss", name: "F")
        let article = Article(
            title: "T", section: [], tags: ["x"], author: "A",
            published: Date(timeIntervalSince1970: 1_714_557_600), updated: nil, link: "https://f.example/1",
            source: source, guid: "g1", summary: "S", contentHTML: "<p>b</p>", body: [Block(.paragraph, text: "b")],
            enclosures: [Enclosure(url: "https://f.example/a.mp3", type: "audio/mpeg", length: 42), Enclosure(url: "https://f.example/b")])
        let feed = FeedInfo(title: "F", link: "https://f.example/", description: nil, language: "en",
                            updated: Date(timeIntervalSince1970: 0))
        let json = try object(ParsedDocumentJSON.encode(ParsedDocument(feed: feed, articles: [article])))
        let feedJSON = try #require(json["feed"] as? [String: Any])
        #expect(Set(feedJSON.keys) == ["title", "link", "description", "language", "updated"])
        #expect(feedJSON["updated"] as? String == "1970-01-01T00:00:00Z")
        #expect(feedJSON["description"] is NSNull)
        let articleJSON = try #require((json["articles"] as? [[String: Any]])?.first)
        #expect(articleJSON["published"] as? String == "2024-05-01T10:00:00Z")
        #expect(articleJSON["updated"] is NSNull)
        #expect(articleJSON["section"] is NSNull)
        #expect(articleJSON["content_html"] as? String == "<p>b</p>")
        let enclosures = try #require(articleJSON["enclosures"] as? [[String: Any]])
        #expect(enclosures[0]["url"] as? String == "https://f.example/a.mp3")
        #expect(enclosures[0]["type"] as? String == "audio/mpeg")
        #expect(enclosures[0]["length"] as? Int == 42)
        #expect(enclosures[1]["type"] is NSNull)
        #expect(enclosures[1]["length"] is NSNull)
    }

    @Test func outputIsStableSortedAndPrettyOnRequest() throws {
        let document = try ArticleFileParser.parse(data: Data(SampleArticles.tokyoMarkets.utf8), fileName: "t.txt")
        let compact = try ParsedDocumentJSON.string(document)
        #expect(compact == (try ParsedDocumentJSON.string(document)))
        #expect(!compact.contains("\n  "))
        #expect(compact.hasPrefix(#"{"articles":[{"author":null,"content_html":null,"enclosures":[],"guid":null,"id":""#))
        #expect(compact.contains(#""section":"BUSINESS > Markets""#))
        #expect(compact.contains("東京株式市場"))  // not \u-escaped
        let pretty = try ParsedDocumentJSON.string(document, pretty: true)
        #expect(pretty.contains("\n"))
        #expect(try object(Data(pretty.utf8)).keys.sorted() == ["articles", "feed"])
        // Round trip through the Codable mirror.
        let decoded = try JSONDecoder().decode(ParsedDocumentJSON.Document.self, from: Data(compact.utf8))
        #expect(decoded == ParsedDocumentJSON.Document(document))
    }

    @Test func slashesAreNotEscaped() throws {
        let article = Article(title: "t", link: "https://a.b/c", source: ArticleSource(kind: .file, location: "/x", name: "x"),
                              guid: "/x", body: [])
        let text = try ParsedDocumentJSON.string(ParsedDocument(articles: [article]))
        #expect(text.contains(#""link":"https://a.b/c""#))
    }
}
