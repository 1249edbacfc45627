import Foundation
import Testing

/// The whole reading flow on the real binary: import, open, navigate, search with n, bookmark,
/// quit, restart (bookmark still there), and re-wrap on resize.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, TmuxSession.skipReason)) struct ReadingFlowEndToEndTests {
    /// Paragraph k is made only of the token "pKK", so any screen line tells which paragraph it shows.
    static func paragraphs(_ count: Int) -> String {
        (1...count).map { k in
            let token = k < 10 ? "p0\(k)" : "p\(k)"
            return Array(repeating: token, count: 45).joined(separator: " ")
        }.joined(separator: "\n\n")
    }

    static func writeArticles(to dir: URL) throws {
        let zebra = """
        ---
        title: Zebra crossing report
        date: 2030-01-03
        link: https://example.com/zebra
        tags: [e2e, roads]
        ---

        The zebra crossing outside the school was repainted. A zebra is also an animal; this zebra is a crossing.

        \(paragraphs(20))

        Last words about the zebra.
        """
        let second = """
        ---
        title: Second end-to-end article
        date: 2030-01-02
        ---

        Nothing about stripes here.
        """
        let japanese = """
        ---
        title: 日本語の記事テスト
        date: 2030-01-01
        ---

        東京の天気は晴れです。
        """
        try zebra.write(to: dir.appendingPathComponent("zebra.md"), atomically: true, encoding: .utf8)
        try second.write(to: dir.appendingPathComponent("second.md"), atomically: true, encoding: .utf8)
        try japanese.write(to: dir.appendingPathComponent("japanese.md"), atomically: true, encoding: .utf8)
    }

    /// The reading pane's part of each screen line: right of the second separator in the
    /// three-pane layout, the whole line when the pane has the screen.
    static func paneText(_ screen: [String]) -> [String] {
        screen.dropLast().map { line in
            let parts = line.components(separatedBy: "│")
            return parts.count >= 3 ? parts[2...].joined(separator: "│") : line
        }
    }

    static func paragraphToken(_ line: String) -> String? {
        line.split(separator: " ").first { $0.count == 3 && $0.hasPrefix("p") && $0.dropFirst().allSatisfy(\.isNumber) }.map(String.init)
    }

    @Test func navigateSearchBookmarkRestartAndResize() throws {
        let session = TmuxSession()
        let articles = session.directory.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try Self.writeArticles(to: articles)
        let imported = try session.cli(["import", articles.path])
        #expect(imported.contains("imported 3"), "\(imported)")

        try session.startReader(width: 120, height: 40)
        #expect(session.waitFor("Zebra crossing report"), "\(session.text())")
        #expect(session.screen()[0].contains("Zebra crossing report"), "newest first")
        #expect(session.waitFor("日本語の記事テスト"))

        // Navigate: j/k move the selection (the status line shows the position).
        try session.send("j")
        #expect(session.waitFor("All · 2/"), "\(session.text())")
        try session.send("k")
        #expect(session.waitFor("All · 1/"))

        // Open, then search with / and step with n.
        try session.send("Enter")
        #expect(session.wait { Self.paneText($0).first?.contains("Zebra crossing report") == true }, "\(session.text())")
        // `o` with $BROWSER=true (a program that exits at once) reports the opened link.
        try session.send("o")
        #expect(session.waitFor("Opened https://example.com/zebra in true"), "\(session.text())")
        try session.type("/zebra")
        try session.send("Enter")
        #expect(session.waitFor("match 1/4"), "\(session.text())")
        try session.send("n")
        #expect(session.waitFor("match 2/4"), "\(session.text())")
        try session.send("N", "N")
        #expect(session.waitFor("search hit TOP, continuing at BOTTOM"), "\(session.text())")
        #expect(session.waitFor("match 4/4"))

        // Bookmark: the status line says so only once it is saved.
        try session.send("b")
        #expect(session.waitFor("Bookmarked"), "\(session.text())")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"), "\(session.text())")
        let bookmarks = try session.cli(["bookmarks", "--json"])
        #expect(bookmarks.contains("Zebra crossing report"), "\(bookmarks)")

        // Restart: the bookmark is still there, in the list and under Bookmarks.
        try session.restartReader()
        #expect(session.waitFor("Zebra crossing report"), "\(session.text())")
        #expect(session.wait { $0[0].contains("★") }, "\(session.screen()[0])")
        #expect(session.wait { $0.contains { $0.hasPrefix(" Bookmarks") && $0.contains(" 1 │") } }, "\(session.screen().prefix(4))")

        // Resize: open the article, scroll into the paragraphs, shrink the window.
        // It reopens where it was left (the paragraph of the last match); go to the top.
        try session.send("Enter")
        #expect(session.wait { $0.contains { $0.hasPrefix(" line ") } && !$0.contains { $0.hasPrefix(" line 1/") } }, "\(session.text())")
        try session.send("g", "g")
        #expect(session.wait { Self.paneText($0).first?.contains("Zebra crossing report") == true })
        try session.type("/zebra")
        try session.send("Enter")
        #expect(session.waitFor("match 1/4"))
        try session.send("2", "5", "j")
        #expect(session.waitFor("line 26/"), "\(session.text())")
        let before = Self.paneText(session.screen())
        guard let token = Self.paragraphToken(before[0]) else {
            Issue.record("no paragraph at the top: \(before[0])")
            return
        }
        let widthBefore = before.compactMap { Self.paragraphToken($0) != nil ? $0.trimmingCharacters(in: .whitespaces).count : nil }.max() ?? 0
        try session.resize(width: 90, height: 40)
        #expect(session.wait { screen in
            let pane = Self.paneText(screen)
            return (pane.compactMap { Self.paragraphToken($0) != nil ? $0.trimmingCharacters(in: .whitespaces).count : nil }.max() ?? 0) > widthBefore
        }, "\(session.text())")
        let after = Self.paneText(session.screen())
        #expect(Self.paragraphToken(after[0]) == token, "same paragraph at the top: \(token) vs \(after[0])")
        let widthAfter = after.map { $0.trimmingCharacters(in: .whitespaces).count }.max() ?? 0
        #expect(widthAfter <= 88 && widthAfter > 80, "wrapped to the 80-column text width: \(widthAfter)")
        // The search survives the re-wrap.
        #expect(session.screen().last { !$0.isEmpty }?.contains("match 1/4") == true, "\(session.text())")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"))
    }
}

/// A hang-up (terminal closed) or SIGTERM keeps the reading position, as `q` does.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, TmuxSession.skipReason)) struct SignalPositionEndToEndTests {
    @Test func hangupKeepsTheReadingPosition() throws {
        let session = TmuxSession()
        let articles = session.directory.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try ReadingFlowEndToEndTests.writeArticles(to: articles)
        _ = try session.cli(["import", articles.path])

        try session.startReader(width: 120, height: 40)
        #expect(session.waitFor("Zebra crossing report"), "\(session.text())")
        try session.send("Enter")
        #expect(session.wait { ReadingFlowEndToEndTests.paneText($0).first?.contains("Zebra crossing report") == true }, "\(session.text())")
        try session.send("3", "0", "j")
        #expect(session.waitFor("line 31/"), "\(session.text())")
        let before = ReadingFlowEndToEndTests.paneText(session.screen())
        guard let token = ReadingFlowEndToEndTests.paragraphToken(before[0]) else {
            Issue.record("no paragraph at the top: \(before[0])")
            return
        }
        let pid = try session.readerPID()
        #expect(!pid.isEmpty)
        _ = try TmuxSession.run("/bin/kill", ["-HUP", pid], environment: [:])
        #expect(session.waitFor("EXIT=129"), "\(session.text())")

        try session.restartReader()
        #expect(session.waitFor("Zebra crossing report"), "\(session.text())")
        try session.send("Enter")
        #expect(session.wait { ReadingFlowEndToEndTests.paragraphToken(ReadingFlowEndToEndTests.paneText($0)[0]) == token },
                "reopened at \(token): \(session.text())")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"))
    }
}
