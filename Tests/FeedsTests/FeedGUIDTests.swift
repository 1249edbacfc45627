import Foundation
import Markup
import NewsModel
import Testing
@testable import Feeds

/// Issue 11: the feed's own entry id, as written, in every format; null titles in parse JSON.
@Suite struct FeedGUIDTests {
    func articleJSON(_ doc: ParsedDocument) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: ParsedDocumentJSON.encode(doc)) as? [String: Any])
        return try #require((object["articles"] as? [[String: Any]])?.first)
    }

    @Test(arguments: [FeedShape.rss20, .rdf, .atom03, .atom10, .jsonFeed])
    func guidIsTheFeedsOwnIDAsWritten(shape: FeedShape) throws {
        let id = "HTTP://Example.COM/a/../b?x=1#Frag"  // no normalisation of any kind
        let doc = try shape.parse(html: "<p>x</p>", id: id)
        #expect(doc.articles.first?.feedGUID == id)
        #expect(try articleJSON(doc)["guid"] as? String == id)
        #expect(doc.articles.first?.id.count == 32)  // the internal id (128 bits of SHA-256) is unchanged in form
    }

    @Test func rssWithoutAGuidHasNullGuidEvenThoughItsIdentityIsTheLink() throws {
        let doc = try FeedShape.rss091.parse(html: "<p>x</p>")
        let article = try #require(doc.articles.first)
        #expect(article.guid == "http://example.com/1")
        #expect(article.feedGUID == nil)
        #expect(try articleJSON(doc)["guid"] is NSNull)
    }

    @Test(arguments: FeedShape.allCases)
    func missingTitleIsNullInJSONButTheReaderStillHasOne(shape: FeedShape) throws {
        var doc = try shape.parse(title: "", html: "<p>Only a body with several words in it.</p>")
        if shape == .jsonFeed {  // JSON Feed: no "title" member at all
            let json = #"{"version":"https://jsonfeed.org/version/1.1","title":"F","items":[{"id":"1","content_html":"<p>Only a body with several words in it.</p>"}]}"#
            doc = try FeedParser.parse(data: Data(json.utf8), url: nil)
        }
        let article = try #require(doc.articles.first)
        #expect(article.hasOwnTitle == false)
        #expect(article.title == "Only a body with several words in it.")
        #expect(try articleJSON(doc)["title"] is NSNull)
    }

    @Test func presentTitleIsAString() throws {
        let doc = try FeedShape.atom10.parse(title: "Real", html: "<p>x</p>")
        #expect(try articleJSON(doc)["title"] as? String == "Real")
    }
}
