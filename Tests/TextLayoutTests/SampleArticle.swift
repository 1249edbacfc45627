import NewsModel

/// A small article with every kind of block the layout handles.
enum SampleArticle {
    static let blocks: [Block] = [
        Block(.heading(level: 1), text: "Reading in the terminal"),
        Block(.paragraph, [
            InlineRun("Terminals can show "),
            InlineRun("beautiful", emphasis: .italic),
            InlineRun(" text when it is "),
            InlineRun("wrapped well", emphasis: .bold),
            InlineRun(". See the "),
            InlineRun("newsboat manual", link: "https://newsboat.org/releases/2.38/docs/newsboat.html"),
            InlineRun(" and the "),
            InlineRun("ratatui book", link: "https://ratatui.rs/"),
            InlineRun(" for more."),
        ]),
        Block(.listItem(depth: 1, marker: "•"), text: "Hanging indent keeps list items readable when they wrap onto a second line."),
        Block(.listItem(depth: 2, marker: "1."), text: "Nested items are indented by depth."),
        Block(.listItem(depth: 1, marker: "•"), [InlineRun("Code like "), InlineRun("swift build", emphasis: .code), InlineRun(" stays as it is.")]),
        Block(.quote(depth: 1), text: "Quoted text gets a bar on every line, however narrow the pane is."),
        Block(.quote(depth: 2), text: "And a nested quote gets two bars."),
        Block(.preformatted, text: "func main() {\n\tprint(\"hello, world\") // a long line that will be clipped at the edge\n}"),
        Block(.paragraph, [
            InlineRun("A long URL: "),
            InlineRun("https://example.com/a/very/long/path/that/does/not/fit/on/one/line/at/all?query=1", link: "https://example.com/a/very/long/path/that/does/not/fit/on/one/line/at/all?query=1"),
            InlineRun(" and the same manual again: "),
            InlineRun("manual", link: "https://newsboat.org/releases/2.38/docs/newsboat.html"),
            InlineRun("."),
        ]),
        Block(.heading(level: 2), text: "日本語"),
        Block(.paragraph, text: "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。"),
        Block(.rule, text: ""),
        Block(.paragraph, text: "The end."),
    ]
}
