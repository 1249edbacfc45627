import Foundation

/// `Tests/FeedsTests/feed_test_server.py` (feeds, redirects, statuses, validators) on
/// 127.0.0.1 with a free port, for every test target that needs a real feed server.
public final class LocalFeedServer {
    private let server: PythonServer
    public var port: Int { server.port }

    /// `arguments`: `["--bare"]` serves no feed at the well-known paths (see the script).
    public init(arguments: [String] = []) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FeedsTests/feed_test_server.py")
        server = try PythonServer(arguments: [script.path] + arguments)
    }

    public func url(_ path: String) -> String { server.url(path) }
}
