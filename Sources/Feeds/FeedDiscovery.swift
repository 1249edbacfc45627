import Foundation

/// Finds the feeds behind a location someone wants to subscribe to. A feed stays a feed; a web
/// page is searched for `<link rel="alternate">` feeds (FeedLinkScanner) and, when it declares
/// none, the usual feed paths of its site are tried (`/feed`, `/rss.xml`, …).
public enum FeedDiscovery {
    public enum Outcome: Sendable, Equatable {
        /// The location is a feed already.
        case feed
        /// An HTML page, with the feeds found for it (maybe none). `probed`: found by trying
        /// the usual paths because the page declared none.
        case page(feeds: [DiscoveredFeed], probed: Bool)
        /// Fetched, but neither a feed nor an HTML page.
        case unrecognised
        /// Could not be fetched now.
        case unreachable(FetchError)
    }

    /// Tried on the page's origin when the page declares no feed, in this order.
    public static let wellKnownPaths = ["/feed", "/rss.xml", "/atom.xml", "/index.xml", "/feed.xml", "/feed.json"]

    public static func discover(_ location: String, fetcher: FeedFetcher) async -> Outcome {
        let fetched: FetchedFeed
        switch await fetcher.fetch(FeedRequest(location: location)) {
        case .failure(let error): return .unreachable(error)
        case .success(.notModified): return .feed  // not asked for validators, so cannot happen
        case .success(.fetched(let feed)): fetched = feed
        }
        if isFeed(fetched.data) { return .feed }
        // Feed links make it a page even without a doctype (a saved fragment, a lying type).
        let declared = FeedLinkScanner.feeds(inHTML: fetched.data, pageURL: fetched.finalURL,
                                             contentType: fetched.contentType)
        if !declared.isEmpty { return .page(feeds: declared, probed: false) }
        let extensionSaysHTML = ["html", "htm", "xhtml"].contains(fetched.finalURL.pathExtension.lowercased())
        guard extensionSaysHTML || FeedLinkScanner.looksLikeHTML(fetched.data, contentType: fetched.contentType) else {
            return .unrecognised
        }
        return .page(feeds: await probe(site: fetched.finalURL, fetcher: fetcher), probed: true)
    }

    /// The well-known feed URLs on `page`'s origin (scheme, host, port); none for local files.
    public static func probeURLs(for page: URL) -> [URL] {
        guard let scheme = page.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = page.host, !host.isEmpty else { return [] }
        return wellKnownPaths.compactMap { path in
            var components = URLComponents()
            components.scheme = scheme
            components.host = host
            components.port = page.port
            components.path = path
            return components.url
        }
    }

    /// Fetches every well-known path and keeps those that are feeds; a path serving the very
    /// same bytes as an earlier one (`/feed` and `/feed.xml` are often one feed) is dropped.
    static func probe(site page: URL, fetcher: FeedFetcher) async -> [DiscoveredFeed] {
        let candidates = probeURLs(for: page)
        let results = await fetcher.fetchAll(candidates.map { FeedRequest(location: $0.absoluteString) })
        var seenBodies = Set<Data>()
        var found: [DiscoveredFeed] = []
        for (url, result) in zip(candidates, results) {
            guard case .success(.fetched(let feed)) = result, isFeed(feed.data),
                  seenBodies.insert(feed.data).inserted else { continue }
            let title = (try? FeedParser.parse(data: feed.data, url: url, httpContentType: feed.contentType))?.feed?.title
            found.append(DiscoveredFeed(url: url, title: title))
        }
        return found
    }

    static func isFeed(_ data: Data) -> Bool { FeedParser.sniff(data: data) != nil }
}
