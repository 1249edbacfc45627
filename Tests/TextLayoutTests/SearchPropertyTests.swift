import NewsModel
import TerminalText
import TestSupport
import Testing
@testable import TextLayout

@Suite struct SearchPropertyTests {
    /// A phrase cut from the text is found the same number of times at every width, and the
    /// highlighted cells spell the phrase (a wrapped space is the only thing not drawn).
    @Test func phrasesAreFoundAtEveryWidthAndHighlightsSpellThem() {
        var rng = SeededRandom(seed: 99)
        let vocabulary = ["alpha", "beta", "gamma", "日本語", "テキスト", "café", "ÉTÉ", "👍", "x", "long-hyphenated-word",
                          "https://example.com/path/to/page", "「引用」", "。", "delta"]
        for round in 0..<150 {
            let words = (0..<Int.random(in: 5...40, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }
            let blocks = [Block(.paragraph, text: words.joined(separator: " ")),
                          Block(.quote(depth: 2), text: words.reversed().joined(separator: " "))]
            let start = Int.random(in: 0..<words.count, using: &rng)
            let length = Int.random(in: 1...min(3, words.count - start), using: &rng)
            let phrase = words[start..<start + length].joined(separator: " ")
            let reference = SearchMatcher.search(phrase, in: ArticleLayout(blocks: blocks, width: 80)).count
            #expect(reference >= 1, "round \(round): \(phrase)")
            for width in [3, 7, 12, 25, 40] {
                let layout = ArticleLayout(blocks: blocks, width: width)
                let result = SearchMatcher.search(phrase, in: layout)
                #expect(result.count == reference, "round \(round) width \(width): \(phrase)")
                for match in result.matches {
                    var shown = ""
                    for (i, segment) in match.segments.enumerated() {
                        let line = layout.lines[segment.line]
                        if i > 0 && line.join == .space { shown += " " }
                        shown += cells(line.text, segment.startColumn, segment.endColumn)
                    }
                    #expect(shown.lowercased() == phrase.lowercased(), "round \(round) width \(width): \(shown) for \(phrase)")
                    for segment in match.segments {
                        #expect(segment.startColumn < segment.endColumn)
                        #expect(segment.endColumn <= layout.lines[segment.line].width)
                    }
                }
            }
        }
    }

    func cells(_ text: String, _ start: Int, _ end: Int) -> String {
        var col = 0, out = ""
        DisplayWidth.forEachUnit(text) { unit in
            if col >= start && col + unit.width <= end { out += unit.text }
            col += unit.width
        }
        return out
    }
}

