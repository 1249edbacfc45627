import Foundation
import NewsModel
import Testing
@testable import Feeds

/// Issue 11: href/src resolve against xml:base at any level (XML Base), then the document URL;
/// IRIs with non-ASCII characters included. Every link an article carries is absolute.
@Suite struct RelativeLinkTests {
    let feedURL = URL(string: "http://feeds.example.com/dir/feed.xml")

    func parse(_ text: String) throws -> Article {
        try #require(try FeedParser.parse(data: Data(text.utf8), url: feedURL).articles.first)
    }

    func bodyLinks(_ article: Article) -> [String] { article.body.flatMap(\.runs).compactMap(\.link) }

    @Test(arguments: FeedShape.allCases)
    func relativeLinksResolveAgainstTheDocumentURL(shape: FeedShape) throws {
        let doc = try shape.parse(html: #"<p><a href="../posts/1.html">one</a> <a href="/top">two</a> <a href="café?q=ü">three</a></p>"#,
                                  url: "http://feeds.example.com/dir/feed.xml")
        let links = try #require(doc.articles.first).body.flatMap(\.runs).compactMap(\.link)
        #expect(links == ["http://feeds.example.com/posts/1.html", "http://feeds.example.com/top",
                          "http://feeds.example.com/dir/caf%C3%A9?q=%C3%BC"])
    }

    @Test func atomXmlBaseAtEveryLevelWithIRIs() throws {
        let article = try parse(#"""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/café/"><title>F</title>
            <entry xml:base="entrée/"><id>e</id><title>t</title><link href="ünï.html"/>
            <content type="xhtml" xml:base="sub/"><div xmlns="http://www.w3.org/1999/xhtml"><p><a href="x.html">x</a>
            <span xml:base="http://other.example/deep/"><a href="y">y</a></span> <a href="/abs">z</a>
            <a href="naïve?q=ü#frag">w</a> <a href="http://日本.example/パス">idn</a></p></div></content></entry></feed>
            """#)
        #expect(article.link == "http://example.org/caf%C3%A9/entr%C3%A9e/%C3%BCn%C3%AF.html")
        #expect(bodyLinks(article) == [
            "http://example.org/caf%C3%A9/entr%C3%A9e/sub/x.html", "http://other.example/deep/y", "http://example.org/abs",
            "http://example.org/caf%C3%A9/entr%C3%A9e/sub/na%C3%AFve?q=%C3%BC#frag",
            "http://xn--wgv71a.example/%E3%83%91%E3%82%B9",
        ])
    }

    @Test func atomEscapedHTMLUsesTheContentElementsBase() throws {
        let article = try parse(#"""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry xml:base="/blog/"><id>e</id><title>t</title>
            <content type="html" xml:base="2024/">&lt;a href="post.html"&gt;p&lt;/a&gt;</content></entry></feed>
            """#)
        #expect(bodyLinks(article) == ["http://feeds.example.com/blog/2024/post.html"])
    }

    @Test func atom03XmlBase() throws {
        let article = try parse(#"""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:base="http://old.example/a/"><title>F</title>
            <entry><id>e</id><title>t</title><link rel="alternate" href="entry"/>
            <content type="text/html" mode="escaped">&lt;a href="b"&gt;b&lt;/a&gt;</content></entry></feed>
            """#)
        #expect(article.link == "http://old.example/a/entry")
        #expect(bodyLinks(article) == ["http://old.example/a/b"])
    }

    @Test(arguments: ["2.0", "0.91"])
    func rssXmlBaseOnChannelItemAndDescription(version: String) throws {
        let article = try parse(#"""
            <rss version="\#(version)"><channel xml:base="http://rss.example/ch/"><title>F</title>
            <item xml:base="items/"><title>t</title><link>story</link>
            <description xml:base="desc/">&lt;a href="x"&gt;x&lt;/a&gt;</description></item></channel></rss>
            """#)
        #expect(article.link == "http://rss.example/ch/items/story")
        #expect(bodyLinks(article) == ["http://rss.example/ch/items/desc/x"])
    }

    @Test func rawXHTMLInAnRSSDescriptionKeepsNestedBases() throws {
        let article = try parse(#"""
            <rss version="2.0"><channel><title>F</title><item><title>t</title><guid>g</guid>
            <description><p><a href="a">a</a></p><div xml:base="http://nested.example/n/"><a href="b">b</a></div></description>
            </item></channel></rss>
            """#)
        #expect(bodyLinks(article) == ["http://feeds.example.com/dir/a", "http://nested.example/n/b"])
    }

    @Test func rdfItemLinkAndContent() throws {
        let article = try parse(#"""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
              xmlns:content="http://purl.org/rss/1.0/modules/content/" xml:base="http://rdf.example/r/">
            <channel rdf:about="x"><title>F</title></channel>
            <item rdf:about="i"><title>t</title><link>page</link><content:encoded>&lt;a href="c"&gt;c&lt;/a&gt;</content:encoded></item></rdf:RDF>
            """#)
        #expect(article.link == "http://rdf.example/r/page")
        #expect(bodyLinks(article) == ["http://rdf.example/r/c"])
    }

    @Test func jsonFeedResolvesAgainstItsHomePage() throws {
        let json = #"{"version":"https://jsonfeed.org/version/1.1","title":"F","home_page_url":"http://json.example/home/","#
            + #""items":[{"id":"1","url":"entrée","content_html":"<a href=\"x\">x</a>"}]}"#
        let article = try parse(json)
        #expect(article.link == "http://json.example/home/entr%C3%A9e")
        #expect(bodyLinks(article) == ["http://json.example/home/x"])
    }

    @Test func scriptLinksAreNeverKept() throws {
        let article = try parse(#"<rss version="2.0"><channel><title>F</title><item><title>t</title><link>javascript:alert(1)</link><guid>g</guid></item></channel></rss>"#)
        #expect(article.link == nil)
    }

    /// Found by fuzzing (Fuzz/, target feed): a permalink guid became the link unchecked.
    @Test(arguments: ["javascript://%0Aalert(1)", "JavaScript://x/%0Aalert(1)", "data://text/html,<script>x</script>",
                      " vbscript://msgbox(1)"])
    func scriptPermalinksAreNeverKept(guid: String) throws {
        let escaped = guid.replacingOccurrences(of: "<", with: "&lt;")
        let article = try parse(#"<rss version="2.0"><channel><title>F</title><item><title>t</title><guid isPermaLink="true">"#
                                + escaped + "</guid></item></channel></rss>")
        #expect(article.link == nil)
        #expect(article.feedGUID == guid.trimmingCharacters(in: .whitespaces))
    }

    @Test func webPermalinksStillBecomeTheLink() throws {
        let article = try parse(#"<rss version="2.0"><channel><title>F</title><item><title>t</title><guid>https://example.com/p/1</guid></item></channel></rss>"#)
        #expect(article.link == "https://example.com/p/1")
    }
}
