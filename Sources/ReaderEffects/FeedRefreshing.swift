import Reader
import Store

/// What one feed's refresh came to.
public enum FeedRefreshStatus: Sendable, Equatable {
    /// `pruned`: older articles the feed's retention limits deleted.
    case stored(inserted: Int, updated: Int, pruned: Int = 0)
    case notModified
    case failed(String)
}

public struct FeedRefreshOutcome: Sendable, Equatable {
    public var url: String
    public var title: String
    public var status: FeedRefreshStatus

    public init(url: String, title: String, status: FeedRefreshStatus) {
        self.url = url
        self.title = title
        self.status = status
    }
}

/// Fetches and stores feeds (the executable's `FeedRefresher`): the refresh job and
/// `newsreader refresh` both go through it.
public protocol FeedRefreshing: Sendable {
    /// Refreshes `feeds`; `progress` sees each outcome as it finishes (with how many are done).
    func refresh(_ feeds: [FeedSubscription],
                 progress: @escaping @Sendable (_ done: Int, _ total: Int, FeedRefreshOutcome) async -> Void)
        async -> [FeedRefreshOutcome]
}

/// The feeds a scope covers: all, those with a tag (ignoring case), or one by URL.
public enum RefreshSelection {
    public static func feeds(_ all: [FeedSubscription], scope: RefreshScope) -> [FeedSubscription] {
        switch scope {
        case .all: return all
        case .tag(let tag): return all.filter { $0.tags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame } }
        case .source(let url): return all.filter { $0.url == url }
        }
    }
}

/// Totals over a refresh's outcomes.
public struct RefreshTally: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var pruned = 0
    public var failures: [FeedRefreshOutcome] = []

    public init(_ outcomes: [FeedRefreshOutcome]) {
        for outcome in outcomes {
            switch outcome.status {
            case .stored(let i, let u, let p): inserted += i; updated += u; pruned += p
            case .notModified: unchanged += 1
            case .failed: failures.append(outcome)
            }
        }
    }
}
