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
