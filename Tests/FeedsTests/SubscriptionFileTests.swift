import Foundation
import Testing
@testable import Feeds

@Suite struct SubscriptionFileTests {
    static let opml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <opml version="1.0"><head><title>Mine</title></head><body>
      <outline text="Tech">
        <outline text="Lang &amp; Tools">
          <outline type="rss" text="Swift Blog" xmlUrl="https://swift.example.org/feed.xml" category="/apple,/lang/swift"/>
        </outline>
        <outline type="rss" title="Hacker&nbsp;Stuff" text="ignored" xmlUrl="https://hn.example.com/rss"/>
      </outline>
      <outline type="rss" text="Top level" xmlUrl="file:///tmp/x.atom"/>
      <outline type="link" text="A web page" url="https://example.com/page"/>
      <outline text="Empty folder"/>
    </body></opml>
    """

    @Test func opmlNestedOutlinesBecomeTags() throws {
        let list = try OPML.parse(data: Data(Self.opml.utf8))
        #expect(list.entries == [
            SubscriptionEntry(url: "https://swift.example.org/feed.xml", title: "Swift Blog", tags: ["Tech", "Lang & Tools", "apple", "swift"]),
            SubscriptionEntry(url: "https://hn.example.com/rss", title: "Hacker Stuff", tags: ["Tech"]),
            SubscriptionEntry(url: "file:///tmp/x.atom", title: "Top level", tags: []),
        ])
    }

    @Test func opmlExportReadsBackTheSameEntries() throws {
        let entries = [
            SubscriptionEntry(url: "https://a.example/feed?x=1&y=2", title: "A & \"B\" <c>", tags: ["news", "日本語"]),
            SubscriptionEntry(url: "https://b.example/rss", title: nil, tags: []),
            SubscriptionEntry(url: "https://c.example/atom", title: "C", tags: ["news"]),
        ]
        let text = OPML.export(entries)
        let back = try OPML.parse(data: Data(text.utf8)).entries
        #expect(back.map(\.url) == [entries[0].url, entries[2].url, entries[1].url])
        #expect(back[0].title == "A & \"B\" <c>")
        #expect(back[0].tags == ["news", "日本語"])
        #expect(back[2].title == "https://b.example/rss")
        #expect(back[2].tags == [])
    }

    @Test func opmlRejectsOtherXML() {
        #expect(throws: FeedParserError.self) { try OPML.parse(data: Data("<rss/>".utf8)) }
    }

    @Test func newsboatURLsFile() {
        let text = """
        # my feeds
        https://a.example/feed.xml "tech" "open source" news
        https://b.example/rss "~B's \\"quoted\\" title" "tech"
        https://hidden.example/feed "!" "~Hidden one"

        "query:Unread Articles:unread = \\"yes\\"" "meta"
        "exec:~/bin/make-feed" tag
        "filter:~/bin/f:https://x.example/feed"
        https://a.example/feed.xml "duplicate"
        """
        let list = NewsboatURLs.parse(text)
        #expect(list.entries == [
            SubscriptionEntry(url: "https://a.example/feed.xml", tags: ["tech", "open source", "news"]),
            SubscriptionEntry(url: "https://b.example/rss", title: "B's \"quoted\" title", tags: ["tech"]),
            SubscriptionEntry(url: "https://hidden.example/feed", title: "Hidden one", hidden: true),
        ])
        #expect(list.unsupported.count == 3)
        #expect(list.unsupported[0].hasPrefix("line 6: query:"))
        #expect(list.unsupported[1].hasPrefix("line 7: exec:"))
        #expect(list.unsupported[2].hasPrefix("line 8: filter:"))
        #expect(NewsboatURLs.parse(NewsboatURLs.export(list.entries)).entries == list.entries)
    }
}
