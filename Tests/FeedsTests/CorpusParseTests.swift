import Foundation
import Testing
@testable import Feeds

/// Opt-in measurement on a corpus made by the bench kit's make-corpus (never part of CI):
/// `FEEDS_CORPUS=/tmp/corpus swift test --filter CorpusParseTests`.
@Suite struct CorpusParseTests {
    static let corpus = ProcessInfo.processInfo.environment["FEEDS_CORPUS"]

    @Test(.enabled(if: corpus != nil)) func everyItemOfTheCorpusParses() throws {
        let dir = URL(fileURLWithPath: Self.corpus ?? "/nonexistent")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json"))) as? [String: Any]
        let files = try FileManager.default.contentsOfDirectory(at: dir.appendingPathComponent("feeds"), includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let start = Date()
        var total = 0
        var bytes = 0
        for file in files {
            let data = try Data(contentsOf: file)
            bytes += data.count
            let doc = try FeedParser.parse(data: data, url: file)
            total += doc.articles.count
            #expect(doc.articles.allSatisfy { !$0.title.isEmpty })
        }
        let elapsed = Date().timeIntervalSince(start)
        let expected = (manifest?["total_items"] as? Int) ?? -1
        print("corpus: \(files.count) files, \(bytes / 1_000_000) MB, \(total) items in \(String(format: "%.2f", elapsed)) s (manifest: \(expected))")
        #expect(total == expected)
    }
}
