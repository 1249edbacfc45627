import Foundation
import Testing

/// Issue 11 on the real binary: an item with an embedded video in the middle shows every
/// paragraph after it in the reading pane and in search; relative links are absolute in the
/// pane and when opened with `o`.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, TmuxSession.skipReason)) struct FeedFidelityEndToEndTests {

    static let feed = """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0" xml:base="http://e2e.example/base/"><channel><title>Fidelity E2E</title>
    <item><guid>video-1</guid><title>Embedded video story</title><link>story.html</link>
    <pubDate>Tue, 01 Jan 2030 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;Before the video alpha.&lt;/p&gt;
    &lt;object width="425" height="344"&gt;&lt;param name="movie" value="v.swf"&gt;
    &lt;embed src="v.swf" type="application/x-shockwave-flash" width="425" height="344"&gt;
    &lt;p&gt;After the video bravo, see &lt;a href="next.html"&gt;the next part&lt;/a&gt;.&lt;/p&gt;
    &lt;p&gt;Closing paragraph charlie.&lt;/p&gt;</description></item>
    </channel></rss>
    """

    @Test
    func paragraphsAfterAnEmbedAreInThePaneAndInSearch() throws {
        let session = TmuxSession()
        let file = session.directory.appendingPathComponent("video.xml")
        try Self.feed.write(to: file, atomically: true, encoding: .utf8)
        _ = try session.cli(["add", file.path])
        let refresh = try session.cli(["refresh"])
        #expect(refresh.contains("1 new"), "\(refresh)")

        // Search (FTS) finds words from after the embed.
        let found = try session.cli(["search", "charlie", "--json"])
        #expect(found.contains("Embedded video story"), "\(found)")
        #expect(try session.cli(["search", "bravo", "--json"]).contains("Embedded video story"))

        try session.startReader(width: 160, height: 40)
        #expect(session.waitFor("Embedded video story"), "\(session.text())")
        try session.send("g", "g")
        try session.send("Enter")
        #expect(session.wait { ReadingFlowEndToEndTests.paneText($0).joined(separator: "\n").contains("charlie") },
                "\(session.text())")
        let pane = ReadingFlowEndToEndTests.paneText(session.screen()).joined(separator: "\n")
        #expect(pane.contains("Before the video alpha."))
        #expect(pane.contains("After the video bravo"))
        #expect(pane.contains("Closing paragraph charlie."))
        // The link in the body is listed absolute, resolved against xml:base.
        #expect(pane.contains("http://e2e.example/base/next.html"), "\(pane)")

        // In-article search reaches the last paragraph.
        try session.type("/charlie")
        try session.send("Enter")
        #expect(session.waitFor("match 1/1"), "\(session.text())")

        // `o` opens the item's link, absolute although the feed wrote it relative.
        try session.send("o")
        #expect(session.waitFor("Opened http://e2e.example/base/story.html in true"), "\(session.text())")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"), "\(session.text())")
    }
}
