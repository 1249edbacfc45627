import Foundation
import NewsModel
import Store
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGKILL at random points of `import`, `refresh` and `bookmark add/remove` (the real binary,
/// one library): the library stays sound and every bookmark change a process acknowledged
/// (exit status 0) is still there. Then two processes at once: bookmark toggles succeed while a
/// refresh writes.
@Suite(.serialized, .enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
struct KillSafetyTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-kill-\(UUID().uuidString)")
    var library: String { dir.appendingPathComponent("library.sqlite").path }

    /// Starts the binary on the library, output discarded.
    func spawn(_ arguments: [String], errors: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLIProcessTests.binary
        process.arguments = arguments + ["--library", library]
        var environment = ProcessInfo.processInfo.environment
        environment["NEWSREADER_LIBRARY"] = nil
        // A child that crashes (rather than being killed) must end, not wait on the backtracer:
        // once, a crashed child's swift-backtrace never finished and waitUntilExit waited forever.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        if let errors {
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs to the end; the exit status.
    func finish(_ arguments: [String]) throws -> Int32 {
        let process = try spawn(arguments)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Writes feed `n` with items that change each round (new guids, edited titles), so every
    /// refresh has rows to insert and update.
    func writeFeed(_ n: Int, round: Int, items count: Int = 25) throws -> URL {
        let items = (0..<count).map { i -> String in
            let guid = (i + round) % (count + 15)
            return "<item><guid>f\(n)-\(guid)</guid><title>Feed \(n) item \(guid) round \(round)</title>"
                + "<description>&lt;p&gt;Body \(guid) of feed \(n), round \(round). \(String(repeating: "words ", count: 40))&lt;/p&gt;</description></item>"
        }.joined()
        let url = dir.appendingPathComponent("feed\(n).xml")
        try "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Kill feed \(n)</title>\(items)</channel></rss>"
            .write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func writeArticles(round: Int) throws -> [String] {
        let folder = dir.appendingPathComponent("articles-\(round % 3)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try (0..<12).map { i in
            let file = folder.appendingPathComponent("a\(i).md")
            try "# Killed import \(i) of \(round % 3)\n\nA paragraph, round \(round).\n\n- one\n- two\n"
                .write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }
    }

    /// Async only to hand its thread back between rounds: a synchronous test of a minute holds
    /// one of the few cooperative threads (two on a 2-core machine) for all of it, and the other
    /// tests' HTTP bodies, streamed through those threads, then time out.
    @Test func randomKillsKeepTheLibrarySoundAndAcknowledgedBookmarks() async throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for n in 0..<4 { #expect(try finish(["add", try writeFeed(n, round: 0).path]) == 0) }
        #expect(try finish(["refresh"]) == 0)
        #expect(try finish(["import"] + writeArticles(round: 0)) == 0)
        let ids = try LibraryStore(path: library).page(.all, after: nil, limit: 30).map(\.id)
        try #require(ids.count >= 20)

        // How long each kind runs when left alone: kill points are drawn from that range.
        let clock = ContinuousClock()
        var full: [String: Duration] = [:]
        for (kind, arguments) in [("import", ["import"] + (try writeArticles(round: 1))), ("refresh", ["refresh"]),
                                  ("bookmark", ["bookmark", "add", ids[0]])] {
            full[kind] = try clock.measure { _ = try finish(arguments) }
        }

        // Per id: the state the last acknowledged command left, unless a later command on that
        // id was killed (then either state is allowed until the next acknowledgement).
        var acknowledged: [String: Bool] = [ids[0]: true]
        var uncertain: Set<String> = []
        var kills = 0, completed = 0, round = 2
        var random = SystemRandomNumberGenerator()
        while kills < 100 && round < 600 {
            defer { round += 1 }
            await Task.yield()
            let kind = ["import", "refresh", "bookmark", "bookmark"][round % 4]
            var arguments: [String]
            var target: (id: String, on: Bool)?
            switch kind {
            case "import": arguments = ["import"] + (try writeArticles(round: round))
            case "refresh":
                for n in 0..<4 { _ = try writeFeed(n, round: round) }
                arguments = ["refresh"]
            default:
                let id = ids[Int.random(in: 0..<ids.count, using: &random)]
                let on = Bool.random(using: &random)
                target = (id, on)
                arguments = ["bookmark", on ? "add" : "remove", id]
            }
            let process = try spawn(arguments)
            // Up to 1.2 times the undisturbed run, so some runs finish and most are cut.
            let limit = max(1, Int(Double(full[kind]!.components.attoseconds / 1_000_000_000_000
                                          + full[kind]!.components.seconds * 1_000_000) * 1.2))
            usleep(useconds_t(Int.random(in: 0..<limit, using: &random)))
            let wasRunning = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal && process.terminationStatus != SIGKILL {
                Issue.record("\(kind) crashed with signal \(process.terminationStatus) (not our SIGKILL)")
            }
            let killed = wasRunning && process.terminationReason == .uncaughtSignal
            if killed { kills += 1 } else { completed += 1 }
            if let target {
                if !killed && process.terminationStatus == 0 {
                    acknowledged[target.id] = target.on
                    uncertain.remove(target.id)
                } else {
                    uncertain.insert(target.id)
                }
            }
        }
        print("kill safety: \(kills) SIGKILLs, \(completed) runs completed, \(round - 2) runs")
        #expect(kills >= 100)

        let store = try LibraryStore(path: library)
        #expect(try store.integrityCheck() == ["ok"])
        for (id, on) in acknowledged where !uncertain.contains(id) {
            #expect(try store.summary(id: id)?.bookmarked == on, "acknowledged bookmark \(on ? "add" : "remove") of \(id) lost")
        }
        // Still usable: a last refresh and import complete.
        #expect(try finish(["refresh"]) == 0)
        #expect(try finish(["import"] + writeArticles(round: round)) == 0)
    }

    /// A refresh holding the library for a while and bookmark toggles from another process at
    /// the same time: every toggle succeeds (WAL lets it read, the busy timeout waits for the
    /// refresh's write transactions).
    @Test func bookmarkTogglesSucceedDuringARefresh() async throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for n in 0..<8 { #expect(try finish(["add", try writeFeed(n, round: 0, items: 300).path]) == 0) }
        #expect(try finish(["refresh"]) == 0)
        let ids = try LibraryStore(path: library).page(.all, after: nil, limit: 10).map(\.id)
        try #require(ids.count == 10)
        var toggles = 0, duringRefresh = 0
        for round in 1...2 {
            for n in 0..<8 { _ = try writeFeed(n, round: round * 7, items: 300) }
            let refreshErrors = dir.appendingPathComponent("refresh-\(round).err")
            let refresh = try spawn(["refresh"], errors: refreshErrors)
            for (i, id) in ids.enumerated() {
                await Task.yield()
                let running = refresh.isRunning
                let on = (i + round) % 2 == 0
                #expect(try finish(["bookmark", on ? "add" : "remove", id]) == 0)
                toggles += 1
                if running { duringRefresh += 1 }
                #expect(try LibraryStore(path: library).summary(id: id)?.bookmarked == on)
            }
            refresh.waitUntilExit()
            #expect(refresh.terminationStatus == 0, "\((try? String(contentsOf: refreshErrors, encoding: .utf8)) ?? "")")
        }
        print("two processes: \(toggles) toggles succeeded, \(duringRefresh) started while a refresh ran")
        #expect(duringRefresh > 0)
        #expect(try LibraryStore(path: library).integrityCheck() == ["ok"])
    }
}
