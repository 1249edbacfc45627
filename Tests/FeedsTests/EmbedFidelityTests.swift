import Foundation
import NewsModel
import Testing
@testable import Feeds

/// Issue 11: an item whose HTML holds an embed/object/applet/frame/link/meta keeps every
/// paragraph after it, in every feed format.
@Suite struct EmbedFidelityTests {
    static let bodies = [
        #"<p>Before.</p><embed src="a.swf"><p>After.</p>"#,
        #"<p>Before.</p><object data="a.swf"><param name="movie" value="a.swf"><p>After.</p>"#,
        #"<p>Before.</p><applet code="A.class"><p>After.</p>"#,
        #"<p>Before.</p><frame src="f.html"><p>After.</p>"#,
        #"<p>Before.</p><link rel="stylesheet" href="s.css"><p>After.</p>"#,
        #"<p>Before.</p><meta http-equiv="refresh" content="0"><p>After.</p>"#,
    ]

    @Test(arguments: FeedShape.allCases, bodies)
    func textAfterTheElementIsKept(shape: FeedShape, html: String) throws {
        let doc = try shape.parse(html: html)
        let article = try #require(doc.articles.first)
        #expect(article.body.map(\.plainText) == ["Before.", "After."])
        #expect(article.text.contains("After."))
    }

    /// Raw (unescaped) XHTML in Atom 1.0 `type="xhtml"` and in an RSS description.
    @Test func xhtmlEmbedInAtomAndRawMarkupInRSS() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>e</id><title>t</title>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Before.</p>
            <embed src="a.swf"/><object data="b.swf"><param name="a" value="b"/></object><p>After.</p></div></content>
            </entry></feed>
            """
        let rss = """
            <rss version="2.0"><channel><title>F</title><item><guid>g</guid><title>t</title>
            <description><p>Before.</p><embed src="a.swf"/><p>After.</p></description></item></channel></rss>
            """
        for xml in [atom, rss] {
            let doc = try FeedParser.parse(data: Data(xml.utf8), url: URL(string: "http://example.com/f"))
            #expect(doc.articles.first?.body.map(\.plainText) == ["Before.", "After."])
        }
    }
}
