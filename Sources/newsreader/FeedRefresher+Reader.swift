import ReaderEffects
import Store

/// `FeedRefresher` as the runtime's and `refresh`'s `FeedRefreshing`.
struct FeedRefreshAdapter: FeedRefreshing {
    let refresher: FeedRefresher

    func refresh(_ feeds: [FeedSubscription],
                 progress: @escaping @Sendable (_ done: Int, _ total: Int, FeedRefreshOutcome) async -> Void)
        async -> [FeedRefreshOutcome] {
        let outcomes = await refresher.refresh(feeds) { done, total, outcome in
            await progress(done, total, Self.outcome(outcome))
        }
        return outcomes.map(Self.outcome)
    }

    static func outcome(_ outcome: FeedRefresher.Outcome) -> FeedRefreshOutcome {
        let status: FeedRefreshStatus
        switch outcome.status {
        case .stored(let inserted, let updated, let pruned):
            status = .stored(inserted: inserted, updated: updated, pruned: pruned)
        case .notModified: status = .notModified
        case .failed(let reason): status = .failed(reason)
        }
        return FeedRefreshOutcome(url: outcome.url, title: outcome.title, status: status)
    }
}
