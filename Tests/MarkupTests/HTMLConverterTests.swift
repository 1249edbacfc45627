import Foundation
import NewsModel
import Testing
@testable import Markup

/// HTML → blocks through the real libxml2 parser.
@Suite struct HTMLConverterTests {
    let base = URL(string: "https://example.com/news/story.html")

    func texts(_ blocks: [Block]) -> [String] { blocks.map(\.plainText) }

    @Test func paragraphsAndHeadings() {
        let blocks = HTMLConverter.blocks(fromHTML: "<h1>Top</h1><p>One</p><h3>Sub</h3><p>Two</p><h6>Tiny</h6>")
        #expect(blocks == [
            Block(.heading(level: 1), text: "Top"), Block(.paragraph, text: "One"),
            Block(.heading(level: 3), text: "Sub"), Block(.paragraph, text: "Two"),
            Block(.heading(level: 6), text: "Tiny"),
        ])
    }

    @Test func whitespaceCollapsesLikeABrowser() {
        let blocks = HTMLConverter.blocks(fromHTML: "<p>\n   Hello,\n\t  <b>big</b>   <i> wide </i>\n world!  </p>")
        #expect(texts(blocks) == ["Hello, big wide world!"])
        #expect(blocks[0].runs == [
            InlineRun("Hello, "), InlineRun("big", emphasis: .bold), InlineRun(" "),
            InlineRun("wide ", emphasis: .italic), InlineRun("world!"),
        ])
    }

    @Test func inlineEmphasisAndCode() {
        let blocks = HTMLConverter.blocks(fromHTML: "<p><em>a</em> <strong>b</strong> <code>c()</code> <b><i>d</i></b></p>")
        let runs = blocks[0].runs.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(runs.map(\.text) == ["a", "b", "c()", "d"])
        #expect(runs.map(\.emphasis) == [.italic, .bold, .code, [.bold, .italic]])
    }

    @Test func linksAreResolvedAgainstTheBase() {
        let html = #"<p>See <a href="/about">about</a>, <a href="other.html#x">other</a>, <a href="https://b.org/">b</a>, <a href="javascript:alert(1)">js</a>.</p>"#
        let runs = HTMLConverter.blocks(fromHTML: html, baseURL: base)[0].runs
        let links = runs.compactMap { run in run.link.map { (run.text, $0) } }
        #expect(links.map(\.0) == ["about", "other", "b"])
        #expect(links.map(\.1) == ["https://example.com/about", "https://example.com/news/other.html#x", "https://b.org/"])
        #expect(runs.map(\.text).joined() == "See about, other, b, js.")
    }

    @Test func baseElementChangesResolution() {
        let html = #"<html><head><base href="https://cdn.example.net/a/"></head><body><p><a href="b">x</a></p></body></html>"#
        let run = HTMLConverter.blocks(fromHTML: html, baseURL: base)[0].runs.first { $0.link != nil }
        #expect(run?.link == "https://cdn.example.net/a/b")
    }

    @Test func nestedListsWithDepthAndNumbering() {
        let html = """
            <ul><li>Fruit<ul><li>Apple</li><li>Pear<ol><li>Conference</li><li>Comice</li></ol></li></ul></li>
            <li>Veg</li></ul>
            <ol start="3"><li>three</li><li>four</li></ol>
            <ol type="a"><li>x</li><li>y</li></ol>
            <ol type="I" reversed><li>p</li><li>q</li></ol>
            """
        let blocks = HTMLConverter.blocks(fromHTML: html)
        #expect(blocks == [
            Block(.listItem(depth: 1, marker: "•"), text: "Fruit"),
            Block(.listItem(depth: 2, marker: "◦"), text: "Apple"),
            Block(.listItem(depth: 2, marker: "◦"), text: "Pear"),
            Block(.listItem(depth: 3, marker: "1."), text: "Conference"),
            Block(.listItem(depth: 3, marker: "2."), text: "Comice"),
            Block(.listItem(depth: 1, marker: "•"), text: "Veg"),
            Block(.listItem(depth: 1, marker: "3."), text: "three"),
            Block(.listItem(depth: 1, marker: "4."), text: "four"),
            Block(.listItem(depth: 1, marker: "a."), text: "x"),
            Block(.listItem(depth: 1, marker: "b."), text: "y"),
            Block(.listItem(depth: 1, marker: "II."), text: "p"),
            Block(.listItem(depth: 1, marker: "I."), text: "q"),
        ])
    }

    @Test func hostileListNumbersDoNotOverflow() {
        let blocks = HTMLConverter.blocks(fromHTML: #"<ol start="9223372036854775807"><li>a</li><li value="-9223372036854775808">b</li><li>c</li></ol>"#)
        #expect(blocks.map(\.plainText) == ["a", "b", "c"])
    }

    @Test func concurrentConversionsAgree() async {
        let html = #"<h2>T</h2><p>x <a href="y">y</a></p><ul><li>a<ol><li>b</li></ol></li></ul><table><tr><td>1</td><td>2</td></tr></table>"#
        let expected = HTMLConverter.blocks(fromHTML: html, baseURL: base)
        let results = await withTaskGroup(of: [Block].self) { group in
            for _ in 0..<200 { group.addTask { HTMLConverter.blocks(fromHTML: html, baseURL: URL(string: "https://example.com/news/story.html")) } }
            var all: [[Block]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func listItemWithParagraphsContinuesWithoutMarker() {
        let blocks = HTMLConverter.blocks(fromHTML: "<ul><li><p>first</p><p>second</p></li></ul>")
        #expect(blocks == [
            Block(.listItem(depth: 1, marker: "•"), text: "first"),
            Block(.listItem(depth: 1, marker: ""), text: "second"),
        ])
    }

    @Test func nestedBlockquotes() {
        let blocks = HTMLConverter.blocks(fromHTML: "<blockquote><p>outer</p><blockquote>inner</blockquote>after</blockquote><p>out</p>")
        #expect(blocks == [
            Block(.quote(depth: 1), text: "outer"), Block(.quote(depth: 2), text: "inner"),
            Block(.quote(depth: 1), text: "after"), Block(.paragraph, text: "out"),
        ])
    }

    @Test func preKeepsLineBreaksAndSpaces() {
        let html = "<pre>\nfunc f() {\n    return  1\n}\n</pre><p>after</p><pre><code>a &lt; b\r\n  c</code></pre>"
        let blocks = HTMLConverter.blocks(fromHTML: html)
        #expect(blocks == [
            Block(.preformatted, text: "func f() {\n    return  1\n}"),
            Block(.paragraph, text: "after"),
            Block(.preformatted, text: "a < b\n  c"),
        ])
    }

    @Test func tabsInPreBecomeSpaces() {
        #expect(HTMLConverter.blocks(fromHTML: "<pre>\tx\nab\ty\n<b>é</b>\tz</pre>") == [
            Block(.preformatted, [InlineRun("    x\nab  y\n"), InlineRun("é", emphasis: .bold), InlineRun("   z")]),
        ])
    }

    @Test func lineBreaksInsideAParagraph() {
        let blocks = HTMLConverter.blocks(fromHTML: "<p><br>Line one<br>\n  Line two <br/></p>")
        #expect(texts(blocks) == ["Line one\nLine two"])
    }

    @Test func imagesFiguresAndCaptions() {
        let html = #"<figure><img src="a.png" alt=" A  crater "><figcaption>The rim</figcaption></figure><p>x <img src="b.png"> y</p>"#
        #expect(texts(HTMLConverter.blocks(fromHTML: html)) == ["[image: A crater]", "The rim", "x [image] y"])
    }

    @Test func trackingPixelsAreNotImages() {
        let html = #"<p>Read on<img src="https://t.example/p.gif" width="1" height="1" alt=""><img src="x.png" width="1px" height="1px"></p><p><img src="big.png" width="10" alt="chart"></p>"#
        #expect(HTMLConverter.blocks(fromHTML: html).map(\.plainText) == ["Read on", "[image: chart]"])
    }

    @Test func simpleTablesOneLinePerRow() {
        let html = """
            <table><caption>Scores</caption><thead><tr><th>Team</th><th>Pts</th></tr></thead>
            <tbody><tr><td>Red</td><td> 3 </td></tr><tr><td><p>Blue</p></td><td>1<br>(late)</td></tr></tbody></table>
            """
        let blocks = HTMLConverter.blocks(fromHTML: html)
        #expect(texts(blocks) == ["Scores", "Team │ Pts", "Red │ 3", "Blue │ 1 (late)"])
        #expect(blocks[1].runs.first?.emphasis == .bold)
    }

    @Test func ruleAndTransparentContainers() {
        let blocks = HTMLConverter.blocks(fromHTML: "<div><section><article><span>one</span></article></section></div><hr><div>two</div>")
        #expect(blocks == [Block(.paragraph, text: "one"), Block(.rule, []), Block(.paragraph, text: "two")])
    }

    @Test func looseTextInBodyAndDivBecomesParagraphs() {
        let blocks = HTMLConverter.blocks(fromHTML: "loose text<div>in div<p>para</p>tail</div>end")
        #expect(texts(blocks) == ["loose text", "in div", "para", "tail", "end"])
    }

    @Test func scriptStyleAndFriendsAreDropped() {
        let html = """
            <p>keep</p><script>alert("x")</script><style>p{color:red}</style><noscript>enable js</noscript>
            <iframe src="x">frame</iframe><form><input value="v"><button>Go</button></form><p>also <script>evil()</script>kept</p>
            """
        #expect(texts(HTMLConverter.blocks(fromHTML: html)) == ["keep", "also kept"])
    }

    @Test func entitiesAreDecoded() {
        let blocks = HTMLConverter.blocks(fromHTML: "<p>caf&eacute; &amp; cr&egrave;me&nbsp;br&ucirc;l&eacute;e &mdash; &#8220;ok&#x201D; &lt;tag&gt;</p>")
        #expect(texts(blocks) == ["café & crème\u{00A0}brûlée — “ok” <tag>"])
    }

    @Test func plainTextFastPathMatchesParser() {
        let text = "  just\n some   text  "
        #expect(HTMLConverter.blocks(fromHTML: text) == [Block(.paragraph, text: "just some text")])
        #expect(HTMLConverter.blocks(fromHTML: "") == [])
        #expect(HTMLConverter.blocks(fromHTML: "   \n ") == [])
    }

    @Test func brokenHTMLIsRecovered() {
        let blocks = HTMLConverter.blocks(fromHTML: "<p>unclosed <b>bold<p>next</i> para<ul><li>a<li>b</ul></div></span>")
        #expect(texts(blocks).first == "unclosed bold")
        #expect(texts(blocks).contains("a"))
        #expect(texts(blocks).contains("b"))
    }

    @Test func rubyAnnotationsAreDropped() {
        #expect(texts(HTMLConverter.blocks(fromHTML: "<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>です</p>")) == ["漢字です"])
    }

    @Test func documentTitleAndMetadata() {
        let html = """
            <!DOCTYPE html><html lang="en"><head><title> Lunar  lander </title>
            <meta name="keywords" content="Space, Robotics ,, Science">
            <meta property="article:tag" content="Moon"><meta property="article:tag" content="Space">
            <meta name="author" content="Ada Lovelace"><meta name="description" content="A lander.">
            <meta property="article:section" content="SCIENCE &gt; Space">
            <meta property="article:published_time" content="2024-05-01T10:30:00+02:00">
            <link rel="canonical" href="/science/lander"></head>
            <body><h1>Lunar lander</h1><p>Body.</p></body></html>
            """
        let document = HTMLConverter.document(fromHTML: html, baseURL: base)
        #expect(document.title == "Lunar lander")
        #expect(document.tags == ["Space", "Robotics", "Science", "Moon"])
        #expect(document.author == "Ada Lovelace")
        #expect(document.description == "A lander.")
        #expect(document.canonicalLink == "https://example.com/science/lander")
        #expect(document.language == "en")
        #expect(document.section == ["SCIENCE", "Space"])
        #expect(document.published == Date(timeIntervalSince1970: 1_714_552_200))
        // The <h1> repeating the <title> is not shown twice.
        #expect(document.blocks == [Block(.paragraph, text: "Body.")])
    }

    @Test func firstH1IsTheTitleWhenThereIsNoTitleElement() {
        let document = HTMLConverter.document(fromHTML: "<body><h1>The <em>real</em> title</h1><p>Text</p><h1>Second</h1></body>")
        #expect(document.title == "The real title")
        #expect(document.blocks == [Block(.paragraph, text: "Text"), Block(.heading(level: 1), text: "Second")])
    }

    @Test func titleDifferentFromH1KeepsTheH1() {
        let document = HTMLConverter.document(fromHTML: "<title>Site | Story</title><h1>Story</h1><p>x</p>")
        #expect(document.title == "Site | Story")
        #expect(document.blocks.first == Block(.heading(level: 1), text: "Story"))
    }

    @Test func declaredCharsetDoesNotCorruptUTF8Input() {
        let html = #"<html><head><meta charset="iso-8859-1"></head><body><p>café 日本</p></body></html>"#
        #expect(texts(HTMLConverter.blocks(fromHTML: html)) == ["café 日本"])
    }

    @Test func tenThousandItemsAreFast() {
        let item = """
            <p>Some <b>bold</b> text with a <a href="/x">link</a> &amp; an entity.</p>
            <ul><li>one</li><li>two <em>three</em></li></ul><blockquote>quoted</blockquote>
            """
        let clock = ContinuousClock()
        var total = 0
        let elapsed = clock.measure {
            for _ in 0..<10_000 { total += HTMLConverter.blocks(fromHTML: item, baseURL: base).count }
        }
        #expect(total == 40_000)
        // Generous even for a debug build on a loaded machine; release is far faster.
        #expect(elapsed < .seconds(20))
        print("10,000 feed items through HTMLConverter: \(elapsed)")
    }

    @Test func longDocumentIsLinear() {
        let paragraph = "<p>" + String(repeating: "word <i>it</i> ", count: 50) + "</p>"
        let html = String(repeating: paragraph, count: 2_000)
        let clock = ContinuousClock()
        var blocks: [Block] = []
        let elapsed = clock.measure { blocks = HTMLConverter.blocks(fromHTML: html) }
        #expect(blocks.count == 2_000)
        #expect(elapsed < .seconds(10))
    }
}

/// Hostile HTML: nesting beyond libxml2's limit and odd markup never crash.
@Suite struct HTMLHostileInputTests {
    @Test func deepNestingIsBoundedAndDoesNotCrash() {
        for depth in [100, 250, 5_000] {
            let html = String(repeating: "<blockquote>", count: depth) + "deep" + String(repeating: "</blockquote>", count: depth)
            let blocks = HTMLConverter.blocks(fromHTML: html)
            // libxml2 refuses documents nested deeper than 256; shallower ones keep their text.
            if depth < 256 { #expect(blocks.map(\.plainText) == ["deep"]) }
            for block in blocks {
                if case .quote(let level) = block.kind { #expect(level <= HTMLBlockBuilder.maxDepth) }
            }
        }
    }

    @Test func lineBreakInsidePre() {
        #expect(HTMLConverter.blocks(fromHTML: "<pre>a<br>b</pre>") == [Block(.preformatted, text: "a\nb")])
    }
}
