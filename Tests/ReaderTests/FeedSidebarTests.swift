import Foundation
import NewsModel
import Screen
import Store
import Testing
@testable import Reader

/// Subscribed feeds get their own sidebar section; a feed whose last refresh failed is marked.
@Suite struct FeedSidebarTests {
    static func feedArticle(_ n: Int, feed: String) -> Article {
        Article(title: "Feed item \(n)", published: Fixtures.now.addingTimeInterval(Double(-n) * 60),
                source: ArticleSource(kind: .feed, location: feed, name: "Good feed"), guid: "item-\(n)",
                body: [Block(.paragraph, text: "Item \(n).")])
    }

    @Test func feedsAreListedAndAFailingOneIsMarked() throws {
        let good = "https://feeds.example.org/good.xml"
        let broken = "https://feeds.example.org/broken.xml"
        let library = try StoreBackedTests.Library(articles: [StoreBackedTests.article(1)])
        _ = try library.store.addFeed(url: good, title: "Good feed", tags: [], hidden: false)
        _ = try library.store.addFeed(url: broken, title: "Broken feed", tags: [], hidden: false)
        _ = try library.store.storeFeedArticles(url: good, feedTitle: "Good feed",
                                                articles: [Self.feedArticle(1, feed: good), Self.feedArticle(2, feed: good)],
                                                etag: nil, lastModified: nil, at: Fixtures.now)
        try library.store.recordFeedError(url: broken, "HTTP status 404")

        var state = library.start(width: 120, height: 30)
        let labels = state.sidebar.items.map(\.label)
        let heading = try #require(labels.firstIndex(of: "Feeds"))
        #expect(Array(labels[(heading + 1)...]) == ["! Broken feed", "Good feed"])
        #expect(state.sidebar.items[heading + 1].failing)
        #expect(!state.sidebar.items[heading + 2].failing)

        let screen = state.view(styles: PlainStyles()).lines.joined(separator: "\n")
        #expect(screen.contains("! Broken feed"))

        // Choosing the feed lists exactly its articles.
        let goodRow = heading + 2
        library.type("h" + String(repeating: "j", count: goodRow), into: &state)
        #expect(state.sidebar.cursor == goodRow)
        #expect(state.list.filter == .source(good))
        #expect(Set(state.list.rows.map(\.title)) == ["Feed item 1", "Feed item 2"])
        #expect(state.view(styles: PlainStyles()).lines.last?.hasPrefix(" Good feed · 1/2") == true)
    }
}
