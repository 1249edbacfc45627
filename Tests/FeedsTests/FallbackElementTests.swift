import Foundation
import NewsModel
import Testing
@testable import Feeds

/// Issue 11: Dublin Core (RSS 1.0 modules: dc, dcterms) stands in for missing core elements,
/// never over present ones; an empty description is "", not absent.
@Suite struct FallbackElementTests {
    let url = URL(string: "http://dc.example.com/feed")
    let ns = #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#

    func parse(_ xml: String) throws -> ParsedDocument {
        try FeedParser.parse(data: Data(xml.utf8), url: url)
    }

    /// Channel/feed children and item/entry children in each XML format.
    func document(_ shape: FeedShape, channel: String, item: String) -> String {
        switch shape {
        case .rss091, .rss20:
            return #"<rss version="\#(shape == .rss091 ? "0.91" : "2.0")" \#(ns)><channel>\#(channel)<item>\#(item)<guid>g</guid></item></channel></rss>"#
        case .rdf:
            return #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" \#(ns)>"#
                + #"<channel rdf:about="http://dc.example.com/">\#(channel)</channel><item rdf:about="urn:g">\#(item)</item></rdf:RDF>"#
        case .atom03:
            return #"<feed version="0.3" xmlns="http://purl.org/atom/ns#" \#(ns)>\#(channel)<entry><id>g</id>\#(item)</entry></feed>"#
        case .atom10, .jsonFeed:
            return #"<feed xmlns="http://www.w3.org/2005/Atom" \#(ns)>\#(channel)<entry><id>g</id>\#(item)</entry></feed>"#
        }
    }

    @Test(arguments: FeedShape.xmlShapes)
    func dublinCoreFillsInMissingElements(shape: FeedShape) throws {
        let doc = try parse(document(shape,
            channel: "<dc:title>DC Feed</dc:title><dc:description>About it</dc:description><dc:date>2024-05-01T10:00:00Z</dc:date>",
            item: "<dc:title>DC Item</dc:title><dc:description>Item words</dc:description><dcterms:modified>2024-05-02T11:00:00Z</dcterms:modified>"))
        #expect(doc.feed?.title == "DC Feed")
        #expect(doc.feed?.description == "About it")
        #expect(doc.feed?.updated == Date(timeIntervalSince1970: 1_714_557_600))
        let article = try #require(doc.articles.first)
        #expect(article.title == "DC Item")
        #expect(article.summary == "Item words")
        #expect(article.text == "Item words")
        #expect(article.updated == Date(timeIntervalSince1970: 1_714_647_600))
    }

    @Test(arguments: FeedShape.xmlShapes)
    func coreElementsWinOverDublinCore(shape: FeedShape) throws {
        let isAtom = shape == .atom03 || shape == .atom10
        let coreChannel = isAtom ? "<title>Core</title><\(shape == .atom03 ? "tagline" : "subtitle")>Core about</\(shape == .atom03 ? "tagline" : "subtitle")><\(shape == .atom03 ? "modified" : "updated")>2024-06-01T00:00:00Z</\(shape == .atom03 ? "modified" : "updated")>"
            : "<title>Core</title><description>Core about</description><lastBuildDate>Sat, 01 Jun 2024 00:00:00 GMT</lastBuildDate>"
        let coreItem = isAtom ? "<title>Core item</title><summary>Core words</summary>" : "<title>Core item</title><description>Core words</description>"
        let dc = "<dc:title>DC</dc:title><dc:description>DC words</dc:description><dc:date>2020-01-01T00:00:00Z</dc:date>"
        let doc = try parse(document(shape, channel: dc + coreChannel, item: dc + coreItem))
        #expect(doc.feed?.title == "Core")
        #expect(doc.feed?.description == "Core about")
        #expect(doc.feed?.updated == Date(timeIntervalSince1970: 1_717_200_000))
        #expect(doc.articles.first?.title == "Core item")
        #expect(doc.articles.first?.summary == "Core words")
    }

    @Test func rssPubDateWinsOverAnEarlierDcDate() throws {
        let doc = try parse(document(.rss20, channel: "<title>T</title>",
            item: "<title>t</title><dc:date>2020-01-01T00:00:00Z</dc:date><pubDate>Sat, 01 Jun 2024 00:00:00 GMT</pubDate>"))
        #expect(doc.articles.first?.published == Date(timeIntervalSince1970: 1_717_200_000))
    }

    @Test(arguments: [FeedShape.rss091, .rss20, .rdf])
    func emptyDescriptionIsEmptyNotAbsent(shape: FeedShape) throws {
        let doc = try parse(document(shape, channel: "<title>T</title><description/>",
                                     item: "<title>t</title><link>http://dc.example.com/1</link><description/>"))
        #expect(doc.feed?.description == "")
        #expect(doc.articles.first?.summary == "")
    }

    @Test(arguments: [FeedShape.atom03, .atom10])
    func emptyAtomSummaryIsEmptyNotAbsent(shape: FeedShape) throws {
        let tag = shape == .atom03 ? "tagline" : "subtitle"
        let doc = try parse(document(shape, channel: "<title>T</title><\(tag)/>", item: "<title>t</title><summary/>"))
        #expect(doc.feed?.description == "")
        #expect(doc.articles.first?.summary == "")
    }

    @Test func missingDescriptionStaysAbsent() throws {
        let doc = try parse(document(.rss20, channel: "<title>T</title>", item: "<title>t</title>"))
        #expect(doc.feed?.description == nil)
        #expect(doc.articles.first?.summary == nil)
    }
}
