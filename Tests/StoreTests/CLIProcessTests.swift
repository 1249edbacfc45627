import Foundation
import Testing
import TestSupport

/// Runs the built `newsreader` binary as separate processes: state must survive between them.
@Suite struct CLIProcessTests {
    /// The executable next to the test bundle (`swift build` / `swift test` put both in
    /// `.build/<config>/`).
    static let binary: URL? = BuiltBinary.newsreader

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Collects one pipe's output on its own thread.
    final class Collected: @unchecked Sendable {
        // Written once by the reading thread before `group.wait()` returns; read only after it.
        var data = Data()
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NEWSREADER_LIBRARY"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes at once: reading one to the end first deadlocks once the child fills the
        // other (64 KB on Linux).
        let errors = Collected()
        let errHandle = err.fileHandleForReading
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = errHandle.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errors.data, as: UTF8.self))
    }

    static func jsonArray(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test(.enabled(if: binary != nil, "newsreader binary not found next to the test bundle; run `swift build` first"))
    func bookmarkSurvivesSeparateProcesses() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let library = dir.appendingPathComponent("lib/library.sqlite").path
        let good = dir.appendingPathComponent("good.txt")
        try "SECURITY > Cybersecurity\nLocks and keys for the CLI test\n\nA paragraph about locks.\n\n  • Security\n"
            .write(to: good, atomically: true, encoding: .utf8)
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)

        // One good file and one bad: the good one is imported, the bad one named, exit status 1.
        let first = try Self.run(["import", "--library", library, good.path, empty.path])
        #expect(first.status == 1)
        #expect(first.stdout.contains("imported 1, updated 0, skipped 1"))
        #expect(first.stderr.contains("empty.txt: empty file"))

        // The library also holds the demo articles (seeded on first opening).
        let listed = try Self.jsonArray(try Self.run(["list", "--library", library, "--tag", "security", "--json"]).stdout)
            .filter { $0["title"] as? String == "Locks and keys for the CLI test" }
        #expect(listed.count == 1)
        let id = try #require(listed.first?["id"] as? String)
        #expect(listed.first?["section_path"] as? [String] == ["SECURITY", "Cybersecurity"])
        #expect(listed.first?["bookmarked"] as? Bool == false)

        // Process 2 sets the bookmark (by id prefix), process 3 sees it.
        let add = try Self.run(["bookmark", "add", String(id.prefix(8)), "--library", library])
        #expect(add.status == 0, "\(add.stderr)")
        let bookmarks = try Self.jsonArray(try Self.run(["bookmarks", "--json", "--library", library]).stdout)
        #expect(bookmarks.map { $0["id"] as? String } == [id])
        #expect(bookmarks.first?["bookmarked_at"] is String)

        // Re-import: nothing new, bookmark kept.
        let again = try Self.run(["import", "--library", library, good.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("imported 0, updated 0, skipped 0"))
        let shown = try Self.run(["show", id, "--json", "--library", library])
        let article = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(article["bookmarked"] as? Bool == true)
        #expect(article["section"] as? String == "SECURITY > Cybersecurity")

        let markdown = try Self.run(["export", "bookmarks", "--format", "markdown", "--library", library])
        #expect(markdown.stdout.contains("Locks and keys for the CLI test"))

        let removed = try Self.run(["bookmark", "remove", id, "--library", library])
        #expect(removed.status == 0)
        #expect(try Self.jsonArray(try Self.run(["bookmarks", "--json", "--library", library]).stdout).isEmpty)
    }

    @Test(.enabled(if: binary != nil, "newsreader binary not found next to the test bundle; run `swift build` first"))
    func notADatabaseIsReportedClearly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let notes = dir.appendingPathComponent("notes.txt")
        try String(repeating: "just some notes\n", count: 100).write(to: notes, atomically: true, encoding: .utf8)
        let run = try Self.run(["list", "--library", notes.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("not a newsreader library"))
        #expect(try String(contentsOf: notes, encoding: .utf8).hasPrefix("just some notes"))
    }

    /// Far more than a pipe holds on standard error (a line per bad file) while standard output
    /// stays open: reading stdout to the end first would hang here.
    @Test(.enabled(if: binary != nil, "newsreader binary not found next to the test bundle; run `swift build` first"),
          .timeLimit(.minutes(1)))
    func muchOutputOnStandardErrorDoesNotHang() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = dir.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let name = String(repeating: "an-empty-file-with-a-long-name-", count: 3)
        for i in 0..<1200 { try Data().write(to: files.appendingPathComponent("\(name)\(i).txt")) }
        let result = try Self.run(["import", "--library", dir.appendingPathComponent("library.sqlite").path, files.path])
        #expect(result.status == 1)
        #expect(result.stderr.utf8.count > 128 * 1024, "\(result.stderr.utf8.count) bytes")
        #expect(result.stderr.components(separatedBy: "empty file").count - 1 == 1200)
        #expect(result.stdout.contains("skipped 1200"), "\(result.stdout)")
    }
}
