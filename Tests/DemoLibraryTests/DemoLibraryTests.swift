import Foundation
import NewsModel
import Testing
@testable import DemoLibrary

/// The demo library is what a first-time user sees: every embedded file must parse cleanly with
/// the real article parser, and together they must exercise the reader (tags, sections, a long
/// read, Japanese, emoji, other scripts, long URLs).
@Suite struct DemoLibraryTests {
    let articles = DemoLibrary.articles()

    @Test func everyFileParsesWithoutProblems() {
        #expect(DemoLibrary.problems() == [])
        #expect(DemoLibrary.files.count >= 14)
        #expect(articles.count >= 12)
        #expect(articles.count == DemoLibrary.files.count, "one article per demo file")
    }

    @Test func idsAreUniqueAndSourcesAreDemo() {
        #expect(Set(articles.map(\.id)).count == articles.count)
        for article in articles {
            #expect(article.source.kind == .demo)
            #expect(article.source.location.hasPrefix("demo:"))
            #expect(article.source.name == DemoLibrary.sourceName)
        }
    }

    @Test func everyArticleHasTitleAndBody() {
        #expect(!articles.isEmpty)
        for article in articles {
            #expect(!article.title.trimmingCharacters(in: .whitespaces).isEmpty, "\(article.source.location)")
            #expect(!article.body.isEmpty, "\(article.title)")
            #expect(Self.wordCount(article.text) >= 40 || Self.japaneseShare(article.text) > 0.5,
                    "\(article.title) is too short to be an article")
        }
    }

    @Test func tagsAreVariedAndShared() {
        var counts: [String: Int] = [:]
        for article in articles { for tag in Set(article.tags) { counts[tag, default: 0] += 1 } }
        #expect(counts.count >= 6, "distinct tags: \(counts.keys.sorted())")
        let shared = counts.filter { $0.value > 1 }
        #expect(shared.count >= 6, "tags used by more than one article: \(shared)")
        #expect(articles.filter { $0.tags.isEmpty }.count <= 1)
    }

    @Test func sectionsHaveDepth() {
        let topLevel = Set(articles.compactMap(\.section.first))
        #expect(topLevel.count >= 4, "top-level sections: \(topLevel.sorted())")
        #expect(articles.contains { $0.section.count >= 2 }, "some sections have subsections")
    }

    @Test func containsALongRead() {
        let longest = articles.map { Self.wordCount($0.text) }.max() ?? 0
        #expect(longest >= 3_000, "longest article has \(longest) words")
    }

    @Test func containsAMostlyJapaneseArticle() throws {
        let japanese = try #require(articles.first { Self.japaneseShare($0.text) > 0.5 })
        #expect(Self.japaneseShare(japanese.title) > 0.5, "title: \(japanese.title)")
    }

    @Test func containsOtherScriptsEmojiAndLongTokens() {
        let all = articles.map { $0.title + "\n" + $0.text }
        #expect(all.contains { $0.unicodeScalars.contains { (0x0391...0x03C9).contains($0.value) } }, "Greek")
        #expect(all.contains { $0.unicodeScalars.contains { (0x0410...0x044F).contains($0.value) } }, "Cyrillic")
        #expect(all.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } }, "emoji")
        let tokens = all.flatMap { $0.split(whereSeparator: \.isWhitespace) }
        #expect(tokens.contains { $0.hasPrefix("https://") && $0.count >= 120 }, "a long URL")
        #expect(tokens.contains { $0.count >= 45 && $0.allSatisfy(\.isLetter) }, "a very long word")
    }

    @Test func oneArticleHasEmojiListsAndQuotes() {
        let rich = articles.filter { article in
            let kinds = article.body.map(\.kind)
            return article.text.unicodeScalars.contains { $0.properties.isEmojiPresentation }
                && kinds.contains { if case .listItem = $0 { true } else { false } }
                && kinds.contains { if case .quote = $0 { true } else { false } }
        }
        #expect(!rich.isEmpty)
    }

    @Test func markdownFilesKeepTheirStructure() {
        let markdown = articles.filter { $0.source.location.hasSuffix(".md") }
        #expect(markdown.count >= 2)
        for article in markdown {
            let kinds = article.body.map(\.kind)
            #expect(!article.tags.isEmpty, "front matter tags of \(article.source.location)")
            #expect(!article.section.isEmpty, "front matter section of \(article.source.location)")
            #expect(kinds.contains { if case .heading = $0 { true } else { false } }, "\(article.title)")
            #expect(kinds.contains { if case .listItem = $0 { true } else { false } }, "\(article.title)")
            #expect(kinds.contains { if case .quote = $0 { true } else { false } }, "\(article.title)")
            #expect(!article.text.contains("## "), "no raw Markdown left in \(article.title)")
        }
    }

    @Test func coversEveryFileFormat() {
        let extensions = Set(DemoLibrary.files.map { ($0.name as NSString).pathExtension })
        #expect(extensions.isSuperset(of: ["txt", "md", "html"]))
    }

    @Test func welcomeIsNewestAndExplainsTheApp() throws {
        let welcome = try #require(articles.first { $0.title == "Welcome to newsreader" })
        #expect(articles.first?.id == welcome.id, "newest first, Welcome on top")
        for phrase in ["newsreader import", "newsreader add", "F1", "Enter", "Tab", "/"] {
            #expect(welcome.text.contains(phrase), "Welcome mentions \(phrase)")
        }
    }

    @Test func everyFileHasItsOwnDistinctDate() {
        for file in DemoLibrary.files {
            #expect(DemoPublishDates.hasDate(forFile: file.name), "\(file.name) needs a date")
        }
        let dates = articles.compactMap(\.published)
        #expect(dates.count == DemoLibrary.files.count)
        #expect(Set(dates).count == dates.count)
        #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 > $1 }, "sorted newest first")
    }

    @Test func parsingTwiceGivesTheSameIds() {
        #expect(DemoLibrary.articles().map(\.id) == articles.map(\.id))
    }

    // MARK: helpers

    /// Words as a reader counts them: whitespace-separated tokens with at least one letter.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }.count
    }

    /// Share of letters (by scalar) that are kana or kanji.
    static func japaneseShare(_ text: String) -> Double {
        let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
        guard !letters.isEmpty else { return 0 }
        let japanese = letters.filter {
            (0x3040...0x30FF).contains($0.value) || (0x3400...0x4DBF).contains($0.value)
                || (0x4E00...0x9FFF).contains($0.value) || (0xFF66...0xFF9F).contains($0.value)
        }
        return Double(japanese.count) / Double(letters.count)
    }
}
