import Foundation
import GRDB
import NewsModel
import Testing
@testable import Store

@Suite struct BodyCodecTests {
    static let sample: [Block] = [
        Block(.heading(level: 2), text: "日本語の見出し"),
        Block(.paragraph, [
            InlineRun("Plain, "), InlineRun("bold", emphasis: .bold),
            InlineRun("link", emphasis: [.italic, .code], link: "https://example.com/a?b=ü"),
            InlineRun(""),
        ]),
        Block(.listItem(depth: 3, marker: "a)"), text: "👍 🇩🇪 item"),
        Block(.quote(depth: -1), text: "quoted\nline"),
        Block(.preformatted, text: "  code\n\tmore"),
        Block(.rule, []),
        Block(.paragraph, [InlineRun(String(repeating: "long text ", count: 3000))]),
    ]

    @Test func roundTripsEveryKindAndRun() throws {
        let bytes = BodyCodec.encode(Self.sample)
        #expect(BodyCodec.decode(bytes) == Self.sample)
        #expect(BodyCodec.decode(BodyCodec.encode([])) == [])
        // Structure costs a few bytes, not JSON's dozens per run.
        let small = Array(Self.sample.dropLast())
        let text = small.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.text.utf8.count + ($1.link?.utf8.count ?? 0) } }
        #expect(BodyCodec.encode(small).count < text + 60)
        #expect(BodyCodec.encode(small).count * 3 < (try JSONEncoder().encode(small)).count)
    }

    @Test func damagedBytesDecodeToNilNotACrash() {
        let bytes = BodyCodec.encode(Self.sample)
        for cut in [0, 1, 2, 5, bytes.count / 2, bytes.count - 1] {
            #expect(BodyCodec.decode(bytes.prefix(cut)) == nil)
        }
        #expect(BodyCodec.decode([UInt8(9)] + bytes.dropFirst()) == nil)   // unknown version
        #expect(BodyCodec.decode(bytes + [0]) == nil)                       // trailing garbage
    }

    @Test func storedArticleKeepsItsBodyAndOldJSONRowsStillRead() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        var article = StoreFixtures.article("codec", tags: ["Science"], text: "x")
        article.body = Self.sample
        article.text = Self.sample.plainText
        try store.upsert([article])
        #expect(try store.article(id: article.id)?.body == Self.sample)
        let stored = try store.read { db in
            try DatabaseValue.fetchOne(db, sql: "SELECT body FROM articleBody")
        }
        guard case .blob = stored?.storage else {
            Issue.record("body not stored as a blob: \(String(describing: stored))")
            return
        }

        // A library written before the binary form holds JSON text: it must still read.
        let json = String(decoding: try JSONEncoder().encode(Self.sample), as: UTF8.self)
        try store.write { db in try db.execute(sql: "UPDATE articleBody SET body = ?", arguments: [json]) }
        #expect(try store.article(id: article.id)?.body == Self.sample)
    }
}

@Suite struct DerivedTextTests {
    static func article(_ name: String, body: [Block], text: String) -> Article {
        var a = StoreFixtures.article(name, tags: ["Science"], text: "x")
        a.body = body
        a.text = text
        return a
    }

    static func storedTextType(_ store: LibraryStore, _ id: String) throws -> String? {
        try store.read { db in
            try String.fetchOne(db, sql: """
                SELECT typeof(b.text) FROM articleBody b JOIN article a ON a.seq = b.seq WHERE a.id = ?
                """, arguments: [id])
        }
    }

    @Test func textEqualToTheBodyIsStoredOnceAndReadBackExactly() throws {
        let path = StoreFixtures.temporaryLibraryPath()
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let body = [Block(.heading(level: 1), text: "気候 heading"), Block(.listItem(depth: 2, marker: "•"), text: "zebra item")]
        let derived = Self.article("derived", body: body, text: body.plainText)
        let own = Self.article("own", body: body, text: "different walrus text")
        let empty = Self.article("empty", body: body, text: "")
        try store.upsert([derived, own, empty])

        #expect(try Self.storedTextType(store, derived.id) == "blob")
        #expect(try Self.storedTextType(store, own.id) == "text")
        #expect(try Self.storedTextType(store, empty.id) == "text")
        #expect(try store.article(id: derived.id)?.text == body.plainText)
        #expect(try store.article(id: own.id)?.text == "different walrus text")
        #expect(try store.article(id: empty.id)?.text == "")

        let hits = try store.search("zebra", limit: 50)
        #expect(hits.map(\.article.id) == [derived.id])  // the index holds text, not body
        #expect(hits.first { $0.article.id == derived.id }?.snippet.contains("zebra item") == true)
        #expect(try store.search("walrus", limit: 50).map(\.article.id) == [own.id])
        #expect(try store.search("気候", limit: 50).map(\.article.id) == [derived.id])

        // Update and delete must remove exactly the indexed words, derived or not.
        var changed = derived
        changed.body = [Block(.paragraph, text: "okapi only")]
        changed.text = changed.body.plainText
        #expect(try store.upsert([changed]) == UpsertResult(updated: 1))
        #expect(try store.search("zebra", limit: 50).isEmpty)
        #expect(try store.search("気候", limit: 50).isEmpty)
        #expect(try store.search("okapi", limit: 50).map(\.article.id) == [derived.id])
        try store.delete(ids: [derived.id, empty.id])
        #expect(try store.search("okapi", limit: 50).isEmpty)
        #expect(try store.search("zebra", limit: 50).isEmpty)
        #expect(try store.search("気候", limit: 50).isEmpty)
    }
}
