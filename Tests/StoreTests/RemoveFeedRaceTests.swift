import Foundation
import GRDB
import NewsModel
import Synchronization
import Testing
@testable import Store

/// `removeFeed` must not delete an article bookmarked by another connection while it runs.
@Suite struct RemoveFeedRaceTests {
    let path = StoreFixtures.temporaryLibraryPath()

    @Test func bookmarkMadeDuringRemovalIsKept() throws {
        defer { StoreFixtures.removeLibrary(at: path) }
        let store = try LibraryStore(path: path)
        let url = "https://race.example/feed"
        try store.addFeed(url: url)
        let articles = ["x", "y"].map { guid in
            Article(title: "Item \(guid)", source: ArticleSource(kind: .feed, location: url, name: "Race"),
                    guid: guid, body: [Block(.paragraph, text: "Body \(guid)")])
        }
        try store.storeFeedArticles(url: url, feedTitle: nil, articles: articles, etag: nil, lastModified: nil)
        let keptID = articles[0].id

        // Another connection holds the write lock, so the removal has to wait for it…
        let other = try DatabaseQueue(path: path)
        let lockHeld = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let otherDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? other.inTransaction(.immediate) { db in
                lockHeld.signal()
                proceed.wait()
                // …and meanwhile bookmarks one of the feed's articles.
                try db.execute(sql: "UPDATE article SET bookmarkedAt = 1 WHERE id = ?", arguments: [keptID])
                return .commit
            }
            otherDone.signal()
        }
        lockHeld.wait()
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<Bool, Error>?>(nil)
        Thread.detachNewThread {
            let result = Result { try store.removeFeed(url: url) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.5)
        proceed.signal()
        #expect(otherDone.wait(timeout: .now() + 10) == .success)
        #expect(done.wait(timeout: .now() + 10) == .success)
        let removed = try #require(outcome.withLock { $0 })
        #expect(try removed.get())
        #expect(try store.article(id: keptID) != nil, "the bookmarked article was deleted")
        #expect(try store.article(id: articles[1].id) == nil)
    }
}
