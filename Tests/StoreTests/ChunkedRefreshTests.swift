import Foundation
import Testing
import TestSupport

/// A feed bigger than one piece (100 articles) reaches the writer in pieces while it is parsed:
/// the library ends up with the same articles as a whole parse, the outcome counts every piece,
/// bookmarks survive a re-refresh, and the feed's row (title, item count) is written once.
@Suite struct ChunkedRefreshTests: CLILibrarySuite {
    let dir: URL

    init() throws { dir = try Self.makeFolder("chunked") }

    static func feed(items: Range<Int>, changed: Int? = nil, titleLast: Bool = false) -> String {
        let title = "<title>Big Feed</title>\n"
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>" + (titleLast ? "" : title)
        for i in items {
            let body = i == changed ? "changed body \(i)" : "body of item \(i)"
            xml += "<item><guid>item-\(i)</guid><title>Item \(i)</title><category>big</category>"
                + "<description>&lt;p&gt;\(body)&lt;/p&gt;</description></item>\n"
        }
        return xml + (titleLast ? title : "") + "</channel></rss>"
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func aFeedOfManyPiecesIsStoredWholeAndKeepsBookmarks() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.rss")
        try Self.feed(items: 0..<250).write(to: file, atomically: true, encoding: .utf8)
        let added = try run(["add", file.path])
        #expect(added.status == 0, "\(added.stderr)")

        let first = try run(["refresh"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("250 new, 0 updated articles"), "\(first.stdout)")
        let parsedText = try CLIProcessTests.run(["parse", "--json", file.path]).stdout
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(parsedText.utf8)) as? [String: Any])
        let parsedIDs = Set(((parsed["articles"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        let listed = try CLIProcessTests.jsonArray(try run(["list", "--tag", "big", "--json", "--limit", "1000"]).stdout)
        let listedIDs = Set(listed.compactMap { $0["id"] as? String })
        #expect(parsedIDs.count == 250)
        // Counts and differences, not the sets: 250 ids make an unreadable failure.
        #expect(listedIDs.count == 250 && listedIDs.symmetricDifference(parsedIDs).isEmpty)
        #expect(Set(listed.compactMap { $0["source"] as? String }) == ["Big Feed"])
        let feeds = try CLIProcessTests.jsonArray(try run(["feeds", "--json"]).stdout)
        #expect(feeds.map { $0["title"] as? String } == ["Big Feed"])
        #expect(feeds.map { $0["items"] as? Int } == [250])

        // Bookmark an article of the first piece, then change one item of another and add 20.
        let marked = try #require(listed.first { $0["title"] as? String == "Item 3" }?["id"] as? String)
        #expect(try run(["bookmark", "add", marked]).status == 0)
        try Self.feed(items: 0..<270, changed: 150).write(to: file, atomically: true, encoding: .utf8)
        let second = try run(["refresh"])
        #expect(second.stdout.contains("20 new, 1 updated articles"), "\(second.stdout)")
        let bookmarks = try CLIProcessTests.jsonArray(try run(["bookmarks", "--json"]).stdout)
        #expect(bookmarks.compactMap { $0["id"] as? String } == [marked])
        let again = try CLIProcessTests.jsonArray(try run(["feeds", "--json"]).stdout)
        #expect(again.map { $0["items"] as? Int } == [270])
    }

    /// A `<title>` after the items: the first pieces went out before it was read, named after the
    /// file; the last piece renames them (200 items: the last piece holds no article at all).
    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"), arguments: [200, 250])
    func aTitleAfterTheItemsNamesEveryPiece(count: Int) throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("late.rss")
        try Self.feed(items: 0..<count, titleLast: true).write(to: file, atomically: true, encoding: .utf8)
        #expect(try run(["add", file.path]).status == 0)
        for _ in 0..<2 {
            let refreshed = try run(["refresh"])
            #expect(refreshed.status == 0, "\(refreshed.stderr)")
            let listed = try CLIProcessTests.jsonArray(try run(["list", "--tag", "big", "--json", "--limit", "1000"]).stdout)
            #expect(listed.count == count)
            #expect(Set(listed.compactMap { $0["source"] as? String }) == ["Big Feed"])
        }
    }
}
