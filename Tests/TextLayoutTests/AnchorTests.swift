import Testing
import NewsModel
@testable import TextLayout

@Suite struct AnchorTests {
    static let widths = [20, 33, 40, 57, 80, 120]

    @Test func anchorRoundTripsAtTheSameWidth() {
        for width in Self.widths {
            let layout = ArticleLayout(blocks: SampleArticle.blocks, width: width)
            for (index, line) in layout.lines.enumerated() where line.kind != .blank {
                #expect(layout.firstLine(forAnchor: layout.anchor(atLine: index)) == index, "width \(width) line \(index)")
            }
        }
    }

    @Test func theSameTextStaysAtTheTopAcrossWidths() {
        for from in Self.widths {
            let before = ArticleLayout(blocks: SampleArticle.blocks, width: from)
            for to in Self.widths where to != from {
                let after = ArticleLayout(blocks: SampleArticle.blocks, width: to)
                for index in before.lines.indices {
                    let anchor = before.anchor(atLine: index)
                    let top = after.firstLine(forAnchor: anchor)
                    let line = after.lines[top]
                    #expect(line.kind != .blank)
                    #expect(line.blockIndex == anchor.blockIndex, "\(from)→\(to) line \(index)")
                    // The anchored character is on the new top line: it starts at or before
                    // it, and the next line of the block starts after it.
                    #expect(line.offset <= anchor.offset)
                    if top + 1 < after.lines.count, after.lines[top + 1].blockIndex == anchor.blockIndex,
                       after.lines[top + 1].kind == .text, line.kind == .text {
                        #expect(after.lines[top + 1].offset > anchor.offset || after.lines[top + 1].offset == line.offset,
                                "\(from)→\(to) line \(index)")
                    }
                }
            }
        }
    }

    @Test func blankLinesAnchorToTheParagraphAfterThem() {
        let layout = ArticleLayout(blocks: SampleArticle.blocks, width: 40)
        #expect(layout.lines[2].kind == .blank)
        #expect(layout.anchor(atLine: 2) == LayoutAnchor(blockIndex: 1, offset: 0))
        #expect(layout.firstLine(ofBlock: 1) == 3)
        // A line in the middle of a paragraph anchors to its first character.
        let third = layout.lines[5]
        #expect(third.text.hasPrefix("manual[1]"))
        let plain = SampleArticle.blocks[1].plainText
        let offset = layout.anchor(atLine: 5).offset
        #expect(String(String.UnicodeScalarView(plain.unicodeScalars.dropFirst(offset))).hasPrefix("manual"))
    }

    @Test func emptyLayoutsAnswerSafely() {
        let layout = ArticleLayout(blocks: [], width: 80)
        #expect(layout.lines.isEmpty)
        #expect(layout.anchor(atLine: 5) == LayoutAnchor(blockIndex: 0, offset: 0))
        #expect(layout.firstLine(forAnchor: LayoutAnchor(blockIndex: 3, offset: 9)) == 0)
        let tiny = ArticleLayout(blocks: SampleArticle.blocks, width: 0)
        #expect(tiny.firstLine(forAnchor: LayoutAnchor(blockIndex: 1)) == 0)
    }
}
