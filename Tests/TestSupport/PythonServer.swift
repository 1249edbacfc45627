import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A python3 HTTP server on 127.0.0.1 started by a test: the script prints its (free) port on
/// the first line and exits when its stdin closes. Killed on deinit in any case.
public final class PythonServer {
    public let port: Int
    private let process = Process()
    private let input = Pipe()

    /// `arguments` follow `python3`: a script path and its arguments, or `-c`, source, arguments.
    public init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "test server did not start"])
        }
        self.port = port
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    deinit {
        try? input.fileHandleForWriting.close()
        // SIGKILL: the test runner's blocked signals are inherited, so SIGTERM may never
        // arrive, and a child (a tmux server) can hold the stdin pipe open.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
