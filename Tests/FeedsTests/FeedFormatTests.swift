import Foundation
import Testing
import NewsModel
@testable import Feeds

@Suite struct FeedFormatTests {
    func parse(_ text: String, url: String = "https://example.com/feed.xml") throws -> ParsedDocument {
        try FeedParser.parse(data: Data(text.utf8), url: URL(string: url))
    }

    @Test func rss20ChannelAndItems() throws {
        let doc = try parse(FeedFixtures.rss20)
        #expect(doc.feed?.title == "Example & Friends")
        #expect(doc.feed?.link == "https://example.com/")
        #expect(doc.feed?.language == "en-gb")
        #expect(doc.articles.count == 3)
        let first = doc.articles[0]
        #expect(first.title == "First post")
        #expect(first.guid == "post-1")
        #expect(first.id == ArticleID.make(source: "https://example.com/feed.xml", guid: "post-1"))
        #expect(first.link == "https://example.com/posts/1")
        #expect(first.author == "Jane Doe")
        #expect(first.tags == ["Swift", "Terminals"])
        #expect(first.contentHTML?.contains("<b>full</b>") == true)
        #expect(first.summary == "A short summary.")
        #expect(first.text == "The full text with \u{A0} entity kept for HTML.")
        #expect(first.body.first?.runs.contains(InlineRun("full", emphasis: .bold)) == true)
        #expect(first.published == Date(timeIntervalSince1970: 1_709_645_400))  // 13:30 UTC
        #expect(first.enclosures.map(\.url) == ["https://example.com/a.mp3", "https://example.com/pic.jpg"])
        #expect(first.enclosures.first?.length == 12345)
        #expect(first.enclosures.first?.type == "audio/mpeg")
        #expect(first.source == ArticleSource(kind: .feed, location: "https://example.com/feed.xml", name: "Example & Friends"))
    }

    @Test func rss20EscapedDescriptionRelativeLinkAuthorEmailAndDcDate() throws {
        let second = try parse(FeedFixtures.rss20).articles[1]
        #expect(second.title == "Second <post>")
        #expect(second.link == "https://example.com/posts/2")
        #expect(second.guid == "https://example.com/posts/2")  // no guid: the link
        #expect(second.author == "Bob Roe")
        #expect(second.contentHTML == "<p>Escaped <em>HTML</em> body</p>")
        #expect(second.published == Date(timeIntervalSince1970: 1_709_712_000))
    }

    @Test func untitledItemGetsTitleFromItsText() throws {
        let third = try parse(FeedFixtures.rss20).articles[2]
        #expect(third.title == "Just a note without any title, long enough to make…")
        #expect(third.link == "https://example.com/notes/3")  // permalink guid
        #expect(third.published == nil)
    }

    @Test func rss091WithDoctypeAndHTMLEntities() throws {
        let doc = try parse(FeedFixtures.rss091, url: "http://old.example.com/rss")
        #expect(doc.feed?.title == "Old school")
        #expect(doc.articles.count == 1)
        #expect(doc.articles[0].contentHTML == "Plain été")
    }

    @Test func rdfItemsBesideTheChannel() throws {
        let doc = try parse(FeedFixtures.rdf, url: "https://rdf.example.org/index.rdf")
        #expect(doc.feed?.title == "RDF Site")
        #expect(doc.articles.map(\.title) == ["RDF item A", "RDF item B"])
        let a = doc.articles[0]
        #expect(a.guid == "https://rdf.example.org/a")
        #expect(a.tags == ["Semantic Web", "XML"])
        #expect(a.author == "Tim")
        #expect(a.published == Date(timeIntervalSince1970: 1_706_774_400))
        #expect(doc.articles[1].contentHTML == "<p>Rich B</p>")
        #expect(FeedParser.sniff(data: Data(FeedFixtures.rdf.utf8)) == .rdf)
    }

    @Test func atom10TextHTMLAndXHTMLWithXmlBase() throws {
        let doc = try parse(FeedFixtures.atom10, url: "https://atom.example.net/blog/feed.atom")
        #expect(doc.feed?.title == "Atom Blog")
        #expect(doc.feed?.link == "https://atom.example.net/blog/")
        #expect(doc.feed?.language == "en")
        #expect(doc.articles.count == 3)
        let hello = doc.articles[0]
        #expect(hello.title == "Hello world & more")
        #expect(hello.link == "https://atom.example.net/blog/posts/hello")
        #expect(hello.enclosures == [Enclosure(url: "https://atom.example.net/media/hello.ogg", type: "audio/ogg", length: 99)])
        #expect(hello.guid == "tag:atom.example.net,2024:hello")
        #expect(hello.published == Date(timeIntervalSince1970: 1_711_890_000))
        #expect(hello.updated == Date(timeIntervalSince1970: 1_711_962_000))
        #expect(hello.author == "Ann Author")
        #expect(hello.tags == ["news", "Labelled"])
        #expect(hello.summary == "Plain summary & more")
        #expect(hello.contentHTML == #"<p>HTML <a href="rel/link">content</a></p>"#)
        // xml:base reaches the HTML converter: relative links in content resolve.
        #expect(hello.body.flatMap(\.runs).compactMap(\.link) == ["https://atom.example.net/blog/rel/link"])
        #expect(hello.text == "HTML content")

        let xhtml = doc.articles[1]
        #expect(xhtml.link == "https://other.example.net/deep/page.html")
        // Raw XHTML has its links made absolute before serialisation (xml:base may sit at any level).
        #expect(xhtml.contentHTML?.contains("<p>An <strong>xhtml</strong> paragraph &amp; <a href=\"https://other.example.net/deep/x\">link</a>.</p>") == true)
        #expect(xhtml.contentHTML?.contains("div") == false)
        #expect(xhtml.body.flatMap(\.runs).compactMap(\.link) == ["https://other.example.net/deep/x"])
        #expect(xhtml.text == "An xhtml paragraph & link.")
        #expect(xhtml.published == Date(timeIntervalSince1970: 1_712_052_000))  // updated stands in

        let text = doc.articles[2]
        #expect(text.contentHTML == "<p>First &lt;not a tag&gt; paragraph.</p>\n<p>Second paragraph.</p>")
    }

    @Test func atom03EscapedAndBase64Modes() throws {
        let doc = try parse(FeedFixtures.atom03, url: "http://atom03.example.com/atom.xml")
        #expect(doc.feed?.title == "Old Atom")
        #expect(doc.articles.count == 2)
        #expect(doc.articles[0].contentHTML == "<p>Escaped <b>bold</b></p>")
        #expect(doc.articles[0].link == "http://atom03.example.com/1")
        #expect(doc.articles[0].published == Date(timeIntervalSince1970: 1_071_318_569))
        #expect(doc.articles[1].contentHTML == "<p>Base sixty-four</p>")
    }

    @Test func jsonFeed11() throws {
        let doc = try parse(FeedFixtures.jsonFeed11, url: "https://json.example.com/feed.json")
        #expect(doc.feed?.title == "JSON Feed Blog")
        #expect(doc.articles.count == 2)
        let one = doc.articles[0]
        #expect(one.title == "JSON one")
        #expect(one.guid == "1")
        #expect(one.tags == ["json", "feeds"])
        #expect(one.author == "Feed Author")
        #expect(one.summary == "Summary one")
        #expect(one.published == Date(timeIntervalSince1970: 1_714_557_600))
        #expect(one.enclosures == [Enclosure(url: "https://json.example.com/a.mp3", type: "audio/mpeg", length: 42)])
        let two = doc.articles[1]
        #expect(two.guid == "2")
        #expect(two.published == nil)
        #expect(two.author == "Item Author")
        #expect(two.title == "Only text, no title here at all")  // from its text
        #expect(FeedParser.sniff(data: Data(FeedFixtures.jsonFeed11.utf8)) == .jsonFeed)
    }

    @Test func jsonFeed10() throws {
        let doc = try parse(FeedFixtures.jsonFeed10, url: "https://j10.example.com/feed.json")
        #expect(doc.articles.map(\.title) == ["A"])
        #expect(doc.articles[0].author == "Solo")
    }

    @Test func sniffingRecognisesEachFormatAndNothingElse() {
        #expect(FeedParser.sniff(data: Data(FeedFixtures.rss20.utf8)) == .rss)
        #expect(FeedParser.sniff(data: Data(FeedFixtures.rss091.utf8)) == .rss)
        #expect(FeedParser.sniff(data: Data(FeedFixtures.atom10.utf8)) == .atom)
        #expect(FeedParser.sniff(data: Data(FeedFixtures.atom03.utf8)) == .atom)
        #expect(FeedParser.sniff(data: Data("<html><body>hi</body></html>".utf8)) == nil)
        #expect(FeedParser.sniff(data: Data(#"{"a": 1}"#.utf8)) == nil)
        #expect(FeedParser.sniff(data: Data("Title: x\n\nplain".utf8)) == nil)
    }

    @Test func refusesNonFeeds() {
        #expect(throws: FeedParserError.self) { try parse("<html><body>hi</body></html>") }
        #expect(throws: FeedParserError.self) { try parse(#"{"hello": "world"}"#) }
        #expect(throws: FeedParserError.self) { try parse("") }
    }

    @Test func repeatedGuidIsKeptOnce() throws {
        let xml = """
        <rss><channel><title>T</title>
        <item><guid>same</guid><title>one</title></item><item><guid>same</guid><title>two</title></item>
        </channel></rss>
        """
        #expect(try parse(xml).articles.map(\.title) == ["one"])
    }
}

@Suite struct DocumentParserTests {
    @Test func feedFilesAreSniffedByContentNotExtension() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text, title) in [("a.txt", FeedFixtures.atom10, "Atom Blog"), ("b.xml", FeedFixtures.rss20, "Example & Friends"),
                                    ("c", FeedFixtures.jsonFeed11, "JSON Feed Blog"), ("d.rdf", FeedFixtures.rdf, "RDF Site")] {
            let file = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            #expect(DocumentParser.isFeed(fileAt: file))
            let doc = try DocumentParser.parse(fileAt: file)
            #expect(doc.feed?.title == title)
            #expect(doc.articles.first?.source.kind == .feed)
        }
        let plain = dir.appendingPathComponent("note.txt")
        try Data("Just a note\n\nwith text".utf8).write(to: plain)
        #expect(!DocumentParser.isFeed(fileAt: plain))
        #expect(try DocumentParser.parse(fileAt: plain).feed == nil)
    }
}
