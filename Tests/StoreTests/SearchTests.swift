import Foundation
import NewsModel
import Testing
@testable import Store

@Suite struct SearchTests {
    /// A library with English and Japanese articles.
    private func makeStore() throws -> (LibraryStore, String, [String: Article]) {
        let path = StoreFixtures.temporaryLibraryPath()
        let store = try LibraryStore(path: path)
        let articles: [String: Article] = [
            "security": StoreFixtures.article(
                "security", title: "Password managers explained", tags: ["Security"],
                text: "A password manager stores credentials.\n\nAttackers reuse leaked passwords across sites."),
            "cooking": StoreFixtures.article(
                "cooking", title: "Slow cooking beans", tags: ["Food"],
                text: "Soak the beans overnight. A password is not needed for this recipe."),
            "japan": StoreFixtures.article(
                "japan", title: "日本の鉄道", tags: ["旅行"],
                text: "日本の新幹線は時速三百キロで走ります。\n\n東京から大阪まで二時間半です。"),
            "language": StoreFixtures.article(
                "language", title: "日本語の勉強", tags: ["言語"],
                text: "日本語を毎日勉強しています。漢字は難しいです。"),
            "china": StoreFixtures.article(
                "china", title: "本日の天気", text: "今日は晴れです。本日は外出日和。"),
        ]
        try store.upsert(Array(articles.values))
        return (store, path, articles)
    }

    private func ids(_ hits: [SearchHit]) -> Set<String> { Set(hits.map(\.article.id)) }

    @Test func englishWordsRankTitleMatchesFirst() throws {
        let (store, path, a) = try makeStore()
        defer { StoreFixtures.removeLibrary(at: path) }
        let hits = try store.search("password", limit: 10)
        #expect(ids(hits) == [a["security"]!.id, a["cooking"]!.id])
        #expect(hits.first?.article.id == a["security"]!.id)
        #expect(try store.search("PASSWORDS", limit: 10).map(\.article.id) == [a["security"]!.id])
        #expect(ids(try store.search("manag", limit: 10)) == [a["security"]!.id])
        #expect(ids(try store.search("beans overnight", limit: 10)) == [a["cooking"]!.id])
        #expect(try store.search("beans zebra", limit: 10).isEmpty)
        #expect(try store.search("  ", limit: 10).isEmpty)
        #expect(try store.search("\"(*) OR NOT", limit: 10).isEmpty)
    }

    @Test func tagsAreSearchable() throws {
        let (store, path, a) = try makeStore()
        defer { StoreFixtures.removeLibrary(at: path) }
        #expect(ids(try store.search("food", limit: 10)) == [a["cooking"]!.id])
        #expect(ids(try store.search("旅行", limit: 10)) == [a["japan"]!.id])
    }

    @Test func japaneseTwoCharacterTerms() throws {
        let (store, path, a) = try makeStore()
        defer { StoreFixtures.removeLibrary(at: path) }
        // 日本 appears in "japan" and "language" but not "china" (which has 本日, the reverse).
        #expect(ids(try store.search("日本", limit: 10)) == [a["japan"]!.id, a["language"]!.id])
        #expect(ids(try store.search("本日", limit: 10)) == [a["china"]!.id])
        #expect(ids(try store.search("東京", limit: 10)) == [a["japan"]!.id])
        #expect(ids(try store.search("漢字", limit: 10)) == [a["language"]!.id])
        #expect(try store.search("京都", limit: 10).isEmpty)
    }

    @Test func japaneseThreeAndMoreCharacterTerms() throws {
        let (store, path, a) = try makeStore()
        defer { StoreFixtures.removeLibrary(at: path) }
        #expect(ids(try store.search("日本語", limit: 10)) == [a["language"]!.id])
        #expect(ids(try store.search("新幹線", limit: 10)) == [a["japan"]!.id])
        #expect(ids(try store.search("二時間半", limit: 10)) == [a["japan"]!.id])
        #expect(ids(try store.search("外出日和", limit: 10)) == [a["china"]!.id])
        // All bigrams exist somewhere, but not as this run.
        #expect(try store.search("本日本", limit: 10).isEmpty)
    }

    @Test func japaneseSingleCharacterAndMixedQueries() throws {
        let (store, path, a) = try makeStore()
        defer { StoreFixtures.removeLibrary(at: path) }
        // 阪 only occurs as the last character of 大阪 in "japan".
        #expect(ids(try store.search("阪", limit: 10)) == [a["japan"]!.id])
        #expect(ids(try store.search("漢字 勉強", limit: 10)) == [a["language"]!.id])
        #expect(ids(try store.search("password 日本", limit: 10)).isEmpty)
    }

    @Test func snippetShowsTheFirstMatch() throws {
        let (store, path, a) = try makeStore()
        defer { StoreFixtures.removeLibrary(at: path) }
        let cooking = try #require(try store.search("recipe", limit: 1).first)
        #expect(cooking.article.id == a["cooking"]!.id)
        #expect(cooking.snippet.contains("recipe"))
        let tokyo = try #require(try store.search("東京", limit: 1).first)
        #expect(tokyo.snippet.contains("東京から大阪"))
        #expect(!tokyo.snippet.contains("\n"))
    }

    @Test func updatedArticlesAreReindexed() throws {
        let (store, path, a) = try makeStore()
        defer { StoreFixtures.removeLibrary(at: path) }
        var cooking = a["cooking"]!
        cooking.body = [Block(.paragraph, text: "Lentils cook faster than beans.")]
        cooking.text = cooking.body.plainText
        #expect(try store.upsert([cooking]).updated == 1)
        #expect(try store.search("overnight", limit: 10).isEmpty)
        #expect(ids(try store.search("lentils", limit: 10)) == [cooking.id])
    }

    @Test func searchHonoursTheFilter() throws {
        let (store, path, a) = try makeStore()
        defer { StoreFixtures.removeLibrary(at: path) }
        #expect(ids(try store.search("password", filter: .tag("security"), limit: 10)) == [a["security"]!.id])
        try store.setBookmarked(id: a["cooking"]!.id, true)
        #expect(ids(try store.search("password", filter: .bookmarks, limit: 10)) == [a["cooking"]!.id])
        try store.setRead(id: a["cooking"]!.id, true)
        #expect(ids(try store.search("password", filter: .unread, limit: 10)) == [a["security"]!.id])
    }

    @Test func indexFormExpandsCJKRuns() {
        #expect(SearchText.indexForm("日本語を") == " 日本 本語 語を を ")
        #expect(SearchText.indexForm("abc 東京2026") == "abc  東京 京 2026")
        #expect(SearchText.matchExpression("日本語") == "\"日本 本語\"")
        #expect(SearchText.matchExpression("go 日 security") == "\"go\" \"日\"* \"security\"*")
        #expect(SearchText.matchExpression("!!") == nil)
    }
}
