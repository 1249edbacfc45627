import Foundation
import NewsModel
import Testing
@testable import Markup

/// Markdown article files: front matter, block structure and inline syntax.
@Suite struct MarkdownArticleTests {
    func parse(_ text: String) throws -> ParsedDocument {
        try ArticleFileParser.parse(data: Data(text.utf8), fileName: "article.md")
    }

    func article(_ text: String) throws -> Article {
        try #require(try parse(text).articles.first)
    }

    /// Body blocks without title extraction.
    func blocks(_ text: String) -> [Block] {
        MarkdownBlockParser(inline: MarkdownInlineParser()).parse(MarkdownArticleParser.normalizedLines(text)[...])
    }

    @Test func atxTitleIsTakenAndNotRepeated() throws {
        let article = try article("# Lunar lander\n\nFirst paragraph.\n")
        #expect(article.title == "Lunar lander")
        #expect(article.body == [Block(.paragraph, text: "First paragraph.")])
    }

    @Test func frontMatterFields() throws {
        let text = """
            ---
            title: "Robots: a history"
            tags: [Space, Robotics]
            section: SCIENCE > Space
            date: 2024-05-01T10:00:00Z
            author: Ada
            link: https://example.com/robots
            summary: 'It''s short.'
            ---
            # Robots: a history

            Body.
            """
        let article = try article(text)
        #expect(article.title == "Robots: a history")
        #expect(article.tags == ["Space", "Robotics"])
        #expect(article.section == ["SCIENCE", "Space"])
        #expect(article.published == Date(timeIntervalSince1970: 1_714_557_600))
        #expect(article.author == "Ada")
        #expect(article.link == "https://example.com/robots")
        #expect(article.summary == "It's short.")
        #expect(article.body == [Block(.paragraph, text: "Body.")])
    }

    @Test func frontMatterListsAndCommaTags() throws {
        let listed = try article("---\ntitle: T\ntags:\n  - One\n  - Two words\nsection:\n  - NEWS\n  - World\n---\nx")
        #expect(listed.tags == ["One", "Two words"])
        #expect(listed.section == ["NEWS", "World"])
        let comma = try article("---\ntitle: T\ntags: a, b ,c\ndate: 2024-05-01\n---\nx")
        #expect(comma.tags == ["a", "b", "c"])
        #expect(comma.published == Date(timeIntervalSince1970: 1_714_521_600))
        #expect(comma.body == [Block(.paragraph, text: "x")])
    }

    @Test func badFrontMatterDateIsAWarning() throws {
        let document = try parse("---\ntitle: T\ndate: someday\n---\nx")
        #expect(document.articles[0].published == nil)
        #expect(document.warnings.count == 1)
        #expect(document.warnings[0].contains("someday"))
    }

    @Test func unclosedFrontMatterIsBodyText() {
        let parsed = MarkdownArticleParser.parse("---\ntitle: x\n")
        #expect(parsed.title == nil)
        #expect(parsed.body.first == Block(.rule, []))
    }

    @Test func headingsAndSoftWrappedParagraphs() {
        #expect(blocks("# A\n\n## B ##\n\npara one\ncontinues here\n\n###### F\nSetext\n===\n\nTwo\n---\n") == [
            Block(.heading(level: 1), text: "A"),
            Block(.heading(level: 2), text: "B"),
            Block(.paragraph, text: "para one continues here"),
            Block(.heading(level: 6), text: "F"),
            Block(.heading(level: 1), text: "Setext"),
            Block(.heading(level: 2), text: "Two"),
        ])
        #expect(blocks("#hashtag is text") == [Block(.paragraph, text: "#hashtag is text")])
    }

    @Test func hardLineBreaks() {
        #expect(blocks("one  \ntwo\\\nthree") == [Block(.paragraph, text: "one\ntwo\nthree")])
    }

    @Test func nestedListsWithDepthAndNumbers() {
        let text = """
            - Fruit
              - Apple
              - Pear
                1. Conference
                2. Comice
            - Veg
            * star list

            3. three
            4. four
            """
        #expect(blocks(text) == [
            Block(.listItem(depth: 1, marker: "•"), text: "Fruit"),
            Block(.listItem(depth: 2, marker: "◦"), text: "Apple"),
            Block(.listItem(depth: 2, marker: "◦"), text: "Pear"),
            Block(.listItem(depth: 3, marker: "1."), text: "Conference"),
            Block(.listItem(depth: 3, marker: "2."), text: "Comice"),
            Block(.listItem(depth: 1, marker: "•"), text: "Veg"),
            Block(.listItem(depth: 1, marker: "•"), text: "star list"),
            Block(.listItem(depth: 1, marker: "3."), text: "three"),
            Block(.listItem(depth: 1, marker: "4."), text: "four"),
        ])
    }

    @Test func looseListItemsWithSeveralParagraphs() {
        let text = "1. First item\n   continues\n\n   Second paragraph.\n\n2) Next\n\nAfter the list."
        #expect(blocks(text) == [
            Block(.listItem(depth: 1, marker: "1."), text: "First item continues"),
            Block(.listItem(depth: 1, marker: ""), text: "Second paragraph."),
            // A new delimiter starts a new list, numbered from its own first number.
            Block(.listItem(depth: 1, marker: "2)"), text: "Next"),
            Block(.paragraph, text: "After the list."),
        ])
    }

    @Test func numberInsideParagraphIsNotAList() {
        #expect(blocks("The year was\n2024. It rained.") == [Block(.paragraph, text: "The year was 2024. It rained.")])
    }

    @Test func nestedBlockquotes() {
        let text = "> outer\n> lazy line\ncontinued\n>\n> > inner\n> back out?\n\nplain"
        let result = blocks(text)
        #expect(result == [
            Block(.quote(depth: 1), text: "outer lazy line continued"),
            Block(.quote(depth: 2), text: "inner back out?"),
            Block(.paragraph, text: "plain"),
        ])
    }

    @Test func fencedAndIndentedCode() {
        let text = "```swift\nlet x = 1\n\n  // *not* emphasis\n```\n\n    indented\n      more\n\n~~~\ntilde\n~~~"
        #expect(blocks(text) == [
            Block(.preformatted, text: "let x = 1\n\n  // *not* emphasis"),
            Block(.preformatted, text: "indented\n  more"),
            Block(.preformatted, text: "tilde"),
        ])
    }

    @Test func tabsInCodeBecomeSpaces() {
        #expect(blocks("```\nfunc f() {\n\treturn\t1\n}\n```") == [Block(.preformatted, text: "func f() {\n    return  1\n}")])
    }

    @Test func unclosedFenceRunsToTheEnd() {
        #expect(blocks("```\ncode\nmore") == [Block(.preformatted, text: "code\nmore")])
    }

    @Test func horizontalRules() {
        #expect(blocks("a\n\n***\n\n- - -\n\n___\n\nb") == [
            Block(.paragraph, text: "a"), Block(.rule, []), Block(.rule, []), Block(.rule, []), Block(.paragraph, text: "b"),
        ])
    }

    @Test func inlineEmphasisCodeAndStrong() {
        let runs = MarkdownInlineParser().parse("a *em* _em2_ **strong** __s2__ ***both*** `co*de*` snake_case_name 2*3*4")
        #expect(runs == [
            InlineRun("a "), InlineRun("em", emphasis: .italic), InlineRun(" "), InlineRun("em2", emphasis: .italic),
            InlineRun(" "), InlineRun("strong", emphasis: .bold), InlineRun(" "), InlineRun("s2", emphasis: .bold),
            InlineRun(" "), InlineRun("both", emphasis: [.bold, .italic]), InlineRun(" "),
            InlineRun("co*de*", emphasis: .code), InlineRun(" snake_case_name 2"), InlineRun("3", emphasis: .italic),
            InlineRun("4"),
        ])
    }

    @Test func nestedEmphasisAndUnmatchedDelimiters() {
        let runs = MarkdownInlineParser().parse("**bold *and italic* text** and * lone star and **open")
        #expect(runs == [
            InlineRun("bold ", emphasis: .bold), InlineRun("and italic", emphasis: [.bold, .italic]),
            InlineRun(" text", emphasis: .bold), InlineRun(" and * lone star and **open"),
        ])
    }

    @Test func linksImagesAndAutolinks() {
        let parser = MarkdownInlineParser(references: ["docs": "https://docs.example/"])
        let runs = parser.parse(#"See [the *site*](https://example.com/a "Title"), [docs][], <https://auto.example/x>, <me@example.com>, https://bare.example/p(1). and ![a cat](cat.png) \*not em\*"#)
        #expect(runs == [
            InlineRun("See "), InlineRun("the ", link: "https://example.com/a"),
            InlineRun("site", emphasis: .italic, link: "https://example.com/a"), InlineRun(", "),
            InlineRun("docs", link: "https://docs.example/"), InlineRun(", "),
            InlineRun("https://auto.example/x", link: "https://auto.example/x"), InlineRun(", "),
            InlineRun("me@example.com", link: "mailto:me@example.com"), InlineRun(", "),
            InlineRun("https://bare.example/p(1)", link: "https://bare.example/p(1)"),
            InlineRun(". and [image: a cat] *not em*"),
        ])
    }

    @Test func referenceDefinitionsAreRemovedFromTheBody() throws {
        let article = try article("# T\n\nRead [the guide][g].\n\n[g]: https://guide.example/ \"Guide\"\n")
        #expect(article.body.count == 1)
        #expect(article.body[0].runs.last(where: { $0.link != nil })?.link == "https://guide.example/")
        #expect(article.text == "Read the guide.")
    }

    @Test func inlineHTMLTagsAreDroppedAndBrBreaks() {
        #expect(MarkdownInlineParser().parse("Press <kbd>Ctrl</kbd> now<br>next 2 < 3") == [InlineRun("Press Ctrl now\nnext 2 < 3")])
    }

    @Test func htmlBlocksGoThroughTheConverter() {
        #expect(blocks("<div>\n<p>Hi <b>there</b></p>\n</div>\n\nafter") == [
            Block(.paragraph, [InlineRun("Hi "), InlineRun("there", emphasis: .bold)]),
            Block(.paragraph, text: "after"),
        ])
    }

    @Test func pipeTables() {
        let result = blocks("| Team | Pts |\n|------|----:|\n| Red  | 3   |\n| Blue \\| Green | 1 |\n\nafter")
        #expect(result.map(\.plainText) == ["Team │ Pts", "Red │ 3", "Blue | Green │ 1", "after"])
        #expect(result[0].runs.first?.emphasis == .bold)
    }

    @Test func crlfTabsAndBOM() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("# Title\r\n\r\n-\tone\r\n\t-\ttwo\r\n".utf8))
        let article = try ArticleFileParser.parse(data: data, fileName: "x.markdown").articles[0]
        #expect(article.title == "Title")
        #expect(article.body == [
            Block(.listItem(depth: 1, marker: "•"), text: "one"),
            Block(.listItem(depth: 2, marker: "◦"), text: "two"),
        ])
    }

    @Test func noHeadingFallsBackToFileName() throws {
        let article = try ArticleFileParser.parse(data: Data("just text".utf8), fileName: "field-notes.md").articles[0]
        #expect(article.title == "field notes")
        #expect(article.body == [Block(.paragraph, text: "just text")])
    }

    @Test func plainTextOfAMarkdownArticle() throws {
        let article = try article("# T\n\nOne *two*.\n\n- a\n  - b\n\n> q")
        #expect(article.text == "One two.\n\n• a\n\n  ◦ b\n\n> q")
    }
}

/// Hostile Markdown: deep nesting and unmatched openers stay fast and never exhaust the stack.
@Suite struct MarkdownHostileInputTests {
    func blocks(_ text: String) -> [Block] {
        MarkdownBlockParser(inline: MarkdownInlineParser()).parse(MarkdownArticleParser.normalizedLines(text)[...])
    }

    @Test func deeplyNestedQuotesAndListsAreCapped() {
        let quotes = blocks(String(repeating: "> ", count: 20_000) + "deep")
        #expect(quotes.count == 1)
        #expect(quotes.first?.plainText.hasSuffix("deep") == true)
        if case .quote(let depth) = quotes.first?.kind { #expect(depth <= MarkdownBlockParser.maxNesting) }
        let lists = blocks(String(repeating: "- ", count: 20_000) + "x")
        #expect(!lists.isEmpty)
        #expect(lists.allSatisfy { if case .listItem(let depth, _) = $0.kind { depth <= MarkdownBlockParser.maxNesting } else { true } })
    }

    @Test func unmatchedOpenersStayLinear() {
        let clock = ContinuousClock()
        let inputs = [String(repeating: "*a ", count: 20_000), String(repeating: "[", count: 50_000),
                      String(repeating: "` ", count: 20_000), String(repeating: "*_", count: 20_000) + "x"]
        for input in inputs {
            var runs: [InlineRun] = []
            let elapsed = clock.measure { runs = MarkdownInlineParser().parse(input) }
            #expect(elapsed < .seconds(10))
            #expect(!runs.isEmpty)
        }
    }
}
