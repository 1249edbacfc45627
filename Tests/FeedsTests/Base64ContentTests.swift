import Foundation
import NewsModel
import Testing
@testable import Feeds

/// RFC 4287 §4.1.3.3: Atom 1.0 content whose type is neither text/* nor XML is base64.
@Suite struct Base64ContentTests {
    let url = URL(string: "http://b64.example.com/feed")
    let encoded = Data("Example <b>Atom</b> text".utf8).base64EncodedString()

    func entry(_ children: String) throws -> Article {
        let xml = #"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>e</id>\#(children)</entry></feed>"#
        return try #require(try FeedParser.parse(data: Data(xml.utf8), url: url).articles.first)
    }

    @Test(arguments: ["application/octet-stream", "application/x-custom", "image/png; x=y"])
    func contentIsDecoded(type: String) throws {
        let wrapped = stride(from: 0, to: encoded.count, by: 8).map { i -> String in
            let start = encoded.index(encoded.startIndex, offsetBy: i)
            return String(encoded[start..<encoded.index(start, offsetBy: min(8, encoded.count - i))])
        }.joined(separator: "\n  ")  // base64 is often wrapped
        let article = try entry(#"<title>t</title><content type="\#(type)">\#(wrapped)</content>"#)
        #expect(article.text == "Example <b>Atom</b> text")  // the decoded text, shown as text
    }

    @Test func titleAndSummaryConstructsAreDecodedToo() throws {
        let title = Data("Decoded title".utf8).base64EncodedString()
        let article = try entry(#"<title type="application/octet-stream">\#(title)</title><summary type="application/octet-stream">\#(encoded)</summary>"#)
        #expect(article.title == "Decoded title")
        #expect(article.summary == "Example <b>Atom</b> text")
    }

    @Test func missingPaddingIsTolerated() throws {
        let unpadded = Data("ab".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
        #expect(try entry(#"<title>t</title><content type="application/octet-stream">\#(unpadded)</content>"#).text == "ab")
    }

    @Test(arguments: ["text", "html", "text/plain", "application/xml", "application/atom+xml"])
    func textAndXMLTypesAreNotBase64(type: String) throws {
        let article = try entry(#"<title>t</title><content type="\#(type)">\#(encoded)</content>"#)
        #expect(article.text == encoded)
    }

    @Test func binaryContentShowsNothingRatherThanGarbage() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xFE]).base64EncodedString()
        let article = try entry(#"<title>t</title><content type="image/png">\#(png)</content>"#)
        #expect(article.text == "")
    }

    @Test func atom03Base64ModeStillWorks() throws {
        let xml = #"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>F</title><entry><id>e</id><title>t</title>"#
            + #"<content type="text/html" mode="base64">\#(Data("<p>Hi <b>there</b></p>".utf8).base64EncodedString())</content></entry></feed>"#
        #expect(try FeedParser.parse(data: Data(xml.utf8), url: url).articles.first?.text == "Hi there")
    }
}
