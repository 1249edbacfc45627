import Foundation
import NewsModel

/// The `:` command-line history file: one line per command, oldest first, next to the library
/// (`$XDG_DATA_HOME/newsreader/history` for the default library). Lines are appended as they
/// are entered and the file is cut back to the newest `limit` lines when it is read.
public struct CommandHistory: Sendable {
    public let path: String
    public let limit: Int

    public init(path: String, limit: Int = 500) {
        self.path = path
        self.limit = limit
    }

    /// The history file for a library at `libraryPath`.
    public init(libraryPath: String, limit: Int = 500) {
        let directory = (libraryPath as NSString).deletingLastPathComponent
        self.init(path: (directory.isEmpty ? "." : directory) + "/history", limit: limit)
    }

    /// The lines, oldest first, duplicates keeping their newest place; a missing or unreadable
    /// file is an empty history. Control characters never come back (the line is drawn).
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        var lines: [String] = []
        var seen = Set<String>()
        for line in text.split(separator: "\n").reversed() {
            let clean = String(line.unicodeScalars.filter { !ControlCharacter.isControl($0) }
                .map(Character.init))
            guard !clean.isEmpty, seen.insert(clean).inserted else { continue }
            lines.append(clean)
            if lines.count == limit { break }
        }
        lines.reverse()
        if lines.count < text.split(separator: "\n").count { rewrite(lines) }
        return lines
    }

    /// Appends one line; failures are ignored (history is a convenience, never an error).
    public func append(_ line: String) {
        let clean = line.replacingOccurrences(of: "\n", with: " ")
        let data = Data((clean + "\n").utf8)
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(data)
            try? handle.close()
        } else {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        }
    }

    private func rewrite(_ lines: [String]) {
        let text = lines.map { $0 + "\n" }.joined()
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
