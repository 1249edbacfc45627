import Testing
import NewsModel
@testable import TextLayout

/// Inputs sized so that a quadratic scan could not finish in minutes: only a linear one passes.
@Suite struct HostileTextTests {
    @Test func unclosedImagePlaceholdersAreLinear() {
        let text = "[image: real one] " + String(repeating: "[image: ", count: 200_000)
        let ranges = BlockWrapper.imagePlaceholders(in: text)
        #expect(ranges == [0..<17])
    }

    @Test func manyClosedPlaceholdersAreAllFound() {
        let text = String(repeating: "[image: x] ", count: 50_000)
        let ranges = BlockWrapper.imagePlaceholders(in: text)
        #expect(ranges.count == 50_000)
        #expect(ranges.last == (49_999 * 11)..<(49_999 * 11 + 10))
    }

    @Test func hugeUnclosedPlaceholderParagraphLaysOut() {
        let text = String(repeating: "[image: ", count: 100_000)
        let layout = ArticleLayout(blocks: [Block(.paragraph, [InlineRun(text)])], width: 80)
        #expect(layout.lines.count > 1_000)
    }
}
