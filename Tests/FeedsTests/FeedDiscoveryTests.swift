import Foundation
import Testing
@testable import Feeds

/// Finding a page's feeds: the `<link>` scanner on HTML text, then whole discoveries against
/// the local python3 server (pages under /site/, `--bare` for a site without feeds).
@Suite struct FeedDiscoveryTests {
    let page = URL(string: "https://example.org/blog/post.html")!

    func scan(_ html: String, page: URL? = nil, contentType: String? = nil) -> [DiscoveredFeed] {
        FeedLinkScanner.feeds(inHTML: Data(html.utf8), pageURL: page ?? self.page, contentType: contentType)
    }

    // MARK: the scanner

    @Test func findsEveryFeedTypeAndIgnoresOtherAlternates() {
        let found = scan("""
        <html><head>
        <link rel="stylesheet" type="text/css" href="/s.css">
        <link rel="alternate" hreflang="ja" type="text/html" href="/ja/">
        <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
        <link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml">
        <link rel="alternate" type="application/feed+json" title="JSON" href="/feed.json">
        <link rel="alternate" type="application/rdf+xml" title="RDF" href="/index.rdf">
        <link rel="alternate" type="application/json+oembed" href="/oembed?url=x">
        <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1">
        <link rel="alternate" type="application/json" title="My JSON Feed" href="/feed.json?v=2">
        <link rel="icon" type="application/rss+xml" href="/not-alternate.xml">
        </head></html>
        """)
        #expect(found.map(\.url.absoluteString) == [
            "https://example.org/rss.xml", "https://example.org/atom.xml", "https://example.org/feed.json",
            "https://example.org/index.rdf", "https://example.org/feed.json?v=2",
        ])
        #expect(found.map(\.title) == ["RSS", "Atom", "JSON", "RDF", "My JSON Feed"])
    }

    @Test func relativeLinksResolveAgainstThePageAndBaseHref() {
        #expect(scan(#"<link rel="alternate" type="application/rss+xml" href="feed.xml">"#).map(\.url.absoluteString)
            == ["https://example.org/blog/feed.xml"])
        #expect(scan(#"<link rel="alternate" type="application/rss+xml" href="../feed.xml">"#).map(\.url.absoluteString)
            == ["https://example.org/feed.xml"])
        #expect(scan(#"<link rel="alternate" type="application/rss+xml" href="//cdn.example.net/f.xml">"#)
            .map(\.url.absoluteString) == ["https://cdn.example.net/f.xml"])
        // <base> may come after the link in the source: it still applies (it is the document's base).
        let based = scan("""
        <head><link rel="alternate" type="application/atom+xml" href="atom.xml">
        <base href="/feeds/"></head>
        """)
        #expect(based.map(\.url.absoluteString) == ["https://example.org/feeds/atom.xml"])
        let absoluteBase = scan(#"<base href="http://other.example/x/"><link rel="alternate" type="application/atom+xml" href="a.xml">"#)
        #expect(absoluteBase.map(\.url.absoluteString) == ["http://other.example/x/a.xml"])
    }

    @Test func attributesIgnoreCaseAndTypesTheirParameters() {
        let found = scan("""
        <LINK REL="Alternate Feed" Type="Application/RSS+XML; charset=UTF-8" TITLE="  News &amp;
           Views " HREF=" /news.xml ">
        """)
        #expect(found == [DiscoveredFeed(url: URL(string: "https://example.org/news.xml")!, title: "News & Views")])
    }

    @Test func duplicatesAndUnsafeSchemesAreDropped() {
        let found = scan("""
        <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
        <link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
        <link rel="alternate" type="application/rss+xml" href="data:text/xml,<rss/>">
        <link rel="alternate" type="application/rss+xml" href="">
        <link rel="alternate" type="application/rss+xml" href="/a.xml">
        <link rel="alternate" type="application/rss+xml" title="again" href="https://example.org/a.xml">
        """)
        #expect(found.map(\.url.absoluteString) == ["https://example.org/a.xml"])
        #expect(found.first?.title == nil)
    }

    @Test func aLocalPageMayPointAtLocalFiles() {
        let local = URL(fileURLWithPath: "/tmp/site/index.html")
        let found = scan(#"<link rel="alternate" type="application/atom+xml" href="feeds/a.atom">"#, page: local)
        #expect(found.map(\.url) == [URL(fileURLWithPath: "/tmp/site/feeds/a.atom")])
    }

    @Test func brokenMarkupAndOddURLsStillWork() {
        let found = scan("""
        <html><head><meta charset=utf-8><link rel=alternate type=application/rss+xml href=/a%20b.xml>
        <div><p><link rel="alternate" type="application/atom+xml" href="/日本 語.xml">
        """)
        #expect(found.map(\.url.absoluteString) == [
            "https://example.org/a%20b.xml", "https://example.org/%E6%97%A5%E6%9C%AC%20%E8%AA%9E.xml",
        ])
        #expect(scan("").isEmpty)
        #expect(scan("<html><body>no links</body></html>").isEmpty)
        #expect(FeedLinkScanner.feeds(inHTML: Data([0xFF, 0xFE, 0x00, 0x3C, 0xC3]), pageURL: page).isEmpty)
    }

    @Test func titlesInALegacyEncodingAreDecoded() {
        var html = Data(#"<html><head><meta charset="Shift_JIS"><link rel="alternate" type="application/rss+xml" title=""#.utf8)
        html.append(Data([0x90, 0x56, 0x92, 0x85]))  // 新着 in Shift_JIS
        html.append(Data(#"" href="/rss"></head></html>"#.utf8))
        #expect(FeedLinkScanner.feeds(inHTML: html, pageURL: page).first?.title == "新着")
        var served = Data(#"<link rel="alternate" type="application/rss+xml" title=""#.utf8)
        served.append(Data([0xC6, 0xFC, 0xCB, 0xDC]))  // 日本 in EUC-JP
        served.append(Data(#"" href="/rss">"#.utf8))
        #expect(FeedLinkScanner.feeds(inHTML: served, pageURL: page, contentType: "text/html; charset=EUC-JP").first?.title == "日本")
    }

    @Test func htmlIsRecognisedByTypeOrByItsStart() {
        #expect(FeedLinkScanner.looksLikeHTML(Data(), contentType: "text/html; charset=utf-8"))
        #expect(FeedLinkScanner.looksLikeHTML(Data("\n <!DOCTYPE html><p>".utf8), contentType: nil))
        #expect(FeedLinkScanner.looksLikeHTML(Data("<HTML lang=en>".utf8), contentType: "application/octet-stream"))
        #expect(!FeedLinkScanner.looksLikeHTML(Data("just some notes".utf8), contentType: nil))
        #expect(!FeedLinkScanner.looksLikeHTML(Data("%PDF-1.4".utf8), contentType: "application/pdf"))
    }

    @Test func probesStayOnTheSameOrigin() {
        let urls = FeedDiscovery.probeURLs(for: URL(string: "http://127.0.0.1:8080/a/b.html?q=1#x")!)
        #expect(urls.map(\.absoluteString) == [
            "http://127.0.0.1:8080/feed", "http://127.0.0.1:8080/rss.xml", "http://127.0.0.1:8080/atom.xml",
            "http://127.0.0.1:8080/index.xml", "http://127.0.0.1:8080/feed.xml", "http://127.0.0.1:8080/feed.json",
        ])
        #expect(FeedDiscovery.probeURLs(for: URL(fileURLWithPath: "/tmp/x.html")).isEmpty)
    }

    // MARK: whole discoveries over HTTP

    func discover(_ path: String, on server: LocalFeedServer) async -> FeedDiscovery.Outcome {
        await FeedDiscovery.discover(server.url(path), fetcher: FeedFetcher())
    }

    @Test func aFeedStaysAFeedWhateverItsContentType() async throws {
        let server = try LocalFeedServer()
        #expect(await discover("/feed.xml", on: server) == .feed)
        #expect(await discover("/feed.json", on: server) == .feed)
        #expect(await discover("/site/feed-as-html", on: server) == .feed)
        #expect(await discover("/status/404", on: server) == .unreachable(.httpStatus(404)))
    }

    @Test func pagesListTheirLinkedFeeds() async throws {
        let server = try LocalFeedServer()
        #expect(await discover("/site/one.html", on: server)
            == .page(feeds: [DiscoveredFeed(url: URL(string: server.url("/feed.xml"))!, title: "Site RSS")], probed: false))
        #expect(await discover("/site/base.html", on: server)
            == .page(feeds: [DiscoveredFeed(url: URL(string: server.url("/atom.xml"))!, title: nil)], probed: false))
        guard case .page(let feeds, false) = await discover("/site/several.html", on: server) else {
            Issue.record("not a page with links")
            return
        }
        #expect(feeds.map(\.url.absoluteString) == [server.url("/feed.xml"), server.url("/atom.xml"), server.url("/feed.json")])
        #expect(feeds.map(\.title) == ["All posts & news", "Atom", "JSON Feed"])
    }

    @Test func aPageWithoutLinksHasItsSiteProbed() async throws {
        let server = try LocalFeedServer()
        let outcome = await discover("/site/none.html", on: server)
        // /feed, /rss.xml and /index.xml are 404 on the test server; the others are feeds.
        #expect(outcome == .page(feeds: [
            DiscoveredFeed(url: URL(string: server.url("/atom.xml"))!, title: "Atom over HTTP"),
            DiscoveredFeed(url: URL(string: server.url("/feed.xml"))!, title: "HTTP feed"),
            DiscoveredFeed(url: URL(string: server.url("/feed.json"))!, title: "JSON over HTTP"),
        ], probed: true))
    }

    @Test func aSiteWithoutFeedsFindsNone() async throws {
        let bare = try LocalFeedServer(arguments: ["--bare"])
        #expect(await discover("/site/none.html", on: bare) == .page(feeds: [], probed: true))
    }

    @Test func localFilesAreDiscoveredWithoutProbing() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("discovery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("feeds"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("index.html")
        try #"<!doctype html><link rel="alternate" type="application/rss+xml" href="feeds/a.rss">"#
            .write(to: html, atomically: true, encoding: .utf8)
        let empty = dir.appendingPathComponent("empty.html")
        try "<!doctype html><p>nothing</p>".write(to: empty, atomically: true, encoding: .utf8)
        let notes = dir.appendingPathComponent("notes.txt")
        try "plain notes".write(to: notes, atomically: true, encoding: .utf8)
        let fetcher = FeedFetcher()
        #expect(await FeedDiscovery.discover(html.path, fetcher: fetcher)
            == .page(feeds: [DiscoveredFeed(url: dir.appendingPathComponent("feeds/a.rss"), title: nil)], probed: false))
        #expect(await FeedDiscovery.discover(empty.path, fetcher: fetcher) == .page(feeds: [], probed: true))
        #expect(await FeedDiscovery.discover(notes.path, fetcher: fetcher) == .unrecognised)
    }
}
