import Foundation
import Testing
@testable import Feeds

/// A hostile server on 127.0.0.1 (feed_test_server.py): each attack ends in a clear per-feed
/// error while the good feeds fetched alongside it still arrive.
@Suite struct HostileServerTests {
    let server: LocalFeedServer
    init() throws { server = try LocalFeedServer() }

    func fetcher(_ adjust: (inout FeedFetcher.Configuration) -> Void = { _ in }) -> FeedFetcher {
        var configuration = FeedFetcher.Configuration()
        // Generous: in a parallel test run on a loaded machine the reading task can wait long for
        // a thread, and NIO's read timeout counts that pause (backpressure) as idle.
        configuration.totalTimeout = 120
        configuration.connectTimeout = 90
        adjust(&configuration)
        return FeedFetcher(configuration: configuration)
    }

    /// Fetches `path` with `f` while two good feeds are fetched at the same time (by a fetcher
    /// with default timeouts, so a loaded machine cannot fail them); requires the good ones.
    func fetchAmongGoodFeeds(_ path: String, _ f: FeedFetcher) async throws -> Result<FeedResponse, FetchError> {
        let goodRequests = ["/feed.xml", "/atom.xml"].map { FeedRequest(location: server.url($0)) }
        async let good = FeedFetcher().fetchAll(goodRequests)
        let result = await f.fetch(FeedRequest(location: server.url(path)))
        for other in await good {
            #expect((try? other.get().fetched) != nil, "good feed lost next to \(path): \(other)")
        }
        return result
    }

    @Test(arguments: ["/bomb/gzip", "/bomb/deflate", "/bomb/gzip-close", "/bomb/gzip-endless"])
    func compressionBombsStopAtTheDecompressedCap(path: String) async throws {
        let result = try await fetchAmongGoodFeeds(path, fetcher())
        #expect(result == .failure(.tooLarge(limit: 50 * 1_048_576)), "\(result)")
    }

    @Test(arguments: ["/endless", "/endless-length"])
    func endlessBodiesAreCut(path: String) async throws {
        let result = try await fetchAmongGoodFeeds(path, fetcher { $0.maxBodyBytes = 2_000_000 })
        #expect(result == .failure(.tooLarge(limit: 2_000_000)), "\(path): \(result)")
    }

    @Test func slowDripHitsTheTotalTimeout() async throws {
        let result = try await fetchAmongGoodFeeds("/drip", fetcher { $0.totalTimeout = 2; $0.connectTimeout = 1 })
        guard case .failure(.timedOut) = result else { Issue.record("\(result)"); return }
    }

    @Test func stalledHeadersTimeOut() async throws {
        let result = try await fetchAmongGoodFeeds("/stall-headers", fetcher { $0.totalTimeout = 2; $0.connectTimeout = 1 })
        guard case .failure(.timedOut) = result else { Issue.record("\(result)"); return }
    }

    @Test func endlessHeadersAreRefused() async throws {
        let result = try await fetchAmongGoodFeeds("/huge-headers", fetcher())
        guard case .failure = result else { Issue.record("\(result)"); return }
    }

    @Test func redirectLoopIsCut() async throws {
        #expect(try await fetchAmongGoodFeeds("/redirect-loop", fetcher()) == .failure(.tooManyRedirects(5)))
    }

    @Test(arguments: ["/redirect-javascript", "/redirect-data", "/redirect-file"])
    func redirectsOutOfHTTPAreRefused(path: String) async throws {
        let result = try await fetchAmongGoodFeeds(path, fetcher())
        guard case .failure(.redirectToUnsupportedScheme) = result else { Issue.record("\(path): \(result)"); return }
    }

    @Test func mediaContentTypesAreRefusedBeforeParsing() async throws {
        let result = try await fetchAmongGoodFeeds("/image.png", fetcher())
        #expect(result == .failure(.notAFeedContentType("image/png")), "\(result)")
    }

    /// An HTML page is fetched (servers mislabel feeds as text/html) and then refused by the parser.
    @Test func htmlPageIsNotAFeed() async throws {
        let result = try await fetchAmongGoodFeeds("/html-page", fetcher())
        let page = try #require(try result.get().fetched)
        #expect(throws: FeedParserError.self) {
            try FeedParser.parse(data: page.data, url: page.finalURL, httpContentType: page.contentType)
        }
    }
}
