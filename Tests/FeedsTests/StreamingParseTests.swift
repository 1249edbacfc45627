import Foundation
import NewsModel
import Testing
@testable import Feeds

/// A refresh reads a feed's items while the document is parsed and hands them on in pieces;
/// whatever the piece size, the articles, their order and the warnings are those of a
/// whole-document parse, and the document tree never holds more than the item being read.
@Suite struct StreamingParseTests {
    static let url = URL(string: "https://stream.example.com/feed.xml")

    static func item(_ i: Int, guid: String? = nil) -> String {
        "<item><title>T\(i) &amp; <b>bold</b></title><link>http://e.example/\(i)</link>"
            + "<guid>\(guid ?? "g\(i)")</guid><description>&lt;p&gt;para \(i) &lt;a href='/x'&gt;l&lt;/a&gt;&lt;/p&gt;"
            + "</description><category>c\(i % 3)</category></item>\n"
    }

    static func entry(_ i: Int) -> String {
        "<entry><id>urn:\(i)</id><title type='html'>A\(i) &lt;i&gt;x&lt;/i&gt;</title><link href='/a/\(i)'/>"
            + "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>Hi <a href='rel'>r</a></p></div>"
            + "</content><updated>2024-01-0\(1 + i % 9)T00:00:00Z</updated></entry>\n"
    }

    static func rss(_ body: String, title: String = "<title>Chan</title>") -> String {
        "<?xml version='1.0'?><rss version='2.0'><channel>\(title)\(body)</channel></rss>"
    }

    /// Documents whose items sit where a streaming reader could get the order or the set wrong.
    static let documents: [(String, String)] = [
        ("plain RSS", rss((0..<230).map { item($0) }.joined())),
        ("items beside the channel", "<?xml version='1.0'?><rss version='2.0'>\(item(900))<channel><title>C</title>"
            + (0..<5).map { item($0) }.joined() + "</channel>\(item(901))</rss>"),
        ("RDF items in and beside the channel",
         "<?xml version='1.0'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
            + "xmlns='http://purl.org/rss/1.0/'><channel rdf:about='http://e.example/'><title>R</title>\(item(50))"
            + "</channel>" + (0..<16).map { item($0) }.joined() + "</rdf:RDF>"),
        ("truncated inside an item", "<?xml version='1.0'?><rss version='2.0'><channel><title>Cut</title>"
            + (0..<25).map { item($0) }.joined() + "<item><title>half</title><description>cut here"),
        ("duplicate guids across pieces", rss((0..<40).map { item($0, guid: "g\($0 % 13)") }.joined())),
        ("nested items and a second channel", "<?xml version='1.0'?><rss version='2.0'><channel><title>N</title>"
            + "<item><title>outer</title><item><title>inner</title><guid>in</guid></item><guid>out</guid></item>"
            + item(1) + "</channel><channel><title>second</title>\(item(2))</channel></rss>"),
        ("a broken end tag mid-feed", rss((0..<12).map { item($0) }.joined() + "<item><title>x</titl></item>"
            + (12..<24).map { item($0) }.joined())),
        ("channel as root", "<?xml version='1.0'?><channel><title>CR</title>" + (0..<4).map { item($0) }.joined()
            + "</channel>"),
        ("Atom with xml:base", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom' "
            + "xml:base='http://b.example/dir/'><title>AB</title>" + (0..<30).map { entry($0) }.joined()
            + "<subtitle>late</subtitle></feed>"),
        ("JSON Feed", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\", \"items\": ["
            + (0..<23).map { "{\"id\": \"j\($0 % 17)\", \"title\": \"J\($0)\", \"content_html\": \"<p>\($0)</p>\"}" }
                .joined(separator: ",") + "]}"),
        ("truncated Atom", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>AT</title>"
            + (0..<21).map { entry($0) }.joined() + "<entry><id>x</id><title>cut"),
    ]

    /// Parses `xml` in pieces of `size`; the pieces and the rest, in order.
    static func chunked(_ xml: String, size: Int) throws -> (pieces: [[Article]], document: ParsedDocument) {
        var pieces: [[Article]] = []
        let document = try FeedParser.parse(data: Data(xml.utf8), url: url, chunkSize: size) { pieces.append($0) }
        return (pieces, document)
    }

    @Test(arguments: [1, 7, 100])
    func piecesAddUpToTheWholeDocument(size: Int) throws {
        for (name, xml) in Self.documents {
            let whole = try FeedParser.parse(data: Data(xml.utf8), url: Self.url)
            let (pieces, rest) = try Self.chunked(xml, size: size)
            let all = pieces.flatMap { $0 } + rest.articles
            #expect(all == whole.articles, "\(name), pieces of \(size)")
            #expect(rest.warnings == whole.warnings, "\(name)")
            #expect(rest.feed == whole.feed, "\(name)")
            #expect(pieces.allSatisfy { $0.count <= size }, "\(name)")
        }
    }

    @Test func piecesAreHandedOnWhileTheDocumentIsRead() throws {
        let (pieces, rest) = try Self.chunked(Self.rss((0..<230).map { Self.item($0) }.joined()), size: 100)
        #expect(pieces.map(\.count) == [100, 100])
        #expect(rest.articles.count == 30)
        #expect(pieces[0].first?.source.name == "Chan")
    }

    /// Only the item cap's worth is read; the rest are counted for the warning.
    @Test func itemsPastTheCapAreCountedNotRead() throws {
        let limit = ArticleLimits.maxItemsPerFeed
        let xml = Self.rss((0..<(limit + 7)).map { Self.item($0) }.joined())
        let (pieces, rest) = try Self.chunked(xml, size: 500)
        #expect(pieces.flatMap { $0 }.count + rest.articles.count == limit)
        #expect(rest.warnings == ["kept the first \(limit) of \(limit + 7) items"])
    }

    /// A streamed item's content is freed once read: after the parse the tree holds only empty
    /// item elements, so a big feed's tree never grows with its items.
    @Test func readItemsAreFreedFromTheTree() throws {
        let xml = Self.rss((0..<50).map { Self.item($0) }.joined())
        let stream = FeedItemStream()
        var read = 0
        let tree = try XMLTree(utf8: Array(xml.utf8), url: Self.url) { element in
            guard stream.isStreamedItem(element) else { return }
            read += 1
            element.discardContent()
        }
        let channel = try #require(tree.root?.children.first)
        let items = channel.children.filter { $0.localName == "item" }
        #expect(read == 50)
        #expect(items.count == 50 && items.allSatisfy { $0.isConsumed && !$0.hasElementChildren && $0.text.isEmpty })
        #expect(RSSParser.items(root: try #require(tree.root), feedURL: Self.url).isEmpty)
    }
}
