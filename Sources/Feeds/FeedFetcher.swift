import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
    private let session: URLSession
    private let transfers: HTTPTransfers
    private let limiter: ConcurrencyLimiter

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        transfers = HTTPTransfers(limits: .init(maxBodyBytes: configuration.maxBodyBytes,
                                                maxDecompressedBytes: configuration.maxDecompressedBytes,
                                                maxRedirects: configuration.maxRedirects))
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.httpMaximumConnectionsPerHost = configuration.maxPerHost
        // URLSession has no separate connect timeout: the idle timeout covers the connect,
        // and a watchdog enforces the total.
        sessionConfiguration.timeoutIntervalForRequest = configuration.connectTimeout
        sessionConfiguration.timeoutIntervalForResource = configuration.totalTimeout
        sessionConfiguration.httpAdditionalHeaders = [
            "User-Agent": configuration.userAgent,
            "Accept": "application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
        ]
        session = URLSession(configuration: sessionConfiguration, delegate: transfers, delegateQueue: InlineDelegateQueue())
        limiter = ConcurrencyLimiter(overall: configuration.maxConcurrent, perKey: configuration.maxPerHost)
    }

    deinit { session.finishTasksAndInvalidate() }

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
        var urlRequest = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData,
                                    timeoutInterval: configuration.connectTimeout)
        urlRequest.setValue(configuration.userAgent, forHTTPHeaderField: "User-Agent")
        urlRequest.setValue("gzip, deflate", forHTTPHeaderField: "Accept-Encoding")
        if let etag = request.etag { urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = request.lastModified { urlRequest.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        let task = session.dataTask(with: urlRequest)
        let total = configuration.totalTimeout
        // A dispatch timer, not a Task: it must fire even when the cooperative pool is busy parsing.
        let watchdog = DispatchWorkItem { [transfers] in transfers.cancel(task, because: .timedOut(seconds: total)) }
        DispatchQueue.global().asyncAfter(deadline: .now() + total, execute: watchdog)
        let outcome = await withTaskCancellationHandler {
            await transfers.run(task)
        } onCancel: {
            task.cancel()
        }
        watchdog.cancel()
        switch outcome {
        case .failure(let error):
            return .failure(error)
        case .success(let (data, response)):
            switch response.statusCode {
            case 304:
                return .success(.notModified)
            case 200..<300:
                let headers = response.allHeaderFields
                func header(_ name: String) -> String? {
                    for (key, value) in headers where (key as? String)?.lowercased() == name { return value as? String }
                    return nil
                }
                return .success(.fetched(FetchedFeed(
                    data: data, contentType: header("content-type"), etag: header("etag"),
                    lastModified: header("last-modified"), finalURL: response.url ?? url)))
            default:
                // Includes a 3xx that reached here: redirects with a Location are followed (and
                // counted) by HTTPTransfers, so this one had none and is just the server's status.
                return .failure(.httpStatus(response.statusCode))
            }
        }
    }

    /// Local files: the modification time and size act as the validator. Only regular files:
    /// a FIFO or a device (/dev/zero) would block or never end.
    private func readFile(_ url: URL, request: FeedRequest) -> Result<FeedResponse, FetchError> {
        let path = url.path
        // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then rejects it.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.file("cannot read \(path): no such file or not readable")) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
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
            let data = try handle.read(upToCount: configuration.maxBodyBytes + 1) ?? Data()
            if data.count > configuration.maxBodyBytes { return .failure(.tooLarge(limit: configuration.maxBodyBytes)) }
            return .success(.fetched(FetchedFeed(data: data, contentType: nil, etag: nil,
                                                 lastModified: validator, finalURL: url)))
        } catch {
            return .failure(.file("cannot read \(path): \(error.localizedDescription)"))
        }
    }
}
