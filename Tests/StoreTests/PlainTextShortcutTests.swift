import Foundation
import NewsModel
import Testing
@testable import Store

/// The shortcuts the ingest path takes must give what the long way gives.
@Suite struct PlainTextShortcutTests {
    static let body: [Block] = [
        Block(.heading(level: 2), text: "Title"),
        Block(.paragraph, [InlineRun("Hello "), InlineRun("world", emphasis: .bold, link: "https://x.example/")]),
        Block(.listItem(depth: 1, marker: "•"), text: "one"),
        Block(.listItem(depth: 3, marker: "2."), text: "nested 日本語"),
        Block(.quote(depth: 1), text: "quoted"),
        Block(.rule, text: "ignored by plain text"),
        Block(.preformatted, text: "let x = 1\n  y"),
        Block(.paragraph, []),
    ]

    @Test func plainTextMatchesTheBlockByBlockDefinition() {
        let expected = Self.body.map { block -> String in
            switch block.kind {
            case .listItem(let depth, let marker):
                return String(repeating: "  ", count: max(0, depth - 1)) + marker + " " + block.plainText
            case .quote: return "> " + block.plainText
            case .rule: return "---"
            default: return block.plainText
            }
        }.joined(separator: "\n\n")
        #expect(Self.body.plainText == expected)
        #expect([Block]().plainText == "")
    }

    @Test func plainTextEqualsAgreesWithBuildingIt() {
        let plain = Self.body.plainText
        #expect(Self.body.plainTextEquals(plain))
        #expect(!Self.body.plainTextEquals(plain + " "))
        #expect(!Self.body.plainTextEquals(String(plain.dropLast())))
        #expect(!Self.body.plainTextEquals(plain.replacingOccurrences(of: "world", with: "World")))
        #expect(!Self.body.plainTextEquals(""))
        #expect([Block]().plainTextEquals(""))
        #expect(![Block]().plainTextEquals("x"))
        #expect(!Array(Self.body.prefix(2)).plainTextEquals(plain))
    }

    @Test func feedTextIsStoredAsDerivedOnlyWhenItIsTheBodysText() {
        var article = Article(title: "t", source: ArticleSource(kind: .feed, location: "f", name: "F"), guid: "g",
                              body: Self.body)
        func stored(_ value: BulkValue) -> String? {
            switch value {
            case .blob(let bytes): return bytes.isEmpty ? "<derived>" : nil
            case .text(let text): return text
            default: return nil
            }
        }
        article.text = Self.body.plainText
        #expect(stored(PreparedArticle(article).text) == "<derived>")
        article.text = Self.body.plainText + "!"
        #expect(stored(PreparedArticle(article).text) == Self.body.plainText + "!")
    }

    @Test func tagsAreTrimmedAndDeduplicatedWithOrWithoutTheFastPath() {
        #expect(ArticleRecord.uniqueTags(["swift", " swift ", "Swift", "\u{3000}日本語\u{3000}", "日本語", "a b", "\t", ""])
                == ["swift", "日本語", "a b"])
        #expect(ArticleRecord.isTrimmed("swift"))
        #expect(!ArticleRecord.isTrimmed(" swift"))
        #expect(!ArticleRecord.isTrimmed("café"))  // ends in a non-ASCII byte: the long way
        #expect(!ArticleRecord.isTrimmed(""))
    }
}
