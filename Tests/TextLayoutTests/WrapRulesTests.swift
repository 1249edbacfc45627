import NewsModel
import TerminalText
import TestSupport
import Testing
@testable import TextLayout

@Suite struct WrapRulesTests {
    func lines(_ blocks: [Block], width: Int, options: LayoutOptions = LayoutOptions()) -> [String] {
        ArticleLayout(blocks: blocks, width: width, options: options).textLines
    }

    @Test func spansCarrySemanticRoles() {
        let layout = ArticleLayout(blocks: SampleArticle.blocks, width: 80)
        let spans = layout.lines.flatMap(\.spans)
        func role(of text: String) -> TextRole? { spans.first { $0.text == text }?.role }
        #expect(role(of: "Reading in the terminal") == .heading(level: 1))
        #expect(role(of: "═══════════════════════") == .headingRule)
        #expect(role(of: "beautiful") == .emphasis)
        #expect(role(of: "wrapped well") == .strong)
        #expect(role(of: "newsboat") == .link)
        #expect(role(of: "[1]") == .linkReference)
        #expect(role(of: "swift build") == .code)
        #expect(role(of: "• ") == .listMarker)
        #expect(role(of: "│ │ ") == .quoteBar)
        #expect(role(of: "And a nested quote gets two bars.") == .quote)
        #expect(role(of: "func main() {") == .preformatted)
        #expect(role(of: "https://ratatui.rs/") == .linkURL)
        // Spans of every line are contiguous and add up to the line width.
        for line in layout.lines {
            var col = line.indent
            for span in line.spans {
                #expect(span.column == col)
                #expect(span.width == DisplayWidth.width(span.text))
                col += span.width
            }
            #expect(col == line.width)
        }
    }

    @Test func imagePlaceholdersGetTheImageRole() {
        let blocks = [Block(.paragraph, [InlineRun("See [image: a cat] and [image] here [not an image]."),
                                         InlineRun("[image: bold]", emphasis: .bold)])]
        let spans = ArticleLayout(blocks: blocks, width: 80).lines[0].spans
        #expect(spans.map(\.text) == ["See ", "[image: a cat]", " and ", "[image]", " here [not an image].", "[image: bold]"])
        #expect(spans.map(\.role) == [.body, .image, .body, .image, .body, .image])
    }

    @Test func linksAreNumberedByFirstAppearanceAndSameURLKeepsItsNumber() {
        let blocks = [
            Block(.paragraph, [InlineRun("a", link: "https://a.example/"), InlineRun(" "),
                               InlineRun("b", link: "https://b.example/"), InlineRun(" "),
                               InlineRun("again", link: "https://a.example/")]),
            Block(.paragraph, [InlineRun("bold ", emphasis: .bold, link: "https://c.example/"),
                               InlineRun("part", link: "https://c.example/")]),
        ]
        let layout = ArticleLayout(blocks: blocks, width: 60)
        #expect(layout.links == ["https://a.example/", "https://b.example/", "https://c.example/"])
        #expect(layout.textLines == [
            "a[1] b[2] again[1]",
            "",
            "bold part[3]",
            "",
            "Links",
            "─────",
            "[1] https://a.example/",
            "[2] https://b.example/",
            "[3] https://c.example/",
        ])
        let plain = ArticleLayout(blocks: blocks, width: 60, options: LayoutOptions(linkList: false))
        #expect(plain.textLines == ["a b again", "", "bold part"])
    }

    @Test func japaneseBreaksBetweenCharactersWithKinsoku() {
        // Ten columns hold five kana; "。" may not start a line, so "お" moves down with it.
        let blocks = [Block(.paragraph, text: "あいうえお。かきくけこ")]
        #expect(lines(blocks, width: 10) == ["あいうえ", "お。かきく", "けこ"])
        // An opening bracket may not end a line.
        #expect(lines([Block(.paragraph, text: "あいう「えお」")], width: 8) == ["あいう", "「えお」"])
        // Latin words next to CJK still break at spaces and CJK boundaries, never inside words.
        #expect(lines([Block(.paragraph, text: "日本語とEnglishの混在")], width: 12) == ["日本語と", "Englishの混", "在"])
    }

    @Test func hyphenatedWordsBreakAfterTheHyphenOnly() {
        #expect(lines([Block(.paragraph, text: "a very well-known fact")], width: 12) == ["a very well-", "known fact"])
        // Not after a leading minus or a double dash.
        #expect(lines([Block(.paragraph, text: "value -5 and --flag")], width: 10) == ["value -5", "and --flag"])
        #expect(lines([Block(.paragraph, text: "naïve-élan")], width: 7) == ["naïve-", "élan"])
    }

    @Test func whitespaceCollapsesAndControlsAreVisible() {
        // ("\n" is a hard line break, not whitespace: see HardBreakTests.)
        let blocks = [Block(.paragraph, text: "  one \r\t two\u{1B}[2J  three\u{202E}  ")]
        #expect(lines(blocks, width: 40) == ["one two^[[2J three"])
        // No-break space keeps its words together.
        #expect(lines([Block(.paragraph, text: "aaa bbb\u{A0}ccc")], width: 8) == ["aaa", "bbb\u{A0}ccc"])
    }

    @Test func preformattedKeepsLinesExpandsTabsAndClips() {
        let blocks = [Block(.preformatted, text: "\n\nx\ty\n\n  日本語日本語\n\n")]
        #expect(lines(blocks, width: 11) == ["x       y", "", "  日本語日"])   // no half glyph
        #expect(lines(blocks, width: 12) == ["x       y", "", "  日本語日本"])
        #expect(lines(blocks, width: 40, options: LayoutOptions(tabWidth: 4)) == ["x   y", "", "  日本語日本語"])
    }

    @Test func listsHangAndQuotesBarEveryLine() {
        let blocks = [
            Block(.paragraph, text: "Intro."),
            Block(.listItem(depth: 1, marker: "1."), text: "first item that wraps around"),
            Block(.listItem(depth: 2, marker: "a)"), text: "nested item that also wraps"),
            Block(.quote(depth: 2), text: "deep quote text that wraps"),
        ]
        #expect(lines(blocks, width: 16) == [
            "Intro.",
            "",
            "1. first item",
            "   that wraps",
            "   around",
            "  a) nested item",
            "     that also",
            "     wraps",
            "",
            "│ │ deep quote",
            "│ │ text that",
            "│ │ wraps",
        ])
    }

    @Test func tinyWidthsNeverOverflowNorCrash() {
        for width in -1...8 {
            let layout = ArticleLayout(blocks: SampleArticle.blocks, width: width)
            if width <= 0 { #expect(layout.lines.isEmpty) }
            for line in layout.lines {
                #expect(line.width <= max(0, width), "width \(width): \(line.text)")
                #expect(DisplayWidth.width(line.text) == line.width)
            }
        }
    }

    @Test func noLineIsEverWiderThanTheWidth() {
        var rng = SeededRandom(seed: 42)
        let kinds: [Block.Kind] = [.paragraph, .heading(level: 1), .heading(level: 3), .listItem(depth: 1, marker: "•"),
                                   .listItem(depth: 3, marker: "12."), .quote(depth: 1), .quote(depth: 3),
                                   .preformatted, .rule]
        for round in 0..<300 {
            var blocks: [Block] = []
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                var runs: [InlineRun] = []
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let link: String? = Bool.random(using: &rng) ? nil : "https://example.com/" + RandomText.mixed(&rng, length: 2)
                    runs.append(InlineRun(RandomText.mixed(&rng, length: Int.random(in: 0...25, using: &rng)),
                                          emphasis: .init(rawValue: UInt8.random(in: 0...7, using: &rng)), link: link))
                }
                blocks.append(Block(kinds[Int.random(in: 0..<kinds.count, using: &rng)], runs))
            }
            let width = Int.random(in: 1...130, using: &rng)
            let layout = ArticleLayout(blocks: blocks, width: width)
            for line in layout.lines {
                #expect(line.width <= layout.textWidth, "round \(round) width \(width): \(line.text.debugDescription)")
                #expect(DisplayWidth.width(line.text) == line.width, "round \(round): \(line.text.debugDescription)")
                #expect(DisplayWidth.sanitize(line.text) == line.text, "unsanitised: \(line.text.debugDescription)")
            }
        }
    }

    @Test func wrappingLosesNoText() {
        var rng = SeededRandom(seed: 3)
        for _ in 0..<300 {
            let source = RandomText.mixed(&rng, length: Int.random(in: 0...60, using: &rng))
            let width = Int.random(in: 2...100, using: &rng)
            let layout = ArticleLayout(blocks: [Block(.paragraph, text: source)], width: width)
            var joined = ""
            for line in layout.lines {
                if line.join == .space { joined += " " }
                if line.join == .lineBreak { joined += "\n" }
                joined += line.text
            }
            // Each "\n" is a hard break (none kept at either end); whitespace between collapses.
            var pieces = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { piece in
                piece.split(whereSeparator: LineBreakRules.isCollapsibleSpace)
                    .map { DisplayWidth.sanitize(String(String.UnicodeScalarView($0))) }
                    .filter { !$0.isEmpty }
                    .joined(separator: " ")
            }
            while pieces.first?.isEmpty == true { pieces.removeFirst() }
            while pieces.last?.isEmpty == true { pieces.removeLast() }
            #expect(joined == pieces.joined(separator: "\n"), "width \(width): \(source.debugDescription)")
        }
    }

    @Test func hugeAndHostileInputsStayBounded() {
        // One 40,000-character word: broken at the edge into full lines.
        let word = String(repeating: "a", count: 40_000)
        let wordLayout = ArticleLayout(blocks: [Block(.paragraph, text: word)], width: 80)
        #expect(wordLayout.lines.count == 500)
        #expect(wordLayout.lines.allSatisfy { $0.width == 80 })
        // Nothing but characters that may not start a line: kinsoku gives way to the edge.
        let dots = ArticleLayout(blocks: [Block(.paragraph, text: String(repeating: "。", count: 3_000))], width: 7)
        #expect(dots.lines.count == 1_000)
        #expect(dots.lines.allSatisfy { $0.width <= 7 })
        // Absurd nesting still leaves room for text.
        let deep = ArticleLayout(blocks: [Block(.quote(depth: 1_000), text: "deep"),
                                          Block(.listItem(depth: 1_000, marker: String(repeating: "x", count: 500)), text: "item")],
                                 width: 20)
        #expect(deep.lines.allSatisfy { $0.width <= 20 })
        #expect(deep.textLines.contains { $0.hasSuffix("deep") })
        #expect(deep.textLines.contains { $0.hasSuffix("item") })
    }
}
