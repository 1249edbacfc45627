import Testing
import NewsModel
@testable import Markup

/// Inputs sized so that a quadratic scan could not finish in minutes: only a linear one passes.
@Suite struct HostileMarkdownTests {
    @Test func bareURLFollowedByAMountainOfParens() {
        let closing = String(repeating: ")", count: 200_000)
        let runs = MarkdownInlineParser().parse("see http://x.example/a" + closing)
        #expect(runs.contains { $0.link == "http://x.example/a" }, "\(runs.map(\.link))")
        #expect(MarkdownInlineParser.plain(runs).hasSuffix(closing))
    }

    @Test func balancedParensInABareURLStay() {
        let runs = MarkdownInlineParser().parse("(see http://x.example/wiki/A_(b)) and http://y.example/c).")
        #expect(runs.compactMap(\.link) == ["http://x.example/wiki/A_(b)", "http://y.example/c"])
    }
}
