import AsyncHTTPClient
import Foundation
import NIOCore

/// One HTTP(S) fetch with AsyncHTTPClient (SwiftNIO). Bodies stream with backpressure, so a
/// cap stops the transfer where it is; gzip/deflate are inflated by NIO under a size limit.
/// (FoundationNetworking could not do this: libcurl always inflates, and queued every inflated
/// chunk for the delegate; a bomb grew the refresh to gigabytes, and an endless one kept its
/// single work queue busy so no cancel and no other feed could get through.)
/// Redirects are followed here, one hop at a time, so each target is vetted: only http(s),
/// at most `maxRedirects`.
struct HTTPFetch {
    let configuration: FeedFetcher.Configuration

    static let accept = "application/rss+xml, application/atom+xml, application/feed+json, application/json, "
        + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"

    func fetch(_ url: URL, request: FeedRequest) async -> Result<FeedResponse, FetchError> {
        let idle = TimeAmount.milliseconds(Int64(configuration.connectTimeout * 1000))
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init(
            redirectConfiguration: .disallow,
            timeout: .init(connect: idle, read: idle),
            // We inflate ourselves (BoundedInflater): NIO inflates a whole read at a time.
            decompression: .disabled))
        let result = await run(client, url, request: request)
        try? await client.shutdown()
        return result
    }

    private func run(_ client: HTTPClient, _ url: URL, request: FeedRequest) async -> Result<FeedResponse, FetchError> {
        let total = configuration.totalTimeout
        let deadline = NIODeadline.now() + .milliseconds(Int64(total * 1000))
        var current = url
        var redirects = 0
        while true {
            var outgoing = HTTPClientRequest(url: current.absoluteString)
            outgoing.headers.add(name: "User-Agent", value: configuration.userAgent)
            outgoing.headers.add(name: "Accept", value: Self.accept)
            outgoing.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
            if let etag = request.etag { outgoing.headers.add(name: "If-None-Match", value: etag) }
            if let lastModified = request.lastModified { outgoing.headers.add(name: "If-Modified-Since", value: lastModified) }
            let response: HTTPClientResponse
            do {
                response = try await client.execute(outgoing, deadline: deadline)
            } catch {
                return .failure(failure(error))
            }
            let status = Int(response.status.code)
            if [301, 302, 303, 307, 308].contains(status), let location = response.headers.first(name: "location") {
                await discard(response)
                let scheme = Self.scheme(of: location)
                guard scheme == nil || scheme == "http" || scheme == "https",
                      let next = URL(string: location, relativeTo: current)?.absoluteURL,
                      let nextScheme = next.scheme?.lowercased(), nextScheme == "http" || nextScheme == "https" else {
                    return .failure(.redirectToUnsupportedScheme(location))
                }
                redirects += 1
                if redirects > configuration.maxRedirects { return .failure(.tooManyRedirects(configuration.maxRedirects)) }
                current = next
                continue
            }
            switch status {
            case 304:
                await discard(response)
                return .success(.notModified)
            case 200..<300:
                return await body(of: response, from: current, deadline: deadline)
            default:
                await discard(response)
                return .failure(.httpStatus(status))
            }
        }
    }

    private func body(of response: HTTPClientResponse, from url: URL, deadline: NIODeadline) async -> Result<FeedResponse, FetchError> {
        let headers = response.headers
        if let type = headers.first(name: "content-type")?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased(), Self.isNeverAFeed(type) {
            return .failure(.notAFeedContentType(type))
        }
        if let length = headers.first(name: "content-length").flatMap(Int.init), length > configuration.maxBodyBytes {
            return .failure(.tooLarge(limit: configuration.maxBodyBytes))
        }
        // Decompressed bodies may be larger than raw ones, up to their own cap.
        let encoding = headers.first(name: "content-encoding")?.lowercased() ?? "identity"
        let limit = encoding == "identity" ? configuration.maxBodyBytes : configuration.maxDecompressedBytes
        let inflater: BoundedInflater?
        switch encoding {
        case "identity": inflater = nil
        case "gzip", "x-gzip", "deflate":
            guard let made = BoundedInflater(limit: limit) else { return .failure(.transport("zlib unavailable")) }
            inflater = made
        default: return .failure(.transport("unsupported Content-Encoding \(encoding)"))
        }
        // Identity chunks kept as they came and joined once: a growing Data would double its capacity.
        var chunks: [ByteBuffer] = []
        var count = 0
        do {
            // Leaving the loop early cancels the transfer.
            for try await chunk in response.body {
                if let inflater {
                    let failed = chunk.withUnsafeReadableBytes { bytes -> BoundedInflater.Failure? in
                        do throws(BoundedInflater.Failure) { try inflater.append(bytes); return nil } catch { return error }
                    }
                    switch failed {
                    case .tooLarge?: return .failure(.tooLarge(limit: limit))
                    case .damaged?: return .failure(.transport("damaged \(encoding) body"))
                    case nil: break
                    }
                } else {
                    count += chunk.readableBytes
                    if count > limit { return .failure(.tooLarge(limit: limit)) }
                    chunks.append(chunk)
                }
                // The deadline above covers the response head only; a slow drip is stopped here.
                if NIODeadline.now() > deadline { return .failure(.timedOut(seconds: configuration.totalTimeout)) }
            }
        } catch {
            return .failure(failure(error))
        }
        var data: Data
        if let inflater {
            data = Data(inflater.output)
        } else {
            data = Data(capacity: count)
            for chunk in chunks { data.append(contentsOf: chunk.readableBytesView) }
        }
        return .success(.fetched(FetchedFeed(
            data: data, contentType: headers.first(name: "content-type"), etag: headers.first(name: "etag"),
            lastModified: headers.first(name: "last-modified"), finalURL: url)))
    }

    /// Reads and drops at most a little of a body nobody needs (a redirect's, an error page).
    private func discard(_ response: HTTPClientResponse) async {
        var seen = 0
        do {
            for try await chunk in response.body {
                seen += chunk.readableBytes
                if seen > 65_536 { break }
            }
        } catch {}
    }

    private func failure(_ error: Error) -> FetchError {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded: return .timedOut(seconds: configuration.totalTimeout)
            case .readTimeout, .connectTimeout, .writeTimeout: return .timedOut(seconds: configuration.connectTimeout)
            default: break
            }
        }
        return .transport(String(describing: error))
    }

    /// Images, audio, video and fonts are never feeds; anything else may be a mislabelled one.
    static func isNeverAFeed(_ mimeType: String) -> Bool {
        ["image/", "audio/", "video/", "font/"].contains { mimeType.hasPrefix($0) }
    }

    /// The scheme of a raw Location value ("file:///x" → "file"), nil when relative.
    static func scheme(of location: String) -> String? {
        guard let colon = location.firstIndex(of: ":") else { return nil }
        let name = location[..<colon]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return name.lowercased()
    }
}
