import Dispatch
import Feeds
import Foundation
import Reader
import Store

/// `:add URL [all]` in the reader: the same discovery as `newsreader add` (a feed, or the feeds
/// a web page declares or its site has at the usual paths), subscribed to in the library. Runs
/// off the UI thread (the host hands it to the runner as background work).
struct FeedSubscriber: Sendable {
    let store: LibraryStore

    /// Discovers and subscribes; the action says what happened (and which feeds to fetch).
    func add(_ location: String, all: Bool) -> Action {
        let url: String
        do { url = try FeedLocation.normalise(location) } catch {
            return .message("\(error)", isError: true)
        }
        var configuration = FeedFetcher.Configuration(userAgent: "newsreader/\(NewsreaderVersion.string)")
        configuration.totalTimeout = 30
        let fetcher = FeedFetcher(configuration: configuration)
        let outcome = Self.wait { await FeedDiscovery.discover(url, fetcher: fetcher) }
        let given = DiscoveredFeed(url: URL(string: url) ?? URL(fileURLWithPath: url), title: nil)
        let targets: [DiscoveredFeed]
        var note = ""
        switch outcome {
        case .feed: targets = [given]
        case .unreachable(let error):
            targets = [given]
            note = " (cannot fetch it now: \(error))"
        case .unrecognised:
            targets = [given]
            note = " (neither a feed nor a web page)"
        case .page(let feeds, _):
            guard !feeds.isEmpty else { return .message("No feed found for \(url)", isError: true) }
            guard feeds.count == 1 || all else {
                let list = feeds.prefix(4).map(\.url.absoluteString).joined(separator: ", ")
                return .message("\(feeds.count) feeds on that page: \(list)\(feeds.count > 4 ? ", …" : "") (:add URL all, or :add one of them)",
                                isError: true)
            }
            targets = feeds
        }
        do {
            for target in targets { _ = try store.addFeed(url: target.url.absoluteString) }
        } catch {
            return .message("Could not subscribe: \(error)", isError: true)
        }
        let names = targets.map { $0.title ?? $0.url.absoluteString }
        let text = targets.count == 1 ? "Subscribed to \(names[0])\(note)" : "Subscribed to \(targets.count) feeds"
        return .feedsAdded(urls: targets.map(\.url.absoluteString), message: text)
    }

    /// Runs async work from a plain (dispatch) thread and waits for it: the background work
    /// the runner gives us is synchronous.
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

/// Carries a result from a task to the waiting thread.
/// @unchecked Sendable: written once by the task before `signal()`, read only after `wait()`.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
