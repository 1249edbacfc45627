import Foundation
import NewsModel
import Testing
@testable import Markup

/// Void and replaced elements (HTML §13.1.2, §4.8): nothing after them may be lost, whatever
/// libxml2's HTML 4 parser nests under them.
@Suite struct VoidElementTests {
    func texts(_ html: String) -> [String] { HTMLConverter.blocks(fromHTML: html).map(\.plainText) }

    @Test(arguments: [
        #"<embed src="a.swf">"#, #"<embed src="a.swf"/>"#, #"<embed src="a.swf"></embed>"#,
        #"<object data="a.swf"><param name="movie" value="a.swf">"#,
        #"<object data="a.swf"><param name="movie" value="a.swf"></object>"#,
        #"<object><param name="a" value="b"><embed src="a.swf"></object>"#,
        #"<applet code="A.class">"#, #"<frame src="f.html">"#, #"<link rel="stylesheet" href="s.css">"#,
        #"<meta name="x" content="y">"#, #"<source src="v.mp4">"#, #"<track src="t.vtt">"#, #"<wbr>"#,
        #"<keygen name="k">"#, #"<base href="http://example.com/">"#,
    ])
    func paragraphsAfterTheElementSurvive(element: String) {
        #expect(texts("<p>Before.</p>" + element + "<p>After.</p><p>Last.</p>") == ["Before.", "After.", "Last."])
    }

    @Test func inlineTextAfterAnUnclosedEmbedStaysInItsParagraph() {
        #expect(texts(#"<p>Watch <embed src="v.swf"> this clip.</p><p>Next.</p>"#) == ["Watch this clip.", "Next."])
    }

    @Test func textAfterEmbedAtTheStartOfAFragment() {
        #expect(texts(#"<embed src="v.swf">Text after<p>More</p>"#) == ["Text after", "More"])
    }

    @Test func embedInsideADivKeepsTheRestOfTheDivAndWhatFollows() {
        #expect(texts(#"<div><embed src=x><p>After</p></div><p>Out</p>"#) == ["After", "Out"])
    }

    @Test func objectFallbackContentIsShown() {
        // A terminal renders no plugin, so the object "represents its children".
        #expect(texts(#"<object data="a.swf"><param name="a" value="b">Flash clip</object><p>After</p>"#)
                == ["Flash clip", "After"])
    }

    @Test func wbrDoesNotSplitAWord() {
        #expect(texts("<p>super<wbr>cali<wbr>fragilistic</p><p>Z</p>") == ["supercalifragilistic", "Z"])
    }

    @Test func scriptAndIframeContentsStayDropped() {
        #expect(texts("<p>A</p><script>var x = 1;</script><iframe src=x>frame text</iframe><p>B</p>") == ["A", "B"])
    }

    @Test func documentModeKeepsTheTitleAndTheBodyAfterAnEmbed() {
        let doc = HTMLConverter.document(fromHTML: """
            <html><head><title>T</title><meta name="keywords" content="a, b"></head>
            <body><p>One.</p><embed src="x.swf"><p>Two.</p></body></html>
            """)
        #expect(doc.title == "T")
        #expect(doc.blocks.map(\.plainText) == ["One.", "Two."])
    }
}
