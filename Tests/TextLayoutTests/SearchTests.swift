import NewsModel
import TerminalText
import Testing
@testable import TextLayout

@Suite struct SearchTests {
    func texts(_ layout: ArticleLayout, _ result: SearchResult) -> [String] {
        result.matches.map { match in
            match.segments.map { segment in
                let line = layout.lines[segment.line]
                return columns(line.text, segment.startColumn, segment.endColumn)
            }.joined(separator: "|")
        }
    }

    /// The text shown in columns `start..<end` of a line.
    func columns(_ text: String, _ start: Int, _ end: Int) -> String {
        var col = 0, out = ""
        DisplayWidth.forEachUnit(text) { unit in
            if col >= start && col + unit.width <= end { out += unit.text }
            col += unit.width
        }
        return out
    }

    @Test func smartcase() {
        let layout = ArticleLayout(blocks: [Block(.paragraph, text: "Swift and swift and SWIFT.")], width: 80)
        #expect(SearchMatcher.search("swift", in: layout).count == 3)
        #expect(!SearchMatcher.isCaseSensitive("swift"))
        let exact = SearchMatcher.search("Swift", in: layout)
        #expect(exact.isCaseSensitive)
        #expect(exact.count == 1)
        #expect(exact.matches[0].segments == [HighlightSegment(line: 0, startColumn: 0, endColumn: 5)])
        #expect(SearchMatcher.search("SWIFT", in: layout).matches.map(\.segments) ==
                [[HighlightSegment(line: 0, startColumn: 20, endColumn: 25)]])
    }

    @Test func matchesAcrossAWrapHaveASegmentOnEachLine() {
        let layout = ArticleLayout(blocks: SampleArticle.blocks, width: 40)
        // "newsboat manual" wraps after "newsboat" at 40 columns.
        let result = SearchMatcher.search("newsboat manual", in: layout)
        #expect(result.count == 1)
        #expect(texts(layout, result) == ["newsboat|manual"])
        #expect(result.matches[0].segments.count == 2)
        #expect(result.matches[0].lastLine == result.matches[0].line + 1)
        // A URL broken at the edge is still found whole.
        let url = SearchMatcher.search("long/path/that", in: layout)
        #expect(layout.textLines[23] == "A long URL: https://example.com/a/very/l")
        #expect(texts(layout, url) == ["l|ong/path/that", "long/path|/that"])
    }

    @Test func japaneseAcrossLinesAndAfterResize() {
        let blocks = [Block(.paragraph, text: "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。")]
        let narrow = ArticleLayout(blocks: blocks, width: 10)
        let result = SearchMatcher.search("名前はまだ無い", in: narrow)
        #expect(result.count == 1)
        // Lines: 吾輩は猫で / ある。名前 / はまだ無 / い。どこで (kinsoku keeps "。" off a line start).
        #expect(narrow.textLines.prefix(4) == ["吾輩は猫で", "ある。名前", "はまだ無", "い。どこで"])
        #expect(texts(narrow, result) == ["名前|はまだ無|い"])
        #expect(result.matches[0].segments == [
            HighlightSegment(line: 1, startColumn: 6, endColumn: 10),
            HighlightSegment(line: 2, startColumn: 0, endColumn: 8),
            HighlightSegment(line: 3, startColumn: 0, endColumn: 2),
        ])
        let wide = ArticleLayout(blocks: blocks, width: 80)
        #expect(texts(wide, SearchMatcher.search("名前はまだ無い", in: wide)) == ["名前はまだ無い"])
    }

    /// (Preformatted text clipped at the edge is not searchable, so queries avoid it.)
    @Test func sameMatchesAtEveryWidth() {
        for query in ["wrap", "text", "日本", "[1]", "quote", "print(", "q"] {
            let counts = [24, 40, 63, 80, 120].map {
                SearchMatcher.search(query, in: ArticleLayout(blocks: SampleArticle.blocks, width: $0)).count
            }
            #expect(Set(counts).count == 1, "\(query): \(counts)")
            #expect(counts[0] > 0, "\(query)")
        }
    }

    @Test func caseFoldingOnlyNoAccentStripping() {
        let layout = ArticleLayout(blocks: [Block(.paragraph, text: "ÉCOLE école ecole Straße")], width: 80)
        #expect(SearchMatcher.search("école", in: layout).count == 2)
        #expect(SearchMatcher.search("ecole", in: layout).count == 1)   // plain e never matches é
        #expect(SearchMatcher.search("straße", in: layout).count == 1)
        // A decomposed é is one unit: "e" alone does not match half of it.
        let decomposed = ArticleLayout(blocks: [Block(.paragraph, text: "e\u{301}t\u{E9}")], width: 80)
        #expect(SearchMatcher.search("e", in: decomposed).isEmpty)
        #expect(SearchMatcher.search("t", in: decomposed).count == 1)
    }

    @Test func noMatchesAndEmptyQueries() {
        let layout = ArticleLayout(blocks: SampleArticle.blocks, width: 80)
        let none = SearchMatcher.search("zebra", in: layout)
        #expect(none.isEmpty)
        #expect(none.step(from: nil, line: 0, direction: .forward) == nil)
        #expect(SearchMatcher.search("", in: layout).isEmpty)
        // Decoration is not text: quote bars and rules are never matched.
        #expect(SearchMatcher.search("│", in: layout).isEmpty)
        #expect(SearchMatcher.search("─", in: layout).isEmpty)
    }

    @Test func stepsWrapAroundAndSayso() {
        let blocks = (0..<5).map { Block(.paragraph, text: "match number \($0)") }
        let layout = ArticleLayout(blocks: blocks, width: 80)   // matches on lines 0, 2, 4, 6, 8
        let result = SearchMatcher.search("match", in: layout)
        #expect(result.matches.map(\.line) == [0, 2, 4, 6, 8])
        #expect(result.step(from: nil, line: 3, direction: .forward) == SearchStep(index: 2, wrapped: false))
        #expect(result.step(from: nil, line: 9, direction: .forward) == SearchStep(index: 0, wrapped: true))
        #expect(result.step(from: nil, line: 3, direction: .backward) == SearchStep(index: 1, wrapped: false))
        #expect(result.step(from: nil, line: 0, direction: .backward) == SearchStep(index: 4, wrapped: true))
        #expect(result.step(from: 4, line: 0, direction: .forward) == SearchStep(index: 0, wrapped: true))
        #expect(result.step(from: 0, line: 0, direction: .backward) == SearchStep(index: 4, wrapped: true))
        #expect(result.step(from: 1, line: 0, direction: .forward) == SearchStep(index: 2, wrapped: false))
        #expect(result.highlights(onLine: 4) == [LineHighlight(startColumn: 0, endColumn: 5, matchIndex: 2)])
        #expect(result.highlights(onLine: 5).isEmpty)
    }
}
