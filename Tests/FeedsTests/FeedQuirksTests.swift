import Foundation
import Testing
import NewsModel
@testable import Feeds

/// Real feeds are broken: entities, encodings, truncation, hostile DTDs.
@Suite struct FeedQuirksTests {
    let url = URL(string: "https://quirks.example.com/feed")

    func rss(_ itemTitle: String, encoding: String? = nil, description: String = "d") -> String {
        let decl = encoding.map { #"<?xml version="1.0" encoding="\#($0)"?>"# } ?? ""
        return decl + "<rss version=\"2.0\"><channel><title>Q</title><item><title>\(itemTitle)</title>"
            + "<guid>g</guid><description>\(description)</description></item></channel></rss>"
    }

    @Test func htmlNamedEntitiesAreDecodedNotFatal() throws {
        let doc = try FeedParser.parse(data: Data(rss("Caf&eacute;&nbsp;&mdash; &hellip; &copy; &unknownthing; AT&T &amp; &#8217;").utf8), url: url)
        #expect(doc.articles.count == 1)
        #expect(doc.articles[0].title == "Café — … © &unknownthing; AT&T & ’")
    }

    @Test func brokenNumericReferencesAreRepaired() throws {
        let doc = try FeedParser.parse(data: Data(rss("it&#146;s &#0; &#x110000; ok").utf8), url: url)
        #expect(doc.articles[0].title == "it’s \u{FFFD} \u{FFFD} ok")
    }

    @Test func controlCharactersAreDropped() throws {
        let doc = try FeedParser.parse(data: Data(rss("bell\u{7}and\u{0}null").utf8), url: url)
        #expect(doc.articles[0].title == "bellandnull")
    }

    @Test func truncatedFeedKeepsTheItemsBeforeTheBreak() throws {
        var items = ""
        for i in 1...5 { items += "<item><guid>\(i)</guid><title>Item \(i)</title><description>Body \(i)</description></item>" }
        let full = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>" + items + "</channel></rss>"
        let cut = String(full.prefix(upTo: full.range(of: "<item><guid>4</guid><title>Ite")!.upperBound))
        let doc = try FeedParser.parse(data: Data(cut.utf8), url: url)
        #expect(Array(doc.articles.map(\.title).prefix(3)) == ["Item 1", "Item 2", "Item 3"])
        #expect(doc.warnings.contains { $0.contains("not well-formed") })
    }

    @Test func mismatchedTagsStillYieldItems() throws {
        let xml = "<rss><channel><title>T</title><item><title>A</title><description><p>unclosed <b>html</description></item>"
            + "<item><title>B</title></item></channel></rss>"
        let doc = try FeedParser.parse(data: Data(xml.utf8), url: url)
        #expect(doc.articles.map(\.title).contains("A"))
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var entities = "<!ENTITY lol \"lol\">"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            entities += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities + "]><rss><channel><title>&lol9;</title></channel></rss>"
        let start = Date()
        #expect(throws: FeedParserError.entityExpansion) { try FeedParser.parse(data: Data(xml.utf8), url: url) }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func quadraticBlowupIsRefused() {
        let big = String(repeating: "x", count: 50_000)
        let xml = "<!DOCTYPE rss [<!ENTITY a \"\(big)\">]><rss><channel><title>" + String(repeating: "&a;", count: 50_000)
            + "</title></channel></rss>"
        let start = Date()
        #expect(throws: FeedParserError.entityExpansion) { try FeedParser.parse(data: Data(xml.utf8), url: url) }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-secret-\(UUID().uuidString).txt")
        try Data("TOPSECRET".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"\(secret.absoluteString)\">]>"
            + "<rss><channel><title>T</title><item><guid>1</guid><title>leak &xxe; here</title></item></channel></rss>"
        let doc = try FeedParser.parse(data: Data(xml.utf8), url: url)
        #expect(doc.articles.count == 1)
        #expect(!doc.articles[0].title.contains("TOPSECRET"))
    }

    @Test func simpleInternalEntityIsSubstituted() throws {
        let xml = "<!DOCTYPE rss [<!ENTITY site \"Example Site\">]><rss><channel><title>&site;</title></channel></rss>"
        #expect(try FeedParser.parse(data: Data(xml.utf8), url: url).feed?.title == "Example Site")
    }

    // MARK: Encodings

    func encoded(_ prefix: String, _ bytes: [UInt8], _ suffix: String) -> Data {
        Data(Array(prefix.utf8) + bytes + Array(suffix.utf8))
    }

    @Test(arguments: [
        ("Shift_JIS", [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA] as [UInt8], "日本語"),
        ("EUC-JP", [0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC], "日本語"),
        ("Big5", [0xA4, 0xA4, 0xA4, 0xE5], "中文"),
        ("ISO-8859-1", [0x63, 0x61, 0x66, 0xE9], "café"),
        ("windows-1251", [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "Привет"),
        ("windows-1252", [0x93, 0x71, 0x94], "“q”"),
        ("ISO-8859-7", [0xD9, 0xEC, 0xDD, 0xE3, 0xE1], "Ωμέγα"),
    ])
    func declaredEncodings(_ name: String, _ bytes: [UInt8], _ expected: String) throws {
        let data = encoded("<?xml version=\"1.0\" encoding=\"\(name)\"?><rss><channel><title>T</title><item><guid>1</guid><title>",
                           bytes, "</title></item></channel></rss>")
        #expect(try FeedParser.parse(data: data, url: url).articles.first?.title == expected)
    }

    @Test func httpCharsetIsUsedWhenThereIsNoDeclaration() throws {
        let data = encoded("<rss><channel><title>T</title><item><guid>1</guid><title>", [0x93, 0xFA, 0x96, 0x7B], "</title></item></channel></rss>")
        let doc = try FeedParser.parse(data: data, url: url, httpContentType: "application/rss+xml; charset=Shift_JIS")
        #expect(doc.articles.first?.title == "日本")
    }

    @Test func lyingLatin1DeclarationOverUTF8ReadsAsUTF8() throws {
        let doc = try FeedParser.parse(data: Data(rss("naïve 日本", encoding: "ISO-8859-1").utf8), url: url)
        #expect(doc.articles.first?.title == "naïve 日本")
    }

    @Test func undeclaredLatin1FallsBackToWindows1252() throws {
        let data = encoded("<rss><channel><title>T</title><item><guid>1</guid><title>", [0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94], "</title></item></channel></rss>")
        #expect(try FeedParser.parse(data: data, url: url).articles.first?.title == "café “q”")
    }

    @Test func utf16WithBOM() throws {
        let text = rss("UTF-16 ☃ 日本", encoding: "UTF-16")
        for little in [true, false] {
            var bytes: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in text.utf16 {
                let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
                bytes += little ? pair : pair.reversed()
            }
            #expect(try FeedParser.parse(data: Data(bytes), url: url).articles.first?.title == "UTF-16 ☃ 日本")
        }
    }

    @Test func utf8BOMAndStrayInvalidByte() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + encoded("<rss><channel><title>T</title><item><guid>1</guid><title>ü ", [0xFF], " ö</title></item></channel></rss>")
        let doc = try FeedParser.parse(data: data, url: url)
        #expect(doc.articles.first?.title == "ü \u{FFFD} ö")
    }
}

@Suite struct HTMLTextTests {
    @Test func oneLineTextFromHTML() {
        #expect(HTMLText.plainText("<p>First</p><p>Second <em>em</em>phasis</p><script>x()</script>") == "First Second emphasis")
        #expect(HTMLText.plainText("Fish &amp; chips&nbsp;&mdash; <b>today</b>") == "Fish & chips — today")
        #expect(ArticleAssembler.collapseWhitespace("  a \n\t b\u{A0}c  ") == "a b c")
        #expect(ArticleAssembler.collapseWhitespace("plain text") == "plain text")
        #expect(ArticleAssembler.collapseWhitespace("日本\u{3000}語\u{2009}x\u{2028}") == "日本 語 x")
    }
}

@Suite struct BrokenMarkupTests {
    @Test func undeclaredPrefixesBareAmpersandsAndUnescapedHTML() throws {
        let xml = """
        <rss version="2.0"><channel><title>Broken & proud</title>
        <item><title>Q&A</title><link>https://x.example/?a=1&b=2</link>
        <dc:creator>Undeclared Prefix</dc:creator>
        <content:encoded><p>Raw <b>HTML</b> inside</p></content:encoded>
        <enclosure url="https://x.example/a.mp3?x=1&y=2" type="audio/mpeg"/></item>
        </channel></rss>
        """
        let doc = try FeedParser.parse(data: Data(xml.utf8), url: URL(string: "https://x.example/feed"))
        #expect(doc.feed?.title == "Broken & proud")
        let item = try #require(doc.articles.first)
        #expect(item.title == "Q&A")
        #expect(item.link == "https://x.example/?a=1&b=2")
        #expect(item.author == "Undeclared Prefix")
        #expect(item.contentHTML == "<p>Raw <b>HTML</b> inside</p>")
        #expect(item.text == "Raw HTML inside")
        #expect(item.enclosures.first?.url == "https://x.example/a.mp3?x=1&y=2")
    }

    @Test func atomWithoutNamespace() throws {
        let xml = "<feed><title>No NS</title><entry><id>e1</id><title>Entry</title><link href='/e1'/></entry></feed>"
        let doc = try FeedParser.parse(data: Data(xml.utf8), url: URL(string: "https://nons.example/feed"))
        #expect(doc.feed?.title == "No NS")
        #expect(doc.articles.first?.link == "https://nons.example/e1")
    }
}
