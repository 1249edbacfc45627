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
        /// A feed's last (or only) piece: storing it ends the feed's refresh.
        case store(FeedUpdate, title: String)
        /// An earlier piece of a big feed, handed over while the rest is still being parsed.
        case piece(FeedUpdate)
        case notModified
        case failed(String)
    }

    /// What a feed's earlier pieces stored, added into its outcome when the last piece lands.
    struct PieceTotal: Sendable {
        var inserted = 0
        var updated = 0
        var error: String?
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
    private var pieceTotals: [String: PieceTotal] = [:]

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
        switch work {
        case .store(let update, _), .piece(let update): pendingArticles += update.count
        case .notModified, .failed: break
        }
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
            let totals = pieceTotals
            let (results, after) = await withCheckedContinuation { continuation in
                queue.async {
                    continuation.resume(returning: Self.write(batch, totals: totals, to: store, retention: retention))
                }
            }
            pieceTotals = after
            for outcome in results {
                outcomes.append(outcome)
                await progress(outcomes.count, total, outcome)
            }
        }
        draining = nil
    }

    /// Stores a batch: all feeds' articles in one transaction; should that fail, feed by feed so
    /// one bad feed cannot take the others down with it. Pieces report nothing themselves: what
    /// they stored is added to their feed's outcome when its last piece is stored.
    private static func write(_ batch: [(feed: FeedSubscription, work: Work)], totals: [String: PieceTotal],
                              to store: LibraryStore, retention: FeedRetention)
        -> ([FeedRefresher.Outcome], [String: PieceTotal]) {
        var totals = totals
        let updates = batch.compactMap { item -> FeedUpdate? in
            switch item.work {
            case .store(let update, _), .piece(let update): return update
            case .notModified, .failed: return nil
            }
        }
        let results: [UpsertResult]? = updates.count > 1 ? try? store.storeFeedUpdates(updates, retention: retention) : nil
        var next = 0
        func stored(_ update: FeedUpdate) -> Result<UpsertResult, Error> {
            defer { next += 1 }
            if let results { return .success(results[next]) }
            return Result { try store.storeFeedUpdates([update], retention: retention)[0] }
        }
        let outcomes = batch.compactMap { feed, work -> FeedRefresher.Outcome? in
            let title = feed.displayTitle
            func fail(_ message: String) -> FeedRefresher.Outcome {
                try? store.recordFeedError(url: feed.url, message)
                return FeedRefresher.Outcome(url: feed.url, title: title, status: .failed(message))
            }
            switch work {
            case .failed(let message):
                totals[feed.url] = nil
                return fail(message)
            case .notModified:
                try? store.recordFeedNotModified(url: feed.url)
                return FeedRefresher.Outcome(url: feed.url, title: title, status: .notModified)
            case .piece(let update):
                switch stored(update) {
                case .success(let result):
                    totals[feed.url, default: PieceTotal()].inserted += result.inserted
                    totals[feed.url, default: PieceTotal()].updated += result.updated
                case .failure(let error):
                    totals[feed.url, default: PieceTotal()].error = "\(error)"
                }
                return nil
            case .store(let update, let storedTitle):
                let earlier = totals.removeValue(forKey: feed.url) ?? PieceTotal()
                let result: UpsertResult
                switch stored(update) {
                case .success(let value): result = value
                case .failure(let error): return fail("\(error)")
                }
                if let error = earlier.error { return fail(error) }
                return FeedRefresher.Outcome(url: feed.url, title: storedTitle,
                                             status: .stored(inserted: result.inserted + earlier.inserted,
                                                             updated: result.updated + earlier.updated,
                                                             pruned: result.pruned))
            }
        }
        return (outcomes, totals)
    }
}
