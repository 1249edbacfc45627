import Foundation
import GRDB
import NewsModel
import Testing
@testable import Store

/// SHA-256 based article ids, the refusal to move an article between sources, and the
/// migration of libraries written with the FNV-1a-64 ids.
@Suite struct ArticleIDTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Two blocks with the length spilling into the second, and a long input.
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 55)).count == 64)
    }

    @Test func idsAre128BitsOfSHA256OverSourceAndGuid() {
        let id = ArticleID.make(source: "https://feed.example/rss", guid: "post-1")
        #expect(id.count == 32)
        #expect(id == String(SHA256.hex(Array("https://feed.example/rss\u{0}post-1".utf8)).prefix(32)))
        #expect(ArticleID.legacy(source: "https://feed.example/rss", guid: "post-1").count == 16)
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        #expect(ArticleID.make(source: "ab", guid: "c") != ArticleID.make(source: "a", guid: "bc"))
    }

    /// Under FNV-1a-64 a feed could craft a guid whose id equals another source's article; the
    /// upsert then overwrote that article (title, body, source) while it kept its read state and
    /// bookmark. Such a collision is made here directly (same id, another source).
    @Test func anUpsertNeverMovesAnArticleToAnotherSource() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let victim = Article(id: "0123456789abcdef", title: "Real article",
                             source: ArticleSource(kind: .feed, location: "https://good.example/rss", name: "Good"),
                             guid: "real", body: [Block(.paragraph, text: "genuine walrus text")])
        try store.upsert([victim])
        try store.setBookmarked(id: victim.id, true)

        let attacker = Article(id: victim.id, title: "Forged article",
                               source: ArticleSource(kind: .feed, location: "https://evil.example/rss", name: "Evil"),
                               guid: "forged", body: [Block(.paragraph, text: "forged text")])
        let result = try store.upsert([attacker])
        #expect(result.refused == 1 && result.inserted == 0 && result.updated == 0)
        let stored = try #require(try store.article(id: victim.id))
        #expect(stored.title == "Real article" && stored.source.location == "https://good.example/rss")
        #expect(stored.isBookmarked)
        #expect(try store.search("forged", limit: 10).isEmpty)
        #expect(try store.search("walrus", limit: 10).map(\.article.id) == [victim.id])

        // A file article cannot take over a feed article's id either.
        var file = attacker
        file.source = ArticleSource(kind: .file, location: "https://good.example/rss", name: "file")
        #expect(try store.upsert([file]).refused == 1)
    }

    /// A library as the previous version wrote it: FNV ids in article, articleTag and
    /// articleSection, and the id migration not yet recorded.
    static func makeOldLibrary(at path: String) throws -> [Article] {
        let store = try LibraryStore(path: path)
        let feed = "https://feed.example/rss"
        var articles = (0..<5).map { i in
            Article(title: "Item \(i)", section: ["NEWS", "World"], tags: ["tag\(i % 2)", "shared"],
                    source: ArticleSource(kind: .feed, location: feed, name: "Feed"), guid: "guid-\(i)",
                    body: [Block(.paragraph, text: "Body \(i) 日本語 zebra\(i)")])
        }
        articles.append(StoreFixtures.article("file-one", section: ["SCIENCE"], tags: ["shared"]))
        try store.upsert(articles)
        try store.setRead(ids: [articles[0].id, articles[5].id], true)
        try store.setBookmarked(id: articles[1].id, true)
        try store.setReadingPosition(id: articles[2].id, 7)
        try store.write { db in
            // Parent and child ids change together; checked at commit.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for a in articles {
                let old = ArticleID.legacy(source: a.source.location, guid: a.guid)
                try db.execute(sql: "UPDATE article SET id = ? WHERE id = ?", arguments: [old, a.id])
                try db.execute(sql: "UPDATE articleTag SET articleId = ? WHERE articleId = ?", arguments: [old, a.id])
                try db.execute(sql: "UPDATE articleSection SET articleId = ? WHERE articleId = ?", arguments: [old, a.id])
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'ids-sha256'")
        }
        return articles
    }

    @Test func anOldLibraryIsMigratedWithItsStateKept() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let articles = try Self.makeOldLibrary(at: path)
        let oldIDs = articles.map { ArticleID.legacy(source: $0.source.location, guid: $0.guid) }
        do {
            let before = try DatabaseQueue(path: path)
            #expect(try before.read { try String.fetchAll($0, sql: "SELECT id FROM article ORDER BY seq") } == oldIDs)
            try before.close()
        }

        let store = try LibraryStore(path: path)  // runs the migration
        let newIDs = articles.map(\.id)
        #expect(try store.read { try String.fetchAll($0, sql: "SELECT id FROM article ORDER BY seq") } == newIDs)
        #expect(try store.article(id: newIDs[0])?.read == true)
        #expect(try store.article(id: newIDs[5])?.read == true)
        #expect(try store.article(id: newIDs[3])?.read == false)
        #expect(try store.article(id: newIDs[1])?.isBookmarked == true)
        #expect(try store.article(id: newIDs[2])?.readingPosition == 7)
        #expect(try store.article(id: newIDs[4])?.body == articles[4].body)
        #expect(try store.ids(tag: "shared") == Set(newIDs))
        #expect(try store.ids(tag: "tag1") == [newIDs[1], newIDs[3]])
        #expect(try store.page(.section(["NEWS", "World"]), after: nil, limit: 50).map(\.id).sorted() == newIDs.prefix(5).sorted())
        #expect(try store.count(.unread) == 4)
        #expect(try store.count(.bookmarks) == 1)
        #expect(try store.search("zebra3", limit: 10).map(\.article.id) == [newIDs[3]])
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM articleTag WHERE length(articleId) != 32") } == 0)

        // Re-importing the same items finds the migrated rows: nothing new, state kept.
        let again = try store.upsert(articles.map { a in var a = a; a.read = false; a.bookmarkedAt = nil; return a })
        #expect(again.inserted == 0 && again.unchanged == articles.count)
        #expect(try store.article(id: newIDs[1])?.isBookmarked == true)
        #expect(try store.count(.all) == articles.count)
    }
}
