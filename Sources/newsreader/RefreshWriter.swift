import Dispatch
import Foundation
import Store

/// The single writer of a refresh: parsers hand it prepared feeds, it stores everything that has
/// queued up in one transaction (one commit, one set of prepared statements for many feeds),
/// and reports each feed's outcome once it is committed.
///
/// Backpressure: `submit` suspends while `maxPendingArticles` or more articles wait, so a fast
/// parser never piles up more than a few feeds' worth of memory ahead of the database.
actor RefreshWriter {
    enum Work: Sendable {
        case store(FeedUpdate, title: String)
        case notModified
        case failed(String)
    }

    private let store: LibraryStore
    private let total: Int
    private let progress: @Sendable (Int, Int, FeedRefresher.Outcome) async -> Void
    private let maxPendingArticles: Int
    private let retention: FeedRetention
    /// SQLite calls block: they run here, never on the cooperative pool.
    private let queue = DispatchQueue(label: "newsreader.refresh-writer", qos: .userInitiated)
    private var pending: [(feed: FeedSubscription, work: Work)] = []
    private var pendingArticles = 0
    private var blocked: [CheckedContinuation<Void, Never>] = []
    private var draining: Task<Void, Never>?
    private(set) var outcomes: [FeedRefresher.Outcome] = []

    init(store: LibraryStore, total: Int, maxPendingArticles: Int, retention: FeedRetention = .unlimited,
         progress: @escaping @Sendable (Int, Int, FeedRefresher.Outcome) async -> Void) {
        self.store = store
        self.retention = retention
        self.total = total
        self.maxPendingArticles = maxPendingArticles
        self.progress = progress
    }

    func submit(_ feed: FeedSubscription, _ work: Work) async {
        while pendingArticles >= maxPendingArticles {
            await withCheckedContinuation { blocked.append($0) }
        }
        if case .store(let update, _) = work { pendingArticles += update.count }
        pending.append((feed, work))
        if draining == nil { draining = Task { await drain() } }
    }

    /// Waits until everything submitted is stored; the outcomes in finishing order.
    func finish() async -> [FeedRefresher.Outcome] {
        while let task = draining { await task.value }
        return outcomes
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = pending
            pending.removeAll()
            // Parsers may fill the queue again while this batch is written.
            pendingArticles = 0
            let waiting = blocked
            blocked.removeAll()
            waiting.forEach { $0.resume() }
            let store = self.store, retention = self.retention
            let results = await withCheckedContinuation { continuation in
                queue.async { continuation.resume(returning: Self.write(batch, to: store, retention: retention)) }
            }
            for outcome in results {
                outcomes.append(outcome)
                await progress(outcomes.count, total, outcome)
            }
        }
        draining = nil
    }

    /// Stores a batch: all feeds' articles in one transaction; should that fail, feed by feed so
    /// one bad feed cannot take the others down with it.
    private static func write(_ batch: [(feed: FeedSubscription, work: Work)], to store: LibraryStore,
                              retention: FeedRetention) -> [FeedRefresher.Outcome] {
        let updates = batch.compactMap { item -> FeedUpdate? in
            if case .store(let update, _) = item.work { return update }
            return nil
        }
        let results: [UpsertResult]? = updates.count > 1 ? try? store.storeFeedUpdates(updates, retention: retention) : nil
        var next = 0
        return batch.map { feed, work in
            let title = feed.displayTitle
            func fail(_ message: String) -> FeedRefresher.Outcome {
                try? store.recordFeedError(url: feed.url, message)
                return FeedRefresher.Outcome(url: feed.url, title: title, status: .failed(message))
            }
            switch work {
            case .failed(let message):
                return fail(message)
            case .notModified:
                try? store.recordFeedNotModified(url: feed.url)
                return FeedRefresher.Outcome(url: feed.url, title: title, status: .notModified)
            case .store(let update, let storedTitle):
                defer { next += 1 }
                let stored: UpsertResult
                if let results {
                    stored = results[next]
                } else {
                    do { stored = try store.storeFeedUpdates([update], retention: retention)[0] } catch { return fail("\(error)") }
                }
                return FeedRefresher.Outcome(url: feed.url, title: storedTitle,
                                             status: .stored(inserted: stored.inserted, updated: stored.updated,
                                                             pruned: stored.pruned))
            }
        }
    }
}
