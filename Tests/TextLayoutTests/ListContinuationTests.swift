import Testing
import NewsModel
@testable import TextLayout

/// A further paragraph of a list item is a `listItem` block with an empty marker: it sits at
/// the item's text column, after a blank line, without a marker.
@Suite struct ListContinuationTests {
    static let blocks: [Block] = [
        Block(.paragraph, text: "Intro."),
        Block(.listItem(depth: 1, marker: "1."), text: "First item text"),
        Block(.listItem(depth: 1, marker: ""), text: "A second paragraph of the first item that wraps."),
        Block(.listItem(depth: 2, marker: "a)"), text: "nested"),
        Block(.listItem(depth: 2, marker: ""), text: "nested more"),
        Block(.listItem(depth: 1, marker: "10."), text: "Tenth"),
        Block(.listItem(depth: 1, marker: ""), text: "Its continuation\nwith a break"),
        Block(.listItem(depth: 1, marker: "11."), text: "Eleventh"),
        Block(.listItem(depth: 1, marker: "12."), text: "Twelfth"),
        Block(.paragraph, text: "After."),
    ]

    @Test func continuationsLineUpWithTheItemText() {
        #expect(ArticleLayout(blocks: Self.blocks, width: 30).textLines == [
            "Intro.",
            "",
            "1. First item text",
            "",
            "   A second paragraph of the",
            "   first item that wraps.",
            "",
            "  a) nested",
            "",
            "     nested more",
            "",
            "10. Tenth",
            "",
            "    Its continuation",
            "    with a break",
            "",
            "11. Eleventh",
            "12. Twelfth",
            "",
            "After.",
        ])
        #expect(ArticleLayout(blocks: Self.blocks, width: 20).textLines == [
            "Intro.",
            "",
            "1. First item text",
            "",
            "   A second",
            "   paragraph of the",
            "   first item that",
            "   wraps.",
            "",
            "  a) nested",
            "",
            "     nested more",
            "",
            "10. Tenth",
            "",
            "    Its continuation",
            "    with a break",
            "",
            "11. Eleventh",
            "12. Twelfth",
            "",
            "After.",
        ])
    }

    @Test func continuationsDrawNoMarker() {
        let layout = ArticleLayout(blocks: Self.blocks, width: 30)
        for line in layout.lines where line.kind == .text {
            guard case .listItem(_, let marker) = Self.blocks[line.blockIndex].kind, marker.isEmpty else { continue }
            #expect(line.spans.allSatisfy { $0.role == .body }, "\(line.text)")
        }
    }

    @Test func aContinuationWithoutItsItemUsesTheBulletColumn() {
        let blocks = [Block(.listItem(depth: 2, marker: ""), text: "orphan"),
                      Block(.listItem(depth: 1, marker: "•"), text: "item")]
        #expect(ArticleLayout(blocks: blocks, width: 20).textLines == ["    orphan", "", "• item"])
        // A deeper item's column is forgotten once a shallower item starts.
        let stale = [Block(.listItem(depth: 1, marker: "1."), text: "a"),
                     Block(.listItem(depth: 2, marker: "100."), text: "b"),
                     Block(.listItem(depth: 1, marker: "2."), text: "c"),
                     Block(.listItem(depth: 2, marker: ""), text: "d")]
        #expect(ArticleLayout(blocks: stale, width: 20).textLines == ["1. a", "  100. b", "2. c", "", "    d"])
    }

    @Test func searchSpansWrapsInsideAContinuationButNotBlocks() {
        for width in [12, 20, 30, 80] {
            let layout = ArticleLayout(blocks: Self.blocks, width: width)
            #expect(SearchMatcher.search("first item that wraps", in: layout).count == 1, "width \(width)")
            #expect(SearchMatcher.search("text A second", in: layout).isEmpty, "width \(width)")
            #expect(SearchMatcher.search("continuation with", in: layout).isEmpty, "width \(width)")
            #expect(SearchMatcher.search("nested", in: layout).count == 2, "width \(width)")
        }
    }

    @Test func anchorsAreStableAcrossWidths() {
        let widths = [12, 20, 30, 80]
        for from in widths {
            let before = ArticleLayout(blocks: Self.blocks, width: from)
            for (index, line) in before.lines.enumerated() where line.kind != .blank {
                let anchor = before.anchor(atLine: index)
                #expect(before.firstLine(forAnchor: anchor) == index, "width \(from) line \(index)")
                for to in widths {
                    let after = ArticleLayout(blocks: Self.blocks, width: to)
                    let top = after.lines[after.firstLine(forAnchor: anchor)]
                    #expect(top.blockIndex == anchor.blockIndex && top.offset <= anchor.offset, "\(from)→\(to)")
                }
            }
        }
        // The blank line before a continuation anchors to the continuation.
        let layout = ArticleLayout(blocks: Self.blocks, width: 30)
        #expect(layout.lines[3].kind == .blank)
        #expect(layout.anchor(atLine: 3) == LayoutAnchor(blockIndex: 2, offset: 0))
        #expect(layout.firstLine(ofBlock: 2) == 4)
    }
}
