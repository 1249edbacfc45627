import Testing
import NewsModel
@testable import TextLayout

/// Exact lines for the sample article (paragraphs, nested list, nested quote, pre, long URL,
/// Japanese) at 40, 80 and 120 columns.
@Suite struct ArticleLayoutTests {
    static let expected40: [String] = [
            "Reading in the terminal",
            "═══════════════════════",
            "",
            "Terminals can show beautiful text when",
            "it is wrapped well. See the newsboat",
            "manual[1] and the ratatui book[2] for",
            "more.",
            "",
            "• Hanging indent keeps list items",
            "  readable when they wrap onto a second",
            "  line.",
            "  1. Nested items are indented by depth.",
            "• Code like swift build stays as it is.",
            "",
            "│ Quoted text gets a bar on every line,",
            "│ however narrow the pane is.",
            "│",
            "│ │ And a nested quote gets two bars.",
            "",
            "func main() {",
            "        print(\"hello, world\") // a long",
            "}",
            "",
            "A long URL: https://example.com/a/very/l",
            "ong/path/that/does/not/fit/on/one/line/a",
            "t/all?query=1[3] and the same manual",
            "again: manual[1].",
            "",
            "日本語",
            "──────",
            "",
            "吾輩は猫である。名前はまだ無い。どこで生",
            "れたかとんと見当がつかぬ。何でも薄暗いじ",
            "めじめした所でニャーニャー泣いていた事だ",
            "けは記憶している。",
            "",
            "────────────────────────────────────────",
            "",
            "The end.",
            "",
            "Links",
            "─────",
            "[1] https://newsboat.org/releases/2.38/d",
            "    ocs/newsboat.html",
            "[2] https://ratatui.rs/",
            "[3] https://example.com/a/very/long/path",
            "    /that/does/not/fit/on/one/line/at/al",
            "    l?query=1",
        ]

    static let expected80: [String] = [
            "Reading in the terminal",
            "═══════════════════════",
            "",
            "Terminals can show beautiful text when it is wrapped well. See the newsboat",
            "manual[1] and the ratatui book[2] for more.",
            "",
            "• Hanging indent keeps list items readable when they wrap onto a second line.",
            "  1. Nested items are indented by depth.",
            "• Code like swift build stays as it is.",
            "",
            "│ Quoted text gets a bar on every line, however narrow the pane is.",
            "│",
            "│ │ And a nested quote gets two bars.",
            "",
            "func main() {",
            "        print(\"hello, world\") // a long line that will be clipped at the edge",
            "}",
            "",
            "A long URL: https://example.com/a/very/long/path/that/does/not/fit/on/one/line/a",
            "t/all?query=1[3] and the same manual again: manual[1].",
            "",
            "日本語",
            "──────",
            "",
            "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじ",
            "めじめした所でニャーニャー泣いていた事だけは記憶している。",
            "",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "The end.",
            "",
            "Links",
            "─────",
            "[1] https://newsboat.org/releases/2.38/docs/newsboat.html",
            "[2] https://ratatui.rs/",
            "[3] https://example.com/a/very/long/path/that/does/not/fit/on/one/line/at/all?qu",
            "    ery=1",
        ]

    static let expected120: [String] = [
            "Reading in the terminal",
            "═══════════════════════",
            "",
            "Terminals can show beautiful text when it is wrapped well. See the newsboat manual[1] and the ratatui book[2] for more.",
            "",
            "• Hanging indent keeps list items readable when they wrap onto a second line.",
            "  1. Nested items are indented by depth.",
            "• Code like swift build stays as it is.",
            "",
            "│ Quoted text gets a bar on every line, however narrow the pane is.",
            "│",
            "│ │ And a nested quote gets two bars.",
            "",
            "func main() {",
            "        print(\"hello, world\") // a long line that will be clipped at the edge",
            "}",
            "",
            "A long URL: https://example.com/a/very/long/path/that/does/not/fit/on/one/line/at/all?query=1[3] and the same manual",
            "again: manual[1].",
            "",
            "日本語",
            "──────",
            "",
            "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だ",
            "けは記憶している。",
            "",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "",
            "The end.",
            "",
            "Links",
            "─────",
            "[1] https://newsboat.org/releases/2.38/docs/newsboat.html",
            "[2] https://ratatui.rs/",
            "[3] https://example.com/a/very/long/path/that/does/not/fit/on/one/line/at/all?query=1",
        ]

    @Test func sampleAt40Columns() {
        let layout = ArticleLayout(blocks: SampleArticle.blocks, width: 40)
        #expect(layout.textLines == Self.expected40)
        #expect(layout.textWidth == 40)
    }

    @Test func sampleAt80Columns() {
        #expect(ArticleLayout(blocks: SampleArticle.blocks, width: 80).textLines == Self.expected80)
    }

    @Test func sampleAt120ColumnsKeepsTheMaxTextWidth() {
        let layout = ArticleLayout(blocks: SampleArticle.blocks, width: 120)
        #expect(layout.textWidth == 80)
        #expect(layout.textLines == Self.expected80)
        let wide = ArticleLayout(blocks: SampleArticle.blocks, width: 120, options: LayoutOptions(maxTextWidth: 120))
        #expect(wide.textLines == Self.expected120)
    }
}
