import Foundation
import NewsModel
import Testing
@testable import Feeds

/// Issue 11: comments, `<blink>`, `<script>` and event attributes inside titles and subtitles
/// never show as text; the text of the elements stays.
@Suite struct TitleMarkupTests {
    let url = URL(string: "http://markup.example.com/feed")

    func parse(_ xml: String) throws -> ParsedDocument {
        try FeedParser.parse(data: Data(xml.utf8), url: url)
    }

    /// Title element content as written in the XML (escaped or raw).
    static let titles: [(written: String, expected: String)] = [
        ("Foo <!-- a comment --> bar", "Foo bar"),
        ("Foo &lt;!-- an escaped comment --&gt; bar", "Foo bar"),
        ("<![CDATA[Foo <!-- in CDATA --> bar]]>", "Foo bar"),
        ("Safe &lt;!-- unclosed comment", "Safe"),
        ("&lt;blink&gt;Blinking&lt;/blink&gt; title", "Blinking title"),
        ("&lt;script&gt;alert('x')&lt;/script&gt;Scripted", "Scripted"),
        (#"&lt;a href="x" onclick="alert(1)" onmouseover="steal()"&gt;Click&lt;/a&gt; here"#, "Click here"),
        (#"<![CDATA[<b onload="x()">Bold</b> <script>var a;</script>end]]>"#, "Bold end"),
        ("Second &lt;post&gt; and x &lt; y", "Second <post> and x < y"),
    ]

    @Test(arguments: [FeedShape.rss091, .rss20, .rdf])
    func rssTitlesDropMarkup(shape: FeedShape) throws {
        for (written, expected) in Self.titles {
            let doc = try parse(shape.document(title: written, html: "<p>x</p>"))
            #expect(doc.articles.first?.title == expected, "\(written) in \(shape)")
        }
    }

    /// A raw comment that is never closed ends at the next tag instead of swallowing the rest
    /// of the document: the title keeps its text and the item keeps its body.
    @Test(arguments: [FeedShape.rss091, .rss20, .rdf, .atom03, .atom10])
    func rawUnclosedCommentInATitleKeepsTheRest(shape: FeedShape) throws {
        let doc = try parse(shape.document(title: "Foo <!-- never closed", html: "<p>Body after</p>"))
        let article = try #require(doc.articles.first, "\(shape)")
        #expect(article.title == "Foo", "\(shape)")
        #expect(article.text.contains("Body after"), "\(shape): \(article.text)")
    }

    @Test(arguments: [FeedShape.atom03, .atom10])
    func atomHTMLTitlesDropMarkup(shape: FeedShape) throws {
        for (written, expected) in Self.titles where !written.contains("Second") {
            let xml = shape.document(title: written, html: "<p>x</p>")
                .replacingOccurrences(of: "<entry><title>", with: #"<entry><title type="\#(shape == .atom03 ? "text/html" : "html")" mode="escaped">"#)
            let doc = try parse(shape == .atom10 ? xml.replacingOccurrences(of: #" mode="escaped""#, with: "") : xml)
            #expect(doc.articles.first?.title == expected, "\(written) in \(shape)")
        }
    }

    @Test func atomTextTitleIsLiteral() throws {
        // RFC 4287 §3.1.1.1: type="text" holds no markup, so "<b>" is what the author wrote.
        let doc = try parse(FeedShape.atom10.document(title: "Use &lt;b&gt; for bold", html: "x"))
        #expect(doc.articles.first?.title == "Use <b> for bold")
    }

    @Test func rawXHTMLElementsInsideAnRSSTitle() throws {
        let doc = try parse(FeedShape.rss20.document(title: "<b>Bold</b> <script>evil()</script>text <blink>now</blink>", html: "x"))
        #expect(doc.articles.first?.title == "Bold text now")
    }

    @Test func subtitlesAndChannelTitlesDropMarkup() throws {
        let atom = #"<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;blink&gt;Feed&lt;/blink&gt;</title>"#
            + #"<subtitle type="html">&lt;script&gt;x()&lt;/script&gt;About &lt;!-- c --&gt;us</subtitle>"#
            + #"<entry><id>e</id><title>t</title></entry></feed>"#
        let doc = try parse(atom)
        #expect(doc.feed?.title == "Feed")
        #expect(doc.feed?.description == "About us")
        let xhtml = #"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><subtitle type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">"#
            + #"<script>x()</script><span onclick="y()">About</span> us</div></subtitle></feed>"#
        #expect(try parse(xhtml).feed?.description == "About us")
        let rss = #"<rss version="2.0"><channel><title>&lt;blink&gt;RSS&lt;/blink&gt; &lt;!-- x --&gt;feed</title>"#
            + #"<description>&lt;script&gt;x()&lt;/script&gt;About</description></channel></rss>"#
        let rssDoc = try parse(rss)
        #expect(rssDoc.feed?.title == "RSS feed")
        #expect(rssDoc.feed?.description == "About")
    }

    @Test func looksLikeHTML() {
        #expect(HTMLText.looksLikeHTML("a <b>b</b>"))
        #expect(HTMLText.looksLikeHTML("a <!-- x"))
        #expect(HTMLText.looksLikeHTML("</blink>"))
        #expect(!HTMLText.looksLikeHTML("x < y and y > z"))
        #expect(!HTMLText.looksLikeHTML("Use <vector> in C++"))
        #expect(!HTMLText.looksLikeHTML("<"))
    }
}

/// Whitespace between inline elements of raw XHTML is text, not ignorable markup whitespace.
@Suite struct XHTMLWhitespaceTests {
    @Test func spaceBetweenInlineElementsSurvives() throws {
        let xml = #"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>e</id><title>t</title>"#
            + #"<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p><b>Hello</b> <i>world</i></p></div></content></entry></feed>"#
        let doc = try FeedParser.parse(data: Data(xml.utf8), url: nil)
        #expect(doc.articles.first?.text == "Hello world")
    }
}
