import DemoLibrary
import Foundation
import NewsModel
import Reader
import ReaderEffects
import Screen
import Store
import Testing

/// The reader through the real runtime: `EffectRunner` on a real SQLite library, effects on
/// their background queues, results drained back into `send` as the UI loop does.
@Suite struct RuntimeTests {
    /// A temporary library file, removed at the end.
    final class TemporaryLibrary {
        let directory: URL
        let store: LibraryStore

        init(_ articles: [Article]) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("nr-runtime-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            store = try LibraryStore(path: directory.appendingPathComponent("library.sqlite").path)
            _ = try store.upsert(articles)
        }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    /// Stands in for the network: "fetches" each feed by storing the articles given for it.
    struct StoringRefresher: FeedRefreshing {
        let store: LibraryStore
        let articles: [String: [Article]]

        func refresh(_ feeds: [FeedSubscription],
                     progress: @escaping @Sendable (Int, Int, FeedRefreshOutcome) async -> Void) async -> [FeedRefreshOutcome] {
            var outcomes: [FeedRefreshOutcome] = []
            for feed in feeds {
                let stored = try? store.storeFeedArticles(url: feed.url, feedTitle: "Feed", articles: articles[feed.url] ?? [],
                                                          etag: nil, lastModified: nil)
                let outcome = FeedRefreshOutcome(url: feed.url, title: feed.url,
                                                 status: .stored(inserted: stored?.inserted ?? 0, updated: 0))
                outcomes.append(outcome)
                await progress(outcomes.count, feeds.count, outcome)
            }
            return outcomes
        }
    }

    static func runner(_ library: TemporaryLibrary, articles: [String: [Article]] = [:],
                       width: Int = 120, height: Int = 30) -> EffectRunner {
        let state = AppState(width: width, height: height, timeZone: Fixtures.utc, now: Fixtures.now)
        return EffectRunner(state: state, store: library.store,
                            refresher: StoringRefresher(store: library.store, articles: articles))
    }

    static func statusLine(_ runner: EffectRunner) -> String {
        runner.state.view(styles: PlainStyles()).lines.last ?? ""
    }

    /// The bug: `r` on a library without feeds left the list on "All · loading" for good,
    /// because the effects `refreshFinished` returned (reload the count and the page) were dropped.
    @Test func refreshOnALibraryWithoutFeedsSettlesTheList() async throws {
        let library = try TemporaryLibrary(DemoLibrary.articles())
        let runner = Self.runner(library)
        runner.start()
        #expect(await runner.settle(timeout: 60))
        let total = runner.state.list.total
        #expect(total == DemoLibrary.articles().count)

        runner.send(.key(.char("r")))
        #expect(await runner.settle(timeout: 60))
        let status = Self.statusLine(runner)
        #expect(status.contains("No feeds to refresh here"), "\(status)")
        #expect(runner.state.refreshing == nil)
        #expect(runner.state.list.inFlight == nil)
        #expect(runner.state.list.countLoaded)
        #expect(runner.state.list.total == total)
        #expect(runner.state.list.rows.count == total)
        #expect(!runner.state.view(styles: PlainStyles()).lines.joined().contains("loading"))
        // And a second refresh is not refused as "Already refreshing".
        runner.send(.key(.char("R")))
        #expect(await runner.settle(timeout: 60))
        #expect(Self.statusLine(runner).contains("No feeds to refresh here"))
    }

    /// A refresh that stores articles: progress, then the summary, then the list and the counts
    /// reload with the new article.
    @Test func refreshStoresArticlesAndReloadsTheList() async throws {
        let library = try TemporaryLibrary([StoreBackedTests.article(1)])
        let url = "https://feeds.example/one.xml"
        _ = try library.store.addFeed(url: url, title: "One")
        let fresh = Article(title: "Fresh from the feed", published: Fixtures.now,
                            source: ArticleSource(kind: .feed, location: url, name: "One"), guid: "fresh-1",
                            body: [Block(.paragraph, text: "New.")])
        let runner = Self.runner(library, articles: [url: [fresh]])
        runner.start()
        #expect(await runner.settle(timeout: 60))
        #expect(runner.state.list.total == 1)

        runner.send(.key(.char("R")))
        #expect(runner.state.refreshing != nil)
        #expect(await runner.settle(timeout: 60))
        #expect(runner.state.refreshing == nil)
        #expect(Self.statusLine(runner).contains("Refreshed 1 feeds"), "\(Self.statusLine(runner))")
        #expect(runner.state.list.total == 2)
        #expect(runner.state.list.rows.map(\.title).contains("Fresh from the feed"))
        #expect(runner.state.sidebar.items.first?.countText.contains("2") == true)
    }

    /// Host effects come back as actions through the same path: inline (a theme switch) or
    /// from a background queue (a GUI browser starting).
    @Test func hostEffectResultsAreSentBack() async throws {
        final class Host: EffectHost {
            var performed: [Effect] = []
            func perform(_ effect: Effect) -> HostResult {
                performed.append(effect)
                switch effect {
                case .setTheme(let name): return .done(.message("Theme \(name)", isError: false))
                case .openLink(let link): return .background { .message("Opened \(link)", isError: false) }
                default: return .done(nil)
                }
            }
        }
        let library = try TemporaryLibrary([StoreBackedTests.article(1)])
        let runner = Self.runner(library)
        let host = Host()
        runner.host = host
        runner.start()
        #expect(await runner.settle(timeout: 60))
        for key in KeyNotation.keystrokes(":theme nord<CR>") { runner.send(.key(key)) }
        #expect(host.performed == [.saveHistory("theme nord"), .setTheme("nord")])
        #expect(Self.statusLine(runner).contains("Theme nord"))
        runner.send(.key(.char("o")))
        #expect(await runner.settle(timeout: 60))
        #expect(host.performed.last == .openLink("https://example.com/1"))
        #expect(Self.statusLine(runner).contains("Opened https://example.com/1"), "\(Self.statusLine(runner))")
    }

    /// What a terminating signal saves from its own thread: where the open article is scrolled to.
    @Test func positionSaverSavesTheOpenArticlesPosition() async throws {
        let body = (0..<60).map { Block(.paragraph, text: "Paragraph \($0) of a long article.") }
        let article = StoreBackedTests.article(1, body: body)
        let library = try TemporaryLibrary([article])
        let runner = Self.runner(library, width: 120, height: 20)
        runner.start()
        #expect(await runner.settle(timeout: 60))
        runner.send(.key(.enter))
        #expect(await runner.settle(timeout: 60))
        for key in KeyNotation.keystrokes("30j") { runner.send(.key(key)) }
        #expect(await runner.settle(timeout: 60))
        let id = try #require(runner.state.pane.article?.id)
        #expect(try library.store.article(id: id)?.readingPosition == 0)

        #expect(runner.positionSaver.save(timeout: 10))
        let saved = try #require(try library.store.article(id: id)?.readingPosition)
        #expect(saved > 0)
        #expect(runner.state.savePositionEffects() == [.saveReadingPosition(id: id, block: saved)])
    }
}
