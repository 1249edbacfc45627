import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The URLSession delegate behind `FeedFetcher`: streams each body with a size cap, counts and
/// vets redirects, and resumes the waiting fetch when its task completes.
/// @unchecked Sendable: its only mutable state (`transfers` and every `Transfer` in it) is read and
/// written under `lock`; a `Transfer` removed from the table is owned by the one caller that removed it.
final class HTTPTransfers: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Limits {
        var maxBodyBytes: Int
        var maxDecompressedBytes: Int
        var maxRedirects: Int
    }

    /// One transfer's state; touched only under `lock`.
    final class Transfer {
        var data = Data()
        var response: HTTPURLResponse?
        var redirects = 0
        var failure: FetchError?
        /// The body cap: the decompressed one when the server compressed the body, else the raw one.
        var limit = Int.max
        var continuation: CheckedContinuation<Result<(Data, HTTPURLResponse), FetchError>, Never>?
    }

    private let lock = NSLock()
    private var transfers: [ObjectIdentifier: Transfer] = [:]
    let limits: Limits

    init(limits: Limits) {
        self.limits = limits
    }

    /// Runs `task` to completion (or until `cancel(_:because:)`).
    func run(_ task: URLSessionDataTask) async -> Result<(Data, HTTPURLResponse), FetchError> {
        await withCheckedContinuation { continuation in
            let transfer = Transfer()
            transfer.continuation = continuation
            lock.withLock { transfers[ObjectIdentifier(task)] = transfer }
            task.resume()
        }
    }

    /// Stops a transfer, recording why (the first reason wins).
    /// The waiting fetch resumes at once; the task's own completion is then ignored.
    func cancel(_ task: URLSessionTask, because failure: FetchError) {
        // The recorded reason is read under the lock, like every other access to a transfer.
        let (continuation, reason) = lock.withLock {
            let transfer = transfers.removeValue(forKey: ObjectIdentifier(task))
            let continuation = transfer?.continuation
            transfer?.continuation = nil
            return (continuation, transfer?.failure ?? failure)
        }
        // Not on this thread: cancel() waits for FoundationNetworking's work queue, which may be
        // the queue this runs on (see InlineDelegateQueue).
        DispatchQueue.global().async { task.cancel() }
        continuation?.resume(returning: .failure(reason))
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        let encoding = http?.value(forHTTPHeaderField: "Content-Encoding")?.lowercased() ?? "identity"
        let limit = encoding == "identity" ? limits.maxBodyBytes : limits.maxDecompressedBytes
        lock.withLock {
            transfers[ObjectIdentifier(dataTask)]?.response = http
            transfers[ObjectIdentifier(dataTask)]?.limit = limit
        }
        // FoundationNetworking ignores the disposition: cancelling is up to us.
        if response.expectedContentLength > Int64(limits.maxBodyBytes) {
            completionHandler(.cancel)
            cancel(dataTask, because: .tooLarge(limit: limits.maxBodyBytes))
            return
        }
        if let type = http?.mimeType?.lowercased(), Self.isNeverAFeed(type) {
            completionHandler(.cancel)
            cancel(dataTask, because: .notAFeedContentType(type))
            return
        }
        completionHandler(.allow)
    }

    /// Images, audio, video and fonts are never feeds; anything else may be a mislabelled one.
    static func isNeverAFeed(_ mimeType: String) -> Bool {
        ["image/", "audio/", "video/", "font/"].contains { mimeType.hasPrefix($0) }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        // Bodies arrive already decompressed (gzip/deflate/br/zstd): this caps the decompressed size
        // too. Called inline from libcurl's write callback; once the transfer is gone it is a
        // dictionary miss, so the rest of a bomb's current read costs inflation CPU only.
        let tooBig: Int? = lock.withLock {
            guard let transfer = transfers[ObjectIdentifier(dataTask)] else { return nil }
            transfer.data.append(data)
            let limit = min(transfer.limit, limits.maxDecompressedBytes)
            return transfer.data.count > limit ? limit : nil
        }
        if let limit = tooBig { cancel(dataTask, because: .tooLarge(limit: limit)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        var scheme = request.url?.scheme?.lowercased() ?? ""
        // corelibs Foundation may rewrite "file:///x" into a same-host http URL: judge the raw Location.
        var target = request.url?.absoluteString ?? "?"
        for (key, value) in response.allHeaderFields where (key as? String)?.lowercased() == "location" {
            if let location = value as? String, let colon = location.firstIndex(of: ":"),
               location[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
               !location[..<colon].isEmpty {
                scheme = location[..<colon].lowercased()
                target = location
            }
        }
        let verdict: FetchError? = lock.withLock {
            guard let transfer = transfers[ObjectIdentifier(task)] else { return nil }
            transfer.redirects += 1
            if scheme != "http" && scheme != "https" {
                transfer.failure = .redirectToUnsupportedScheme(target)
            } else if transfer.redirects > limits.maxRedirects {
                transfer.failure = .tooManyRedirects(limits.maxRedirects)
            }
            return transfer.failure
        }
        if verdict != nil {
            completionHandler(nil)
            // Not here: this runs on FoundationNetworking's work queue (InlineDelegateQueue), and
            // cancel() waits for that queue.
            DispatchQueue.global().async { task.cancel() }
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        // Snapshot the transfer under the lock; after removal nothing else can reach it.
        let snapshot = lock.withLock { () -> (failure: FetchError?, response: HTTPURLResponse?, data: Data,
                                              continuation: CheckedContinuation<Result<(Data, HTTPURLResponse), FetchError>, Never>?)? in
            guard let transfer = transfers.removeValue(forKey: ObjectIdentifier(task)) else { return nil }
            let continuation = transfer.continuation
            transfer.continuation = nil
            return (transfer.failure, transfer.response, transfer.data, continuation)
        }
        guard let transfer = snapshot else { return }
        let result: Result<(Data, HTTPURLResponse), FetchError>
        if let failure = transfer.failure {
            result = .failure(failure)
        } else if let error {
            let nsError = error as NSError
            if nsError.code == NSURLErrorTimedOut {
                result = .failure(.timedOut(seconds: task.originalRequest?.timeoutInterval ?? 0))
            } else if nsError.code == NSURLErrorUnsupportedURL, let url = task.currentRequest?.url,
                      let scheme = url.scheme, scheme != "http" && scheme != "https" {
                result = .failure(.redirectToUnsupportedScheme(url.absoluteString))
            } else {
                result = .failure(.transport(nsError.localizedDescription))
            }
        } else if let response = transfer.response ?? (task.response as? HTTPURLResponse) {
            result = .success((transfer.data, response))
        } else {
            result = .failure(.transport("no HTTP response"))
        }
        transfer.continuation?.resume(returning: result)
    }
}
