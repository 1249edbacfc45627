import Foundation
import Testing
@testable import Feeds

/// Real HTTP against a local python3 server on 127.0.0.1 (no internet needed).
@Suite struct FeedFetcherTests {
    let server: LocalFeedServer
    init() throws { server = try LocalFeedServer() }

    func fetcher(_ adjust: (inout FeedFetcher.Configuration) -> Void = { _ in }) -> FeedFetcher {
        var configuration = FeedFetcher.Configuration(userAgent: "newsreader/9.8.7")
        adjust(&configuration)
        return FeedFetcher(configuration: configuration)
    }

    func parsedTitle(_ result: Result<FeedResponse, FetchError>) throws -> String? {
        guard case .success(.fetched(let feed)) = result else { return nil }
        return try FeedParser.parse(data: feed.data, url: feed.finalURL, httpContentType: feed.contentType).feed?.title
    }

    @Test func fetches200AndThenSees304WithTheStoredValidators() async throws {
        let f = fetcher()
        let first = await f.fetch(FeedRequest(location: server.url("/feed.xml")))
        let feed = try #require(first.get().fetched)
        #expect(feed.etag == "\"v1\"")
        #expect(feed.lastModified == "Tue, 05 Mar 2024 10:00:00 GMT")
        #expect(try parsedTitle(first) == "HTTP feed")
        let second = await f.fetch(FeedRequest(location: server.url("/feed.xml"), etag: feed.etag))
        #expect(try second.get() == .notModified)
        let third = await f.fetch(FeedRequest(location: server.url("/feed.xml"), lastModified: feed.lastModified))
        #expect(try third.get() == .notModified)
        let stale = await f.fetch(FeedRequest(location: server.url("/feed.xml"), etag: "\"old\""))
        #expect(try stale.get().fetched != nil)
    }

    @Test func everyFormatOverHTTP() async throws {
        let f = fetcher()
        #expect(try parsedTitle(await f.fetch(FeedRequest(location: server.url("/atom.xml")))) == "Atom over HTTP")
        #expect(try parsedTitle(await f.fetch(FeedRequest(location: server.url("/rdf.xml")))) == "RDF over HTTP")
        #expect(try parsedTitle(await f.fetch(FeedRequest(location: server.url("/feed.json")))) == "JSON over HTTP")
        let sjis = try #require(try await f.fetch(FeedRequest(location: server.url("/sjis.xml"))).get().fetched)
        let doc = try FeedParser.parse(data: sjis.data, url: sjis.finalURL, httpContentType: sjis.contentType)
        #expect(doc.articles.first?.title == "日本")
    }

    @Test func sendsUserAgentWithVersion() async throws {
        #expect(try parsedTitle(await fetcher().fetch(FeedRequest(location: server.url("/ua.xml")))) == "newsreader/9.8.7")
    }

    @Test func httpErrorsAreValues() async {
        let f = fetcher()
        #expect(await f.fetch(FeedRequest(location: server.url("/status/404"))) == .failure(.httpStatus(404)))
        #expect(await f.fetch(FeedRequest(location: server.url("/status/500"))) == .failure(.httpStatus(500)))
    }

    @Test func followsUpToFiveRedirects() async throws {
        let f = fetcher()
        let ok = await f.fetch(FeedRequest(location: server.url("/redirect/5")))
        #expect(try ok.get().fetched?.finalURL.path == "/feed.xml")
        #expect(await f.fetch(FeedRequest(location: server.url("/redirect/6"))) == .failure(.tooManyRedirects(5)))
    }

    /// A 3xx without a Location cannot be followed: it is the server's status, not a redirect loop.
    @Test func redirectStatusWithoutLocationIsAStatusError() async {
        let f = fetcher()
        for code in [300, 301, 302, 307, 308] {
            #expect(await f.fetch(FeedRequest(location: server.url("/status/\(code)"))) == .failure(.httpStatus(code)))
        }
    }

    @Test func refusesRedirectsToOtherSchemes() async {
        let f = fetcher()
        for path in ["/redirect-file", "/redirect-ftp"] {
            let result = await f.fetch(FeedRequest(location: server.url(path)))
            guard case .failure(.redirectToUnsupportedScheme) = result else {
                Issue.record("\(path): \(result)")
                continue
            }
        }
    }

    @Test func slowServerTimesOut() async {
        let f = fetcher { $0.totalTimeout = 1; $0.connectTimeout = 1 }
        // The server answers after 15 s: a timeout error (not the feed) proves the limit worked.
        // (No wall-clock bound: under a loaded parallel test run the awaiting task resumes late.)
        let result = await f.fetch(FeedRequest(location: server.url("/slow")))
        guard case .failure(.timedOut(let seconds)) = result else { Issue.record("\(result)"); return }
        #expect(seconds == 1)
    }

    @Test func bodyCapStopsHugeResponses() async {
        let f = fetcher { $0.maxBodyBytes = 1_000_000; $0.maxDecompressedBytes = 1_000_000 }
        #expect(await f.fetch(FeedRequest(location: server.url("/huge"))) == .failure(.tooLarge(limit: 1_000_000)))
        #expect(await f.fetch(FeedRequest(location: server.url("/huge-chunked"))) == .failure(.tooLarge(limit: 1_000_000)))
    }

    @Test func gzipIsRequestedAndDecoded() async throws {
        #expect(try parsedTitle(await fetcher().fetch(FeedRequest(location: server.url("/gzip.xml")))) == "gzipped feed")
    }

    @Test func decompressedSizeIsCapped() async {
        let f = fetcher { $0.maxDecompressedBytes = 1_000_000 }
        #expect(await f.fetch(FeedRequest(location: server.url("/gzip-bomb.xml"))) == .failure(.tooLarge(limit: 1_000_000)))
    }

    @Test func localPathsAndFileURLsAreReadDirectly() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("local.rss")
        try Data(FeedFixtures.rss20.utf8).write(to: file)
        let f = fetcher()
        let byPath = try #require(try await f.fetch(FeedRequest(location: file.path)).get().fetched)
        #expect(byPath.data == Data(FeedFixtures.rss20.utf8))
        let byURL = try #require(try await f.fetch(FeedRequest(location: file.absoluteString)).get().fetched)
        #expect(byURL.data == byPath.data)
        // Unchanged file: not modified.
        #expect(try await f.fetch(FeedRequest(location: file.path, lastModified: byPath.lastModified)).get() == .notModified)
        let missing = await f.fetch(FeedRequest(location: dir.appendingPathComponent("nope.rss").path))
        guard case .failure(.file) = missing else { Issue.record("\(missing)"); return }
    }

    @Test func oneFailingFeedNeverStopsTheOthers() async throws {
        let requests = ["/feed.xml", "/status/500", "/atom.xml", "/redirect/9", "/nothing", "/feed.json"]
            .map { FeedRequest(location: server.url($0)) } + [FeedRequest(location: "gopher://x/"), FeedRequest(location: "")]
        let seen = Counter()
        let results = await fetcher().fetchAll(requests) { _, _ in await seen.increment() }
        #expect(await seen.value == requests.count)
        #expect(results.map { (try? $0.get()) != nil } == [true, false, true, false, false, true, false, false])
        #expect(results[6] == .failure(.unsupportedScheme("gopher")))
    }

    @Test func concurrencyStaysWithinTheHostLimit() async {
        let limiter = ConcurrencyLimiter(overall: 4, perKey: 2)
        let tracker = Counter()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<12 {
                group.addTask {
                    let host = i % 2 == 0 ? "a" : "b"
                    await limiter.acquire(host)
                    await tracker.enter(host)
                    try? await Task.sleep(nanoseconds: 20_000_000)
                    await tracker.leave(host)
                    await limiter.release(host)
                }
            }
        }
        #expect(await tracker.maxPerKey <= 2)
        #expect(await tracker.maxOverall <= 4)
        #expect(await tracker.maxOverall >= 2)
    }
}

actor Counter {
    var value = 0
    var current: [String: Int] = [:]
    var maxPerKey = 0
    var maxOverall = 0
    func increment() { value += 1 }
    func enter(_ key: String) {
        current[key, default: 0] += 1
        maxPerKey = max(maxPerKey, current[key]!)
        maxOverall = max(maxOverall, current.values.reduce(0, +))
    }
    func leave(_ key: String) { current[key, default: 0] -= 1 }
}
