import Foundation
import GRDB
import NewsModel
import Testing
@testable import Store

/// Large text columns and bodies are stored deflated; old uncompressed rows still read.
@Suite struct CompressedColumnTests {
    static func feedArticle(_ guid: String, feed: String = "https://feed.example/rss", paragraphs: Int = 30) -> Article {
        let prose = (0..<paragraphs).map { "Paragraph \($0) of \(guid): 日本語の文章 and ümlauts, the quick brown fox." }
        let html = prose.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return Article(title: "Item \(guid)", tags: ["cat"], source: ArticleSource(kind: .feed, location: feed, name: "Feed"),
                       guid: guid, summary: html.prefix(400).description, contentHTML: html,
                       body: prose.map { Block(.paragraph, [InlineRun($0), InlineRun(" link", emphasis: .bold, link: "https://x.example/\($0.count)")]) })
    }

    static func types(_ store: LibraryStore, _ id: String) throws -> [String] {
        try store.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT typeof(b.summary) AS s, typeof(b.contentHTML) AS h, b.body AS body
                FROM articleBody b JOIN article a ON a.seq = b.seq WHERE a.id = ?
                """, arguments: [id])
            let body: Data? = row?["body"]
            return [row?["s"] ?? "", row?["h"] ?? "", body.map { "v\($0.first ?? 0)" } ?? ""]
        }
    }

    @Test func largeColumnsAreDeflatedAndReadBackExactly() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let big = Self.feedArticle("big")
        var small = Self.feedArticle("small", paragraphs: 1)
        small.summary = "short"
        try store.upsert([big, small])

        #expect(try Self.types(store, big.id) == ["blob", "blob", "v2"])
        #expect(try Self.types(store, small.id) == ["text", "text", "v1"])
        for original in [big, small] {
            let stored = try #require(try store.article(id: original.id))
            #expect(stored.summary == original.summary)
            #expect(stored.contentHTML == original.contentHTML)
            #expect(stored.body == original.body)
            #expect(stored.text == original.text)
        }
        // Search reads the text of a hit from the compressed body.
        let hits = try store.search("ümlauts", limit: 10)
        #expect(Set(hits.map(\.article.id)) == [big.id, small.id])
        #expect(hits.allSatisfy { $0.snippet.contains("ümlauts") })
    }

    @Test func rowsWrittenBeforeCompressionStillRead() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let article = Self.feedArticle("old")
        try store.upsert([article])
        // Rewrite the row the way the previous version stored it: TEXT columns, version-1 body.
        try store.write { db in
            try db.execute(sql: "UPDATE articleBody SET summary = ?, contentHTML = ?, body = ?",
                           arguments: [article.summary, article.contentHTML, Data(BodyCodec.encode(article.body))])
        }
        #expect(try Self.types(store, article.id) == ["text", "text", "v1"])
        let stored = try #require(try store.article(id: article.id))
        #expect(stored.contentHTML == article.contentHTML && stored.summary == article.summary)
        #expect(stored.body == article.body)

        // An update of such a row finds its old search entry (derived from the old body) and replaces it.
        var changed = article
        changed.body = [Block(.paragraph, text: "Completely new walrus text")]
        changed.text = changed.body.plainText
        changed.contentHTML = "<p>Completely new walrus text</p>"
        #expect(try store.upsert([changed]).updated == 1)
        #expect(try store.search("walrus", limit: 10).map(\.article.id) == [article.id])
        #expect(try store.search("fox", limit: 10).isEmpty)
    }

    @Test func damagedBundlesGiveNilNotACrash() throws {
        let original = Self.feedArticle("x")
        let bundle = try #require(ArticleBundle(summary: original.summary, html: original.contentHTML,
                                                body: BodyCodec.encode(original.body)).pack())
        let opened = try #require(ArticleBundle.open(bundle))
        #expect(opened.summary == original.summary && opened.html == original.contentHTML)
        #expect(BodyCodec.decode(bundle) == original.body)
        let bodyOnly = try #require(ArticleBundle(summary: nil, html: nil, body: BodyCodec.encode(original.body)).pack())
        #expect(ArticleBundle.open(bodyOnly)?.html == nil && ArticleBundle.open(bodyOnly)?.summary == nil)

        var truncated = bundle
        truncated.removeLast(10)
        #expect(ArticleBundle.open(truncated) == nil && BodyCodec.decode(truncated) == nil)
        var flipped = bundle
        flipped[flipped.count / 2] ^= 0xFF
        _ = BodyCodec.decode(flipped)  // nil or some blocks; never a trap
        #expect(ArticleBundle.open([ArticleBundle.version, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0, 0]) == nil)
        #expect(ArticleBundle.open([ArticleBundle.version]) == nil)
        // Too small to be worth compressing: stored as it is.
        #expect(ArticleBundle(summary: "s", html: "<p>h</p>", body: [1, 0]).pack() == nil)
    }
}
