import Testing
import NewsModel
@testable import TextLayout

/// A "\n" inside a run (`<br>`, a Markdown hard break) ends the line: the next one starts at
/// the same indent (hanging indent in list items, bars repeated in quotes).
@Suite struct HardBreakTests {
    func lines(_ blocks: [Block], width: Int) -> [String] {
        ArticleLayout(blocks: blocks, width: width).textLines
    }

    static let address = [Block(.paragraph, text: "Jane Doe\n12 Long Street\nSpringfield")]

    @Test func breaksEndTheLineInParagraphs() {
        #expect(lines(Self.address, width: 40) == ["Jane Doe", "12 Long Street", "Springfield"])
        // Narrow: wrapping still happens between breaks, and a long word still breaks at the edge.
        #expect(lines(Self.address, width: 8) == ["Jane Doe", "12 Long", "Street", "Springfi", "eld"])
        let layout = ArticleLayout(blocks: Self.address, width: 8)
        #expect(layout.lines.map(\.join) == [.start, .lineBreak, .space, .lineBreak, .direct])
    }

    @Test func spacesAroundBreaksAndBreaksAtTheEndsAreDropped() {
        #expect(lines([Block(.paragraph, text: "\n  one  \n  two \n\n")], width: 20) == ["one", "two"])
        // Two breaks in a row leave an empty line (still part of the paragraph, not a separator).
        let layout = ArticleLayout(blocks: [Block(.paragraph, text: "a\n\nb")], width: 20)
        #expect(layout.textLines == ["a", "", "b"])
        #expect(layout.lines[1].kind == .text)
        #expect(layout.lines[1].width == 0)
        #expect(layout.lines.map(\.offset) == [0, 2, 3])
    }

    @Test func quotesRepeatTheirBarsAfterABreak() {
        let blocks = [Block(.quote(depth: 2), text: "roses are red\nviolets are blue\n\nthe end")]
        #expect(lines(blocks, width: 14) == [
            "│ │ roses are",
            "│ │ red",
            "│ │ violets",
            "│ │ are blue",
            "│ │",
            "│ │ the end",
        ])
        #expect(lines(blocks, width: 40) == [
            "│ │ roses are red",
            "│ │ violets are blue",
            "│ │",
            "│ │ the end",
        ])
    }

    @Test func listItemsContinueAtTheHangingIndent() {
        let blocks = [
            Block(.listItem(depth: 1, marker: "1."), text: "first line\nsecond line that wraps"),
            Block(.listItem(depth: 2, marker: "•"), text: "nested\nbroken"),
        ]
        #expect(lines(blocks, width: 16) == [
            "1. first line",
            "   second line",
            "   that wraps",
            "  • nested",
            "    broken",
        ])
        #expect(lines(blocks, width: 80) == [
            "1. first line",
            "   second line that wraps",
            "  • nested",
            "    broken",
        ])
        // The marker is drawn once: continuation lines carry no marker span.
        let layout = ArticleLayout(blocks: blocks, width: 16)
        #expect(layout.lines[1].spans.allSatisfy { $0.role == .body })
    }

    @Test func rolesSurviveABreakBetweenRuns() {
        let blocks = [Block(.paragraph, [InlineRun("bold", emphasis: .bold), InlineRun(" \n "),
                                         InlineRun("link", link: "https://example.com/")])]
        let layout = ArticleLayout(blocks: blocks, width: 40)
        #expect(layout.textLines == ["bold", "link[1]", "", "Links", "─────", "[1] https://example.com/"])
        #expect(layout.lines[0].spans.map(\.role) == [.strong])
        #expect(layout.lines[1].spans.map(\.role) == [.link, .linkReference])
    }

    @Test func searchFindsWordsButNoPhraseAcrossABreak() {
        for width in [8, 12, 40] {
            let layout = ArticleLayout(blocks: Self.address, width: width)
            #expect(SearchMatcher.search("doe 12", in: layout).isEmpty, "width \(width)")
            #expect(SearchMatcher.search("Doe\n12", in: layout).isEmpty, "width \(width)")
            let street = SearchMatcher.search("long street", in: layout)
            #expect(street.count == 1, "width \(width)")
            #expect(street.matches.first?.line == 1, "width \(width)")
            let city = SearchMatcher.search("springfield", in: layout)
            #expect(city.count == 1, "width \(width)")
            // The highlight spells the word on the lines it is drawn on.
            let shown = city.matches[0].segments.map { segment in
                String(layout.lines[segment.line].text.dropFirst(segment.startColumn)
                    .prefix(segment.endColumn - segment.startColumn))
            }.joined()
            #expect(shown == "Springfield", "width \(width)")
        }
    }

    @Test func anchorsStayOnTheSameLineAcrossWidths() {
        let blocks = Self.address + [Block(.quote(depth: 1), text: "one two three\n\nfour five six seven")]
        let widths = [6, 9, 14, 40]
        for from in widths {
            let before = ArticleLayout(blocks: blocks, width: from)
            for (index, line) in before.lines.enumerated() where line.kind != .blank {
                let anchor = before.anchor(atLine: index)
                #expect(before.firstLine(forAnchor: anchor) == index, "width \(from) line \(index)")
                for to in widths {
                    let after = ArticleLayout(blocks: blocks, width: to)
                    let top = after.firstLine(forAnchor: anchor)
                    #expect(after.lines[top].blockIndex == anchor.blockIndex)
                    #expect(after.lines[top].offset <= anchor.offset, "\(from)→\(to) line \(index)")
                }
            }
        }
        // A line that starts after a break starts at the character after the "\n".
        let layout = ArticleLayout(blocks: Self.address, width: 40)
        #expect(layout.anchor(atLine: 2) == LayoutAnchor(blockIndex: 0, offset: "Jane Doe\n12 Long Street\n".unicodeScalars.count))
        let quote = ArticleLayout(blocks: blocks, width: 40)
        let empty = quote.textLines.firstIndex(of: "│")!
        #expect(quote.firstLine(forAnchor: quote.anchor(atLine: empty)) == empty)
        #expect(ArticleLayout(blocks: blocks, width: 9).textLines[
            ArticleLayout(blocks: blocks, width: 9).firstLine(forAnchor: quote.anchor(atLine: empty))] == "│")
    }
}
