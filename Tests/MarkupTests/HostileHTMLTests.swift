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

    /// Found by fuzzing (Fuzz/, target html-blocks): a browser removes tabs and newlines from a
    /// URL and drops leading controls, so these are javascript:/data: links; they came through.
    @Test(arguments: ["javascrip&#13;&#13;t:alert(0)", "java&#9;script:alert(1)", "java\nscript:alert(1)",
                      "&#1;javascript:alert(1)", "da&#10;ta:text/html,x", "JaVa&#13;Script:x"])
    func scriptLinksSplitByControlsAreRefused(href: String) {
        for base in [nil, URL(string: "https://example.org/posts/1")] {
            let runs = HTMLConverter.blocks(fromHTML: "<p><a href=\"\(href)\">x</a></p>", baseURL: base).flatMap(\.runs)
            #expect(runs.map(\.text).joined() == "x")
            for link in runs.compactMap(\.link) {
                let browserReads = link.unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined().lowercased()
                #expect(!browserReads.hasPrefix("javascript:") && !browserReads.hasPrefix("data:"), "\(link.debugDescription)")
            }
        }
        #expect(LinkResolver.resolve("java\r\nscript:alert(1)", against: nil) == nil)
        #expect(LinkResolver.resolve("https://example.org/java\tscript:", against: nil) != nil)
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
