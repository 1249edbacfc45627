import Feeds
import Foundation
import NewsModel
import Store

/// Fetches, parses and stores subscribed feeds concurrently. Each failure is recorded on its
/// feed (`lastError`) and never stops the others. Used by `refresh` and the reader's r/R.
struct FeedRefresher: Sendable {
    enum Status: Sendable, Equatable {
        case stored(inserted: Int, updated: Int)
        case notModified
        case failed(String)
    }

    struct Outcome: Sendable {
        var url: String
        var title: String
        var status: Status
    }

    let store: LibraryStore
    let fetcher: FeedFetcher

    /// `maxConcurrent` and `timeout` come from config.toml (`refresh-concurrency`,
    /// `refresh-timeout`); nil keeps the fetcher's defaults.
    init(store: LibraryStore, userAgent: String = "newsreader/\(NewsreaderVersion.string)",
         maxConcurrent: Int? = nil, timeout: TimeInterval? = nil) {
        self.store = store
        var configuration = FeedFetcher.Configuration(userAgent: userAgent)
        if let maxConcurrent { configuration.maxConcurrent = maxConcurrent }
        if let timeout {
            configuration.totalTimeout = timeout
            configuration.connectTimeout = min(configuration.connectTimeout, timeout)
        }
        fetcher = FeedFetcher(configuration: configuration)
    }

    /// Refreshes `feeds`; `progress` sees each outcome as it finishes (with how many are done).
    func refresh(_ feeds: [FeedSubscription],
                 progress: @escaping @Sendable (_ done: Int, _ total: Int, Outcome) async -> Void = { _, _, _ in })
        async -> [Outcome] {
        let requests = feeds.map { FeedRequest(location: $0.url, etag: $0.etag, lastModified: $0.lastModified) }
        let collector = OutcomeCollector()
        let store = self.store
        await fetcher.fetchAll(requests) { index, result in
            // Parsing and SQLite writes block: run them on a dispatch thread, not the cooperative pool.
            let feed = feeds[index]
            let outcome = await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: Self.handle(result, for: feed, store: store)) }
            }
            let done = await collector.add(outcome)
            await progress(done, feeds.count, outcome)
        }
        return await collector.outcomes
    }

    /// Parses and stores one fetch result (runs on the fetch's own task, so feeds parse in parallel).
    static func handle(_ result: Result<FeedResponse, FetchError>, for feed: FeedSubscription,
                       store: LibraryStore) -> Outcome {
        let title = feed.displayTitle
        func fail(_ message: String) -> Outcome {
            try? store.recordFeedError(url: feed.url, message)
            return Outcome(url: feed.url, title: title, status: .failed(message))
        }
        switch result {
        case .failure(let error):
            return fail(error.description)
        case .success(.notModified):
            try? store.recordFeedNotModified(url: feed.url)
            return Outcome(url: feed.url, title: title, status: .notModified)
        case .success(.fetched(let fetched)):
            do {
                let document = try FeedParser.parse(data: fetched.data, url: URL(string: feed.url),
                                                    httpContentType: fetched.contentType)
                let stored = try store.storeFeedArticles(
                    url: feed.url, feedTitle: document.feed?.title, articles: document.articles,
                    etag: fetched.etag, lastModified: fetched.lastModified)
                return Outcome(url: feed.url, title: feed.title ?? document.feed?.title ?? feed.url,
                               status: .stored(inserted: stored.inserted, updated: stored.updated))
            } catch {
                return fail("\(error)")
            }
        }
    }
}

/// Gathers outcomes from concurrent fetch tasks, in finishing order.
actor OutcomeCollector {
    private(set) var outcomes: [FeedRefresher.Outcome] = []
    func add(_ outcome: FeedRefresher.Outcome) -> Int {
        outcomes.append(outcome)
        return outcomes.count
    }
}
