import Foundation

/// What to fetch: a feed URL (http, https, file) or a local path, with the validators
/// remembered from the last fetch so an unchanged feed costs a 304.
public struct FeedRequest: Sendable, Hashable {
    public var location: String
    public var etag: String?
    public var lastModified: String?

    public init(location: String, etag: String? = nil, lastModified: String? = nil) {
        self.location = location
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// A successful fetch: either new bytes or "not modified".
public enum FeedResponse: Sendable, Equatable {
    case fetched(FetchedFeed)
    case notModified

    public var fetched: FetchedFeed? {
        if case .fetched(let feed) = self { return feed }
        return nil
    }
}

public struct FetchedFeed: Sendable, Equatable {
    public var data: Data
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// Where the bytes came from after redirects.
    public var finalURL: URL

    public init(data: Data, contentType: String?, etag: String?, lastModified: String?, finalURL: URL) {
        self.data = data
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.finalURL = finalURL
    }
}

/// Why one feed could not be fetched. Never stops the other feeds.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidLocation(String)
    case unsupportedScheme(String)
    case httpStatus(Int)
    case tooManyRedirects(Int)
    case redirectToUnsupportedScheme(String)
    case timedOut(seconds: Double)
    case tooLarge(limit: Int)
    case notAFeedContentType(String)
    case transport(String)
    case file(String)

    public var description: String {
        switch self {
        case .invalidLocation(let s): return "invalid feed location: \(s)"
        case .unsupportedScheme(let s): return "unsupported URL scheme: \(s)"
        case .httpStatus(let code): return "HTTP status \(code)"
        case .tooManyRedirects(let n): return "too many redirects (more than \(n))"
        case .redirectToUnsupportedScheme(let s): return "refused redirect to a non-http(s) URL: \(s)"
        case .timedOut(let s): return "timed out after \(Int(s)) s"
        case .tooLarge(let limit): return "response larger than \(limit / 1_048_576) MB"
        case .notAFeedContentType(let s): return "not a feed: the server sent \(s)"
        case .transport(let s): return "network error: \(s)"
        case .file(let s): return s
        }
    }
}
