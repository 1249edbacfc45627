import Foundation
import Testing
import NewsModel
@testable import Markup

/// HTML from strangers: a DOCTYPE never declares anything, and depth cannot exhaust the stack.
@Suite struct HostileHTMLTests {
    @Test func doctypeEntitiesAreInertInHTML() {
        let html = "<!DOCTYPE html [<!ENTITY a \"EVIL\"><!ENTITY % p \"%p;%p;\">%p;]><html><body>"
            + "<p>one &a; two</p><p><a href=\"http://x.example/&a;\">link</a></p></body></html>"
        let document = HTMLConverter.document(fromHTML: html)
        let text = document.blocks.map(\.plainText).joined(separator: "\n")
        #expect(!text.contains("EVIL"), "\(text)")
        for block in document.blocks {
            for run in block.runs { #expect(!(run.link ?? "").contains("EVIL")) }
        }
    }

    /// Nesting past our walk limit (100) and within libxml2's (256): the text still arrives.
    @Test func nestingPastTheWalkLimitKeepsTheText() {
        let html = String(repeating: "<div><span>", count: 110) + "deep text"
            + String(repeating: "</span></div>", count: 110)
        let blocks = HTMLConverter.blocks(fromHTML: html)
        #expect(blocks.map(\.plainText).joined().contains("deep text"))
    }

    @Test func deepListsAndQuotesKeepTheirText() {
        let html = String(repeating: "<ul><li><blockquote>", count: 70) + "inner"
            + String(repeating: "</blockquote></li></ul>", count: 70)
        let blocks = HTMLConverter.blocks(fromHTML: html)
        #expect(blocks.map(\.plainText).joined().contains("inner"))
    }

    /// 100 000 levels: libxml2 gives up past 256; nothing crashes or recurses that deep.
    @Test func absurdNestingEndsQuietly() {
        let html = String(repeating: "<div>", count: 100_000) + "x" + String(repeating: "</div>", count: 100_000)
        _ = HTMLConverter.blocks(fromHTML: html)
    }
}
