import Foundation
import NewsModel
import Testing
@testable import Feeds

/// Issue 11: U+0080–U+009F in text read as their windows-1252 characters (WHATWG Encoding).
@Suite struct C1ControlTests {
    @Test(arguments: FeedShape.allCases)
    func smartQuoteC1InTitleAndBody(shape: FeedShape) throws {
        let doc = try shape.parse(title: "don\u{92}t", html: "<p>\u{93}quoted\u{94} \u{96} don\u{92}t\u{85}</p>")
        let article = try #require(doc.articles.first)
        #expect(article.title == "don’t")
        #expect(article.text == "“quoted” – don’t…")
    }

    @Test(arguments: FeedShape.xmlShapes)
    func escapedHTMLNumericReferenceToAC1Control(shape: FeedShape) throws {
        // `&#146;` inside escaped HTML reaches libxml2's HTML parser, which yields U+0092.
        let doc = try shape.parse(html: "<p>don&#146;t &#x80;5</p>")
        #expect(doc.articles.first?.text == "don’t €5")
    }

    @Test func undefinedWindows1252PositionsAreDropped() throws {
        let doc = try FeedShape.rss20.parse(title: "a\u{81}b\u{8D}c\u{9D}d", html: "<p>a\u{90}b</p>")
        #expect(doc.articles.first?.title == "abcd")
        #expect(doc.articles.first?.text == "ab")
    }

    @Test func rawC1BytesInALatin1DocumentAreWindows1252() throws {
        // Bytes 0x92 declared ISO-8859-1: WHATWG reads the label as windows-1252.
        let head = #"<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><title>F</title><item><guid>g</guid><title>don"#
        let data = Data(Array(head.utf8) + [0x92] + Array("t</title></item></channel></rss>".utf8))
        #expect(try FeedParser.parse(data: data, url: nil).articles.first?.title == "don’t")
    }
}
