import Foundation

/// Why an article file could not be parsed. The description always names the file, so the CLI
/// can print it as is: `notes/a.txt: empty file`.
public struct ArticleFileError: Error, CustomStringConvertible, LocalizedError, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        case empty
        /// NUL bytes or mostly control / undecodable bytes.
        case binary
        case unreadable(String)
        case tooLarge(bytes: Int)
    }

    /// The path (or file name for in-memory data) the error is about.
    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .empty: return "\(file): empty file"
        case .binary: return "\(file): binary file, not text"
        case .unreadable(let why): return "\(file): unreadable (\(why))"
        case .tooLarge(let bytes): return "\(file): too large (\(bytes) bytes)"
        }
    }

    public var errorDescription: String? { description }
}
