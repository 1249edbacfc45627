import Foundation
import Testing
@testable import Store

/// Prints how long reading one article takes in a real library (no assertion: timings are
/// reported, not tested). Run with NEWSREADER_TIMING_LIBRARY=/path/library.sqlite, e.g. the
/// one `scripts/bench-ingest` leaves in its work folder.
@Suite struct ArticleReadTimingTests {
    static let library = ProcessInfo.processInfo.environment["NEWSREADER_TIMING_LIBRARY"]

    @Test(.enabled(if: library != nil, "set NEWSREADER_TIMING_LIBRARY to time article reads"))
    func readingOneArticle() throws {
        let store = try LibraryStore(path: try #require(Self.library))
        let ids = try store.read { try String.fetchAll($0, sql: "SELECT id FROM article ORDER BY random() LIMIT 1000") }
        let clock = ContinuousClock()
        var worst = Duration.zero
        let start = clock.now
        for id in ids {
            let before = clock.now
            let article = try store.article(id: id)
            worst = max(worst, clock.now - before)
            #expect(article != nil)
        }
        let total = clock.now - start
        print("ArticleReadTimingTests: \(ids.count) articles, mean \(total / max(1, ids.count)), worst \(worst)")
    }
}
