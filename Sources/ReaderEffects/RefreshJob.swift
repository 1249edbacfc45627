import Reader
import Store

/// The `refreshFeeds` effect: reads the feed list (off the UI thread), picks the scope's feeds,
/// refreshes them and reports progress and a one-line summary as actions.
public struct RefreshJob: Sendable {
    let store: LibraryStore
    let refresher: any FeedRefreshing

    public init(store: LibraryStore, refresher: any FeedRefreshing) {
        self.store = store
        self.refresher = refresher
    }

    /// The feeds to refresh, or the final action when there is nothing to fetch. Synchronous
    /// (SQLite): the runner calls it on a dispatch queue, so a library without feeds never
    /// waits for a concurrency thread.
    public func plan(_ scope: RefreshScope) -> Result<[FeedSubscription], FinalAction> {
        let all: [FeedSubscription]
        do { all = try store.feeds() } catch {
            return .failure(FinalAction(.refreshFinished(summary: "Could not read the feed list: \(error)", failed: 1)))
        }
        let feeds = RefreshSelection.feeds(all, scope: scope)
        guard !feeds.isEmpty else {
            return .failure(FinalAction(.refreshFinished(summary: "No feeds to refresh here (add one: newsreader add URL)", failed: 0)))
        }
        return .success(feeds)
    }

    /// The action that ends a refresh early, as an error type for `Result`.
    public struct FinalAction: Error {
        public let action: Action
        init(_ action: Action) { self.action = action }
    }

    /// Fetches `feeds`; `progress` gets the progress actions, the result is the final one.
    public func run(_ feeds: [FeedSubscription], progress: @escaping @Sendable (Action) -> Void) async -> Action {
        let started = ContinuousClock.now
        let outcomes = await refresher.refresh(feeds) { done, total, outcome in
            progress(.refreshProgress(done: done, total: total, title: outcome.title))
        }
        let seconds = (ContinuousClock.now - started).components.seconds
        return .refreshFinished(summary: Self.summary(outcomes, seconds: seconds), failed: RefreshTally(outcomes).failures.count)
    }

    /// "Refreshed 3 feeds in 2 s: 5 new", naming the first failure (the sidebar marks the
    /// failing feeds; `newsreader feeds` lists every error).
    static func summary(_ outcomes: [FeedRefreshOutcome], seconds: Int64) -> String {
        let tally = RefreshTally(outcomes)
        var summary = "Refreshed \(outcomes.count) feeds in \(seconds) s: \(tally.inserted) new"
        if tally.pruned > 0 { summary += ", \(tally.pruned) old pruned" }
        if let first = tally.failures.first, case .failed(let reason) = first.status {
            let named = "\(first.title): \(reason)"
            summary += tally.failures.count == 1 ? ", 1 failed: \(named)"
                : ", \(tally.failures.count) failed, first \(named) (newsreader feeds shows all)"
        }
        return summary
    }
}
