import Foundation
import Testing
import NewsModel
import Screen
@testable import Reader

/// A 5 MB one-paragraph article: the pane lays out the first 512 KB with a note, and a search
/// stops counting at 10,000 matches, so neither freezes the UI thread. The caps are checked,
/// not the time (timings belong to the benchmarks).
@Suite struct HugeArticleTests {
    static func hugeArticle() -> Article {
        var article = Fixtures.article()
        // "é" keeps multi-byte text at the cut; 5 MB in one paragraph.
        let sentence = "A word about the café and its fox. "
        let repeats = 5 * 1024 * 1024 / sentence.utf8.count
        article.body = [Block(.paragraph, text: String(repeating: sentence, count: repeats))]
        return article
    }

    @Test func theLayoutIsCappedWithANote() {
        let article = Self.hugeArticle()
        let total = article.body[0].plainText.utf8.count
        let content = PaneContent(article: article, width: 80, maxTextWidth: 80, timeZone: Fixtures.utc)
        let lines = content.layout.textLines
        let more = (total - PaneContent.displayLimit) / 1024
        #expect(lines.contains { $0.contains("[article truncated for display: \(more) KB more]") || $0.contains("[article truncated for display: \(more + 1) KB more]") },
                "\(lines.suffix(3))")
        let shown = lines.reduce(0) { $0 + $1.utf8.count }
        #expect(shown < PaneContent.displayLimit + 64 * 1024, "laid out \(shown) bytes")
        #expect(!lines.contains { $0.contains("\u{FFFD}") })
    }

    @Test func aSmallArticleIsNotCapped() {
        let content = PaneContent(article: Fixtures.article(), width: 80, maxTextWidth: 80, timeZone: Fixtures.utc)
        #expect(!content.layout.textLines.contains { $0.contains("truncated for display") })
    }

    @Test func searchStopsCountingAtTheCap() {
        var state = Fixtures.state(width: 120, height: 30)
        let memory = MemoryLibrary(rows: Fixtures.rows(6), counts: Fixtures.counts, articles: [Self.hugeArticle()])
        memory.run(state.update(.key(.enter)), on: &state)
        #expect(state.pane.article != nil)
        for key in KeyNotation.keystrokes("/fox<CR>") { memory.run(state.update(.key(key)), on: &state) }
        #expect(state.pane.search.matches.count == PaneContent.matchLimit)
        let status = state.view(styles: PlainStyles()).lines.last ?? ""
        #expect(status.contains("match 1/10000+"), "\(status)")
    }
}
