import Feeds
import Foundation
import NewsModel
import Store

/// Fetches, parses and stores subscribed feeds concurrently. Each failure is recorded on its
/// feed (`lastError`) and never stops the others. Used by `refresh` and the reader's r/R.
struct FeedRefresher: Sendable {
    enum Status: Sendable, Equatable {
        case stored(inserted: Int, updated: Int, pruned: Int)
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
    /// How much of each feed's history is kept (config.toml `max-articles-per-feed`,
    /// `max-article-age-days`); applied by the writer in the same transaction.
    let retention: FeedRetention

    /// `maxConcurrent` and `timeout` come from config.toml (`refresh-concurrency`,
    /// `refresh-timeout`); nil keeps the fetcher's defaults.
    init(store: LibraryStore, userAgent: String = "newsreader/\(NewsreaderVersion.string)",
         maxConcurrent: Int? = nil, timeout: TimeInterval? = nil, retention: FeedRetention = .unlimited) {
        self.store = store
        self.retention = retention
        var configuration = FeedFetcher.Configuration(userAgent: userAgent)
        if let maxConcurrent { configuration.maxConcurrent = maxConcurrent }
        if let timeout {
            configuration.totalTimeout = timeout
            configuration.connectTimeout = min(configuration.connectTimeout, timeout)
        }
        fetcher = FeedFetcher(configuration: configuration)
    }

    /// Refreshes `feeds`; `progress` sees each outcome as it is stored (with how many are done).
    ///
    /// A pipeline: up to `maxConcurrent` fetches in flight, parsing on as many threads as there
    /// are cores, one writer storing whatever has been parsed in one transaction. Memory stays
    /// bounded: a local file is read only once a parser is free, and parsers wait while the
    /// writer has `maxPendingArticles` queued.
    func refresh(_ feeds: [FeedSubscription],
                 progress: @escaping @Sendable (_ done: Int, _ total: Int, Outcome) async -> Void = { _, _, _ in })
        async -> [Outcome] {
        guard !feeds.isEmpty else { return [] }
        let writer = RefreshWriter(store: store, total: feeds.count, maxPendingArticles: Self.maxPendingArticles,
                                   retention: retention, progress: progress)
        let parsers = AsyncSlots(Self.parserSlots)
        let width = max(1, min(fetcher.configuration.maxConcurrent, feeds.count))
        await withTaskGroup(of: Void.self) { group in
            var next = 0
            func start() {
                let feed = feeds[next]
                next += 1
                group.addTask { await self.process(feed, parsers: parsers, writer: writer) }
            }
            while next < width { start() }
            while await group.next() != nil {
                if next < feeds.count { start() }
            }
        }
        return await writer.finish()
    }

    /// Past this resident size, free pages go back to the system after each parsed feed.
    static let trimAbove = 80 << 20

    /// One parser per core.
    static let parserSlots = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Articles parsed ahead of the writer before parsers wait.
    static let maxPendingArticles = 500

    private func process(_ feed: FeedSubscription, parsers: AsyncSlots, writer: RefreshWriter) async {
        let request = FeedRequest(location: feed.url, etag: feed.etag, lastModified: feed.lastModified)
        // A local file is read in an instant: read it only when it can be parsed right away, so
        // at most a few files sit in memory. Network fetches overlap with parsing.
        let localURL = FeedFetcher.url(for: feed.url).flatMap { $0.isFileURL ? $0 : nil }
        var weight = 0
        if let localURL {
            weight = Self.parseWeight(bytes: Self.fileSize(localURL.path))
            await parsers.acquire(weight)
        }
        let result = await fetcher.fetch(request)
        if localURL == nil, case .success(.fetched(let fetched)) = result {
            weight = Self.parseWeight(bytes: fetched.data.count)
            await parsers.acquire(weight)
        }
        // Parsing blocks: run it on a thread of its own, not the cooperative pool. A big feed's
        // earlier pieces go to the writer as they are parsed; the parser waits while the writer
        // has a backlog (the same backpressure as whole feeds). Not on `DispatchQueue.global()`:
        // its threads are the ones Swift's tasks run on, so two parsers waiting there for the
        // writer's task left it no thread until libdispatch added one a second later (a 1 s
        // stall at the start of every refresh). A private queue gets a thread of its own.
        let work = await withCheckedContinuation { continuation in
            DispatchQueue(label: "newsreader.feed-parser", qos: .userInitiated).async {
                let work = Self.prepare(result, for: feed) { piece in
                    let queued = DispatchSemaphore(value: 0)
                    Task {
                        await writer.submit(feed, .piece(piece))
                        queued.signal()
                    }
                    queued.wait()
                }
                MemoryTuning.releaseFreePages(above: Self.trimAbove)
                continuation.resume(returning: work)
            }
        }
        if weight > 0 { await parsers.release(weight) }
        await writer.submit(feed, work)
    }

    /// Parser slots (of `parserSlots`) a feed of this size takes: a big feed (over
    /// `bigFeedBytes`) takes half of them, so at most two are parsed at once while small ones share all cores.
    /// Parsing holds the feed's bytes once (UTF-8 is sanitised into libxml2 a piece at a time)
    /// besides one item's tree and one piece of articles. 100 × 1000-item feeds: one big feed at
    /// a time left a core idle (57 s, 95 MB); two at once 43 s, 91 MB.
    static func parseWeight(bytes: Int) -> Int { bytes > bigFeedBytes ? max(1, parserSlots / 2) : 1 }
    static let bigFeedBytes = 2 << 20

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Articles per piece a big feed is handed to the writer in.
    static let pieceArticles = 100

    /// Parses a fetch result and prepares its articles for the writer (all CPU, no database).
    /// A feed of more than `pieceArticles` items goes out in pieces through `piece` as it is
    /// parsed; the returned work is its last piece.
    static func prepare(_ result: Result<FeedResponse, FetchError>, for feed: FeedSubscription,
                        piece: @escaping (FeedUpdate) -> Void = { _ in }) -> RefreshWriter.Work {
        switch result {
        case .failure(let error):
            return .failed(error.description)
        case .success(.notModified):
            return .notModified
        case .success(.fetched(let fetched)):
            do {
                var earlierIDs: [String] = []
                var earlierNames = Set<String>()
                let url = URL(string: feed.url)
                let document = try FeedParser.parse(data: fetched.data, url: url,
                                                    httpContentType: fetched.contentType,
                                                    chunkSize: pieceArticles) { articles in
                    earlierIDs += articles.map(\.id)
                    if let name = articles.first?.source.name { earlierNames.insert(name) }
                    piece(FeedUpdate(url: feed.url, feedTitle: nil, articles: articles, feedTags: feed.tags,
                                     userTitle: feed.title, etag: nil, lastModified: nil, isFinal: false))
                }
                var update = FeedUpdate(url: feed.url, feedTitle: document.feed?.title, articles: document.articles,
                                        feedTags: feed.tags, userTitle: feed.title,
                                        etag: fetched.etag, lastModified: fetched.lastModified)
                update.earlierIDs = earlierIDs
                // A <title> after the first pieces: they were named after the URL; rename them.
                let name = FeedParser.sourceName(feedTitle: document.feed?.title, url: url)
                if feed.title == nil, earlierNames.contains(where: { $0 != name }) { update.earlierSourceName = name }
                return .store(update, title: feed.title ?? document.feed?.title ?? feed.url)
            } catch {
                return .failed("\(error)")
            }
        }
    }
}
