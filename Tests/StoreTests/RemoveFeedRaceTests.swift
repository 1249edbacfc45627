import Foundation
import GRDB
import GRDBSQLite
import NewsModel
import Synchronization
import Testing
@testable import Store

/// `removeFeed` must not delete an article bookmarked by another connection while it runs.
@Suite struct RemoveFeedRaceTests {
    /// Lets the other connection commit at the moment removeFeed finds the library locked.
    /// `@unchecked Sendable`: only semaphores (thread-safe) and a flag touched by the one
    /// writer connection's busy handler.
    final class BusyHook: @unchecked Sendable {
        let proceed = DispatchSemaphore(value: 0)
        let otherDone = DispatchSemaphore(value: 0)
        var waited = false
    }

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

        // When removeFeed finds the write lock taken, its busy handler lets the other connection
        // bookmark and commit, then retries: the race happens at that exact point, no sleep.
        let hook = BusyHook()
        let installed = store.pool.writeWithoutTransaction { db in
            sqlite3_busy_handler(db.sqliteConnection, { context, attempts in
                let hook = Unmanaged<BusyHook>.fromOpaque(context!).takeUnretainedValue()
                if !hook.waited {
                    hook.waited = true
                    hook.proceed.signal()
                    _ = hook.otherDone.wait(timeout: .now() + 10)
                }
                return attempts < 1000 ? 1 : 0
            }, Unmanaged.passUnretained(hook).toOpaque())
        }
        #expect(installed == SQLITE_OK)
        let proceed = hook.proceed, otherDone = hook.otherDone

        // Another connection holds the write lock, so the removal has to wait for it…
        let other = try DatabaseQueue(path: path)
        let lockHeld = DispatchSemaphore(value: 0)
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
        #expect(done.wait(timeout: .now() + 20) == .success)
        #expect(hook.waited, "removeFeed never found the library locked: no race was tested")
        let removed = try #require(outcome.withLock { $0 })
        #expect(try removed.get())
        #expect(try store.article(id: keptID) != nil, "the bookmarked article was deleted")
        #expect(try store.article(id: articles[1].id) == nil)
        withExtendedLifetime(hook) {}
    }
}
