import Foundation
import Markup

/// Fetches feeds politely: limited concurrency overall and per host, connect and total
/// timeouts, body and decompressed size caps, gzip, at most N redirects and only to http(s),
/// conditional GET (ETag / Last-Modified → 304), a `newsreader/<version>` User-Agent.
/// Local paths and file:// URLs are read directly. Each failure is a value, never a throw.
public final class FeedFetcher: Sendable {
    public struct Configuration: Sendable {
        public var maxConcurrent = 8
        public var maxPerHost = 2
        public var connectTimeout: TimeInterval = 15
        public var totalTimeout: TimeInterval = 60
        public var maxBodyBytes = 20 * 1_048_576
        public var maxDecompressedBytes = 50 * 1_048_576
        public var maxRedirects = 5
        public var userAgent = "newsreader/0.1.0"

        public init(userAgent: String = "newsreader/0.1.0") {
            self.userAgent = userAgent
        }
    }

    public let configuration: Configuration
    private let limiter: ConcurrencyLimiter

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        limiter = ConcurrencyLimiter(overall: configuration.maxConcurrent, perKey: configuration.maxPerHost)
    }

    /// Fetches every request concurrently (within the limits); `onResult` sees each as it
    /// finishes (index into `requests`). Returns all results in request order.
    @discardableResult
    public func fetchAll(_ requests: [FeedRequest],
                         onResult: @escaping @Sendable (Int, Result<FeedResponse, FetchError>) async -> Void = { _, _ in })
        async -> [Result<FeedResponse, FetchError>] {
        await withTaskGroup(of: (Int, Result<FeedResponse, FetchError>).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask {
                    let result = await self.fetch(request)
                    await onResult(index, result)
                    return (index, result)
                }
            }
            var results = [Result<FeedResponse, FetchError>](repeating: .failure(.transport("not run")), count: requests.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
    }

    /// Fetches one feed.
    public func fetch(_ request: FeedRequest) async -> Result<FeedResponse, FetchError> {
        guard let url = Self.url(for: request.location) else { return .failure(.invalidLocation(request.location)) }
        if url.isFileURL { return readFile(url, request: request) }
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .failure(.unsupportedScheme(url.scheme ?? request.location))
        }
        let host = url.host ?? ""
        await limiter.acquire(host)
        let result = await fetchHTTP(url, request: request)
        await limiter.release(host)
        return result
    }

    /// "https://…" stays a URL; "file://…" too; anything else is a local path (`~` expanded).
    public static func url(for location: String) -> URL? {
        let trimmed = location.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let schemeEnd = trimmed.range(of: "://"),
           trimmed[..<schemeEnd.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
            return URL(string: trimmed)
        }
        let path = (trimmed as NSString).expandingTildeInPath
        return URL(fileURLWithPath: path).standardizedFileURL
    }

    private func fetchHTTP(_ url: URL, request: FeedRequest) async -> Result<FeedResponse, FetchError> {
        await HTTPFetch(configuration: configuration).fetch(url, request: request)
    }

    /// Local files: the modification time and size act as the validator. Only regular files:
    /// a FIFO or a device (/dev/zero) would block or never end.
    private func readFile(_ url: URL, request: FeedRequest) -> Result<FeedResponse, FetchError> {
        let path = url.path
        // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then rejects it.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.file("cannot read \(path): no such file or not readable")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.file("cannot read \(path): cannot stat it")) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(.file("cannot read \(path): not a regular file"))
        }
        let size = Int(info.st_size)
        if size > configuration.maxBodyBytes { return .failure(.tooLarge(limit: configuration.maxBodyBytes)) }
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        let validator = "file:\(modified):\(size)"
        if request.lastModified == validator { return .success(.notModified) }
        do {
            // The cap holds even if the file grows after the stat.
            let data = try BoundedFileReader.readToEnd(fd, expected: size, limit: configuration.maxBodyBytes)
            if data.count > configuration.maxBodyBytes { return .failure(.tooLarge(limit: configuration.maxBodyBytes)) }
            return .success(.fetched(FetchedFeed(data: data, contentType: nil, etag: nil,
                                                 lastModified: validator, finalURL: url)))
        } catch {
            return .failure(.file("cannot read \(path): \(error)"))
        }
    }
}
