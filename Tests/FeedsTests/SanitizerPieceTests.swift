import Foundation
import Testing
@testable import Feeds

/// A refresh sanitises a feed a piece at a time straight into libxml2: the pieces must add up
/// to exactly the whole-document output whatever their size, and a refusal part-way through
/// must still come out as the error.
@Suite struct SanitizerPieceTests {
    static let documents: [String] = [
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE rss [<!ENTITY co \"Company and Co\">]>"
            + "<rss><channel><title>&co; &nbsp;&hellip; &#0; &#146; a & b</title>"
            + "<item><description><![CDATA[<p>raw \u{1} &amp; text</p>]]></description><!-- a comment -->"
            + "<?pi data?><title>caf\u{E9} \u{FFFE} 日本語</title></item></channel></rss>",
        String(repeating: "<item><title>plain run without anything to fix</title></item>\n", count: 300),
        "<rss><channel><title>never closed comment <!-- x</title><item><title>after</title></item></channel></rss>",
        "<rss>" + String(repeating: "&amp;&lt;&gt;&quot;&apos;&copy;&#x1F600;", count: 200) + "</rss>",
    ]

    @Test(arguments: [1, 2, 5, 64, 4_096, 65_536])
    func piecesAddUpToTheWholeOutput(piece: Int) throws {
        for document in Self.documents {
            let input = Array(document.utf8)
            let whole = try XMLSanitizer.sanitize(input)
            var joined: [UInt8] = []
            var pieces = 0
            try input.withUnsafeBufferPointer { buf in
                try XMLSanitizer.sanitize(buf, piece: piece) { chunk in
                    joined.append(contentsOf: chunk)
                    pieces += 1
                    return true
                }
            }
            #expect(joined == whole, "piece \(piece): \(String(decoding: joined.prefix(200), as: UTF8.self))")
            // A long run with nothing to fix goes out whole, straight from the input.
            if piece <= 64, document.contains("&"), whole.count > 4 * piece { #expect(pieces > 1) }
        }
    }

    @Test func theReceiverCanStopIt() throws {
        let input = Array(Self.documents[3].utf8)
        var received = 0
        try input.withUnsafeBufferPointer { buf in
            try XMLSanitizer.sanitize(buf, piece: 100) { chunk in
                received += chunk.count
                return false
            }
        }
        #expect(received > 0 && received < input.count)
    }

    /// An entity bomb after a long, harmless start: the refusal comes out of the streamed parse
    /// as the error it is, after libxml2 has already seen the first pieces.
    @Test func aRefusalPartWayThroughIsTheError() throws {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \""
            + String(repeating: "x", count: 5_000) + "\">]><rss version=\"2.0\"><channel><title>T</title>"
        for i in 0..<500 { xml += "<item><guid>\(i)</guid><title>item \(i)</title></item>" }
        xml += "<item><title>" + String(repeating: "&big;", count: 2_000) + "</title></item></channel></rss>"
        #expect(throws: FeedParserError.entityExpansion) {
            _ = try FeedParser.parse(data: Data(xml.utf8), url: URL(string: "https://bomb.example/feed"))
        }
    }
}
