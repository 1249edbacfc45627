import Foundation
import NewsModel
import Testing
@testable import Markup

/// The plain-text article format: chrome, breadcrumb, title, body, trailing tags.
@Suite struct PlainTextArticleTests {
    func parse(_ text: String, fileName: String = "a.txt") throws -> Article {
        let document = try ArticleFileParser.parse(data: Data(text.utf8), fileName: fileName)
        #expect(document.feed == nil)
        #expect(document.articles.count == 1)
        return try #require(document.articles.first)
    }

    @Test func lunarLanderSampleShape() throws {
        let article = try parse(SampleArticles.lunarLander, fileName: "lunar-lander.txt")
        #expect(article.title == "Small lunar lander sends first images from crater rim")
        #expect(article.section == ["SCIENCE", "Space"])
        #expect(article.tags == ["Space", "Robotics", "Science"])
        #expect(article.body.count == 4)
        #expect(article.body.allSatisfy { $0.kind == .paragraph })
        #expect(article.body[0].plainText.hasPrefix("A small robotic lander touched down"))
        #expect(article.body[1].plainText.contains("the team’s “first light” briefing."))
        #expect(article.body[3].plainText.hasSuffix("its batteries can survive."))
        #expect(!article.text.contains("Print"))
        #expect(!article.text.contains("•"))
        #expect(article.text.components(separatedBy: "\n\n").count == 4)
    }

    @Test func tokyoMarketsSampleShape() throws {
        let article = try parse(SampleArticles.tokyoMarkets, fileName: "tokyo-markets.txt")
        #expect(article.title == "東京株式市場、半導体株が反発")
        #expect(article.section == ["BUSINESS", "Markets"])
        #expect(article.tags == ["Markets", "Japan", "Semiconductors"])
        #expect(article.body.count == 2)
        #expect(article.body[0].plainText.hasPrefix("東京株式市場では"))
        #expect(article.body[1].plainText.hasSuffix("🙂"))
    }

    @Test func crlfLineEndingsGiveTheSameArticle() throws {
        let unix = try parse(SampleArticles.lunarLander)
        let windows = try parse(SampleArticles.lunarLander.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(windows.title == unix.title)
        #expect(windows.section == unix.section)
        #expect(windows.tags == unix.tags)
        #expect(windows.body == unix.body)
        let oldMac = try parse(SampleArticles.lunarLander.replacingOccurrences(of: "\n", with: "\r"))
        #expect(oldMac.body == unix.body)
        #expect(oldMac.tags == unix.tags)
    }

    @Test func byteOrderMarkIsIgnored() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(SampleArticles.tokyoMarkets.utf8))
        let article = try #require(try ArticleFileParser.parse(data: data, fileName: "t.txt").articles.first)
        #expect(article.section == ["BUSINESS", "Markets"])
        #expect(article.title == "東京株式市場、半導体株が反発")
    }

    @Test func tabsAndTrailingWhitespaceAreTolerated() throws {
        let text = "\tWORLD > Europe \t\n\n\tBridge reopens after repairs\t\n\nTraffic\tresumed on Monday.  \n\n\t• Travel\n\t* Europe\n"
        let article = try parse(text)
        #expect(article.section == ["WORLD", "Europe"])
        #expect(article.title == "Bridge reopens after repairs")
        #expect(article.body == [Block(.paragraph, text: "Traffic resumed on Monday.")])
        #expect(article.tags == ["Travel", "Europe"])
    }

    @Test func noTrailingNewlineAndTrailingNewlinesAgree() throws {
        let bare = try parse("Title\n\nBody text.\n\n• One")
        let padded = try parse("Title\n\nBody text.\n\n• One\n\n\n")
        #expect(bare.title == "Title")
        #expect(bare.tags == ["One"])
        #expect(bare.body == padded.body)
        #expect(bare.tags == padded.tags)
    }

    @Test func noBreadcrumbMeansFirstLineIsTitle() throws {
        let article = try parse("Just a headline\n\nFirst paragraph.\n\nSecond paragraph.")
        #expect(article.section.isEmpty)
        #expect(article.title == "Just a headline")
        #expect(article.body.map(\.plainText) == ["First paragraph.", "Second paragraph."])
        #expect(article.tags.isEmpty)
    }

    @Test func chromeWithoutBreadcrumbIsDroppedBeforeTheTitle() throws {
        let article = try parse("Print\nShare\nEmail\n\nHeadline here\n\nBody.")
        #expect(article.title == "Headline here")
        #expect(article.section.isEmpty)
        #expect(article.body.map(\.plainText) == ["Body."])
    }

    @Test func chromeVariants() {
        for line in ["Print PRINT", "Print", "Share", "Email", "SHARE", "Email | Print", "Share this article", "Tweet"] {
            #expect(PlainTextHeuristics.isChrome(line), "\(line)")
        }
        for line in ["Printing presses return", "Share prices fall", "Email from the editor", "Text", "Search", ""] {
            #expect(!PlainTextHeuristics.isChrome(line), "\(line)")
        }
    }

    @Test func chromeWordsInTheBodyAreKept() throws {
        let article = try parse("Title\n\nPrint\n\nShare")
        #expect(article.body.map(\.plainText) == ["Print", "Share"])
    }

    @Test func noTagsMeansBodyRunsToTheEnd() throws {
        let article = try parse("SPORT > Tennis\n\nFinal goes to five sets\n\nIt was long.\n\nIt ended at midnight.")
        #expect(article.tags.isEmpty)
        #expect(article.body.count == 2)
    }

    @Test func greaterThanInTheBodyIsText() throws {
        let article = try parse("TECH > Chips\n\nFaster chips\n\nSpeed > Power\n\nIn tests, A > B > C held.")
        #expect(article.section == ["TECH", "Chips"])
        #expect(article.title == "Faster chips")
        #expect(article.body.map(\.plainText) == ["Speed > Power", "In tests, A > B > C held."])
    }

    @Test func titleContainingGreaterThanIsNotABreadcrumb() throws {
        // No breadcrumb: the first line is a headline that contains " > ".
        let article = try parse("Why 5 > 3 matters for chip design\n\nBody paragraph.")
        #expect(article.section.isEmpty)
        #expect(article.title == "Why 5 > 3 matters for chip design")
        let question = try parse("Is Rust > Go for servers?\n\nBody.")
        #expect(question.section.isEmpty)
        #expect(question.title == "Is Rust > Go for servers?")
    }

    @Test func headlineWithGreaterThanFollowedByABodyParagraph() throws {
        // "Rust > Go for CLI tools" passes the segment rules, but what follows is a body
        // paragraph, not a title: so the line is the title.
        let body = String(repeating: "Developers compared both languages on startup time and memory. ", count: 4)
        let article = try parse("Rust > Go for CLI tools\n\n\(body)\n\nMore.")
        #expect(article.section.isEmpty)
        #expect(article.title == "Rust > Go for CLI tools")
        #expect(article.body.count == 2)
    }

    @Test func breadcrumbFollowedByTitleWithGreaterThan() throws {
        let article = try parse("SCIENCE > Maths\n\nWhen 2 > 1 stops being true\n\nBody.")
        #expect(article.section == ["SCIENCE", "Maths"])
        #expect(article.title == "When 2 > 1 stops being true")
    }

    @Test func breadcrumbJudgement() {
        #expect(PlainTextHeuristics.breadcrumb("SECURITY > Cybersecurity") == ["SECURITY", "Cybersecurity"])
        #expect(PlainTextHeuristics.breadcrumb("NEWS > World > Asia > Japan") == ["NEWS", "World", "Asia", "Japan"])
        #expect(PlainTextHeuristics.breadcrumb("U.S. > Politics") == ["U.S.", "Politics"])
        #expect(PlainTextHeuristics.breadcrumb("Arts & Culture > Film") == ["Arts & Culture", "Film"])
        #expect(PlainTextHeuristics.breadcrumb("ビジネス > 市場") == ["ビジネス", "市場"])
        #expect(PlainTextHeuristics.breadcrumb("Home › News") == ["Home", "News"])
        #expect(PlainTextHeuristics.breadcrumb("Markets fell. Bonds > stocks") == nil)  // sentence
        #expect(PlainTextHeuristics.breadcrumb("5 > 3") == nil)                        // no letters
        #expect(PlainTextHeuristics.breadcrumb("Why x > y in practice") == nil)        // lowercase segment
        #expect(PlainTextHeuristics.breadcrumb("Rust > Go, says survey") == nil)       // comma
        #expect(PlainTextHeuristics.breadcrumb("a>b") == nil)                          // no spaces
        #expect(PlainTextHeuristics.breadcrumb("NEWS > ") == nil)                      // empty segment
        #expect(PlainTextHeuristics.breadcrumb("The long and winding road ahead > Travel") == nil)  // > 4 words
        #expect(PlainTextHeuristics.breadcrumb("No separator here") == nil)
    }

    @Test func headlineWithGreaterThanFollowedByAShortBodyParagraph() throws {
        // Reviewer's case: both segments pass the old length rules and the paragraph is short,
        // but "2 matters for you" starts lowercase after its number, and the next line ends a sentence.
        let article = try parse("Why 3 > 2 matters for you\n\nSmall numbers decide big things.\n\nMore text.")
        #expect(article.section.isEmpty)
        #expect(article.title == "Why 3 > 2 matters for you")
        #expect(article.body.map(\.plainText) == ["Small numbers decide big things.", "More text."])
    }

    @Test func breadcrumbNeedsATitleThatIsNotASentence() throws {
        // Segments that pass on their own, but the next line is a sentence: no breadcrumb.
        let article = try parse("Rust > Go\n\nDevelopers compared both languages.\n\nMore.")
        #expect(article.section.isEmpty)
        #expect(article.title == "Rust > Go")
        #expect(article.body.map(\.plainText) == ["Developers compared both languages.", "More."])
        // Abbreviations and ellipses at the end of a title are not sentence ends.
        let abbreviation = try parse("WORLD > Americas\n\nTrade deal signed with the U.S.\n\nBody.")
        #expect(abbreviation.section == ["WORLD", "Americas"])
        #expect(abbreviation.title == "Trade deal signed with the U.S.")
        let japanese = try parse("ビジネス > 市場\n\n株価が上昇した。\n\n本文。")
        #expect(japanese.section.isEmpty)
        #expect(japanese.title == "ビジネス > 市場")
    }

    @Test func breadcrumbAndTitleWithoutBodyAreTitleAndBody() throws {
        // With nothing after the would-be title, the first line is the title and nothing is invented.
        let article = try parse("NEWS > World\n\nLeaders meet in Geneva")
        #expect(article.section.isEmpty)
        #expect(article.title == "NEWS > World")
        #expect(article.body.map(\.plainText) == ["Leaders meet in Geneva"])
    }

    @Test func breadcrumbSegmentsMustStartWithACapitalOrNonCasedLetter() {
        #expect(PlainTextHeuristics.breadcrumb("Why 3 > 2 matters for you") == nil)
        #expect(PlainTextHeuristics.breadcrumb("NEWS > 3") == nil)
        #expect(PlainTextHeuristics.breadcrumb("POLITICS > 2024 Election") == ["POLITICS", "2024 Election"])
        #expect(!PlainTextHeuristics.isSectionName("2 matters for you"))
        #expect(!PlainTextHeuristics.isSectionName("3"))
        #expect(PlainTextHeuristics.isTitleLike("When 2 > 1 stops being true"))
        #expect(!PlainTextHeuristics.isTitleLike("Small numbers decide big things."))
    }

    @Test func breadcrumbAloneIsTheTitle() throws {
        // A lone line cannot be both breadcrumb and title: it is the title.
        let article = try parse("NEWS > World")
        #expect(article.title == "NEWS > World")
        #expect(article.section.isEmpty)
    }

    @Test func bulletsInTheMiddleOfTheBodyAreListItems() throws {
        let text = """
            Shopping guide

            You will need:

            • Flour
            • Sugar

            Mix them well before baking, then leave the dough to rest.

              • Food
              • Baking
            """
        let article = try parse(text)
        #expect(article.tags == ["Food", "Baking"])
        #expect(article.body == [
            Block(.paragraph, text: "You will need:"),
            Block(.listItem(depth: 1, marker: "•"), text: "Flour"),
            Block(.listItem(depth: 1, marker: "•"), text: "Sugar"),
            Block(.paragraph, text: "Mix them well before baking, then leave the dough to rest."),
        ])
    }

    @Test func alternateBulletsForTags() throws {
        for bullet in ["•", "*", "-", "·"] {
            let article = try parse("Title\n\nBody.\n\n  \(bullet) Alpha\n  \(bullet) Beta Gamma")
            #expect(article.tags == ["Alpha", "Beta Gamma"], "bullet \(bullet)")
            #expect(article.body == [Block(.paragraph, text: "Body.")])
        }
    }

    @Test func trailingSentenceBulletsAreBodyNotTags() throws {
        let article = try parse("Title\n\nThree lessons:\n\n- Always test the drill before landing.\n- Never trust one sensor.")
        #expect(article.tags.isEmpty)
        #expect(article.body.count == 3)
        #expect(article.body[1].kind == .listItem(depth: 1, marker: "•"))
    }

    @Test func unindentedDashAndStarBulletsAtTheEndStayBodyListItems() throws {
        for bullet in ["-", "*"] {
            let article = try parse("Title\n\nWhat to pack:\n\n\(bullet) item one\n\(bullet) item two\n")
            #expect(article.tags.isEmpty, "bullet \(bullet)")
            #expect(article.body == [
                Block(.paragraph, text: "What to pack:"),
                Block(.listItem(depth: 1, marker: "•"), text: "item one"),
                Block(.listItem(depth: 1, marker: "•"), text: "item two"),
            ], "bullet \(bullet)")
        }
        // Indented, the same bullets are tags; an unindented one in the run ends the tag list.
        let tagged = try parse("Title\n\nBody.\n\n  - Alpha\n  * Beta")
        #expect(tagged.tags == ["Alpha", "Beta"])
        let mixed = try parse("Title\n\nBody.\n\n  - Alpha\n- Beta")
        #expect(mixed.tags.isEmpty)
        #expect(mixed.body.map(\.plainText) == ["Body.", "Alpha", "Beta"])
    }

    @Test func bulletRunGluedToAParagraphIsAList() throws {
        let article = try parse("Title\n\nIngredients:\n• Flour\n• Sugar")
        #expect(article.tags.isEmpty)
        #expect(article.body.map(\.plainText) == ["Ingredients:", "Flour", "Sugar"])
    }

    @Test func numberedAndNestedItemsInBody() throws {
        let article = try parse("Title\n\n1. First\n2) Second\n  • Inner\n• Outer again\n\n2024. A year to remember.")
        #expect(article.body == [
            Block(.listItem(depth: 1, marker: "1."), text: "First"),
            Block(.listItem(depth: 1, marker: "2)"), text: "Second"),
            Block(.listItem(depth: 2, marker: "◦"), text: "Inner"),
            Block(.listItem(depth: 1, marker: "•"), text: "Outer again"),
            Block(.paragraph, text: "2024. A year to remember."),
        ])
    }

    @Test func dashesThatAreNotBulletsStayText() throws {
        let article = try parse("Title\n\n-5 degrees tonight.\n\n*Emphasis* here.")
        #expect(article.body.map(\.plainText) == ["-5 degrees tonight.", "*Emphasis* here."])
    }

    @Test func curlyQuotesSurviveInTitleBodyAndTags() throws {
        let article = try parse("“Quoted” title’s here\n\nShe said “hello” and ‘goodbye’.\n\n• Don’t Panic")
        #expect(article.title == "“Quoted” title’s here")
        #expect(article.body[0].plainText == "She said “hello” and ‘goodbye’.")
        #expect(article.tags == ["Don’t Panic"])
    }

    @Test func hardWrappedParagraphLinesAreJoined() throws {
        let article = try parse("Title\n\nline one\nline two\n\nnext")
        #expect(article.body.map(\.plainText) == ["line one line two", "next"])
    }

    @Test func titleOnlyFile() throws {
        let article = try parse("Only a title\n")
        #expect(article.title == "Only a title")
        #expect(article.body.isEmpty)
        #expect(article.text == "")
    }

    @Test func chromeOnlyFileKeepsItsLineAsTitle() throws {
        let article = try parse("Print\n")
        #expect(article.title == "Print")
    }
}
