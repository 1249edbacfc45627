import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Drives the real `newsreader` binary inside a private tmux server (its own socket, so it
/// never touches the user's tmux), reading the screen with capture-pane.
final class TmuxSession {
    let socket: String
    let directory: URL
    let name = "nr"

    /// The built binary: next to the test bundle in .build/<config>/.
    static var binary: URL? { BuiltBinary.newsreader }

    static var tmuxPath: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// For `.enabled(if:)`: the suites are skipped (and reported as skipped) without tmux or
    /// the built binary.
    static var isAvailable: Bool { tmuxPath != nil && binary != nil }
    static let skipReason: Comment = "needs tmux (CI installs it) and the newsreader binary next to the test bundle (swift build)"

    init() {
        socket = "nr-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for sub in ["home", "config", "data", "cache"] {
            try? FileManager.default.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
    }

    deinit {
        let socketPath = (try? tmux(["display-message", "-p", "#{socket_path}"]))?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try? tmux(["kill-server"])
        // A killed server can leave its socket file behind.
        if let socketPath, socketPath.hasSuffix(socket) { unlink(socketPath) }
        try? FileManager.default.removeItem(at: directory)
    }

    var library: String { directory.appendingPathComponent("library.sqlite").path }

    var environment: [String: String] {
        [
            "HOME": directory.appendingPathComponent("home").path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
            "XDG_CACHE_HOME": directory.appendingPathComponent("cache").path,
            "TERM": "tmux-256color",
            "LANG": "C.UTF-8",
            "BROWSER": "true",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try TmuxSession.run(TmuxSession.tmuxPath ?? "tmux", ["-L", socket] + arguments, environment: environment)
    }

    /// Runs the binary once outside tmux (import, bookmarks --json…).
    func cli(_ arguments: [String]) throws -> String {
        try TmuxSession.run(TmuxSession.binary!.path, arguments + ["--library", library], environment: environment)
    }

    /// Starts the reader in a new window of `width`x`height`. When it exits, the shell prints
    /// `EXIT=<status>` and stays, so the test can see how it ended.
    func startReader(width: Int = 120, height: Int = 40, extraEnvironment: [String: String] = [:]) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", readerCommand(extraEnvironment)])
    }

    /// An interactive bash (job control on) in the pane, which then runs the reader, so Ctrl-Z
    /// and `fg` behave as for a user.
    func startShellRunningReader(width: Int = 120, height: Int = 40, extraEnvironment: [String: String] = [:]) throws {
        let env = environment.merging(extraEnvironment) { $1 }.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                  "env \(env) PS1='$ ' bash --norc --noprofile -i"])
        try type("'\(TmuxSession.binary!.path)' --library '\(library)'; echo EXIT=$?")
        try send("Enter")
    }

    /// Runs the reader again in the same pane (after it quit), as a user restarting it.
    func restartReader(extraEnvironment: [String: String] = [:]) throws {
        try tmux(["respawn-pane", "-k", "-t", name, readerCommand(extraEnvironment)])
    }

    private func readerCommand(_ extraEnvironment: [String: String]) -> String {
        let env = environment.merging(extraEnvironment) { $1 }.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        return "env \(env) '\(TmuxSession.binary!.path)' --library '\(library)'; echo EXIT=$?; sleep 600"
    }

    /// The reader's process id: the child of the pane's shell.
    func readerPID() throws -> String {
        let shell = try tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try TmuxSession.run("/usr/bin/pgrep", ["-f", "-P", shell, "newsreader"], environment: [:])
        return children.split(separator: "\n").first.map(String.init) ?? ""
    }

    func screen() -> [String] {
        ((try? tmux(["capture-pane", "-p", "-t", name])) ?? "").components(separatedBy: "\n")
    }

    func text() -> String { screen().joined(separator: "\n") }

    /// Polls the screen until `condition` holds or the timeout passes.
    @discardableResult
    func wait(timeout: Double = 10, _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(screen()) { return true }
            usleep(30_000)
        }
        return condition(screen())
    }

    func waitFor(_ text: String, timeout: Double = 10) -> Bool {
        wait(timeout: timeout) { $0.joined(separator: "\n").contains(text) }
    }

    /// Keys in tmux send-keys notation ("j", "Enter", "C-d", "F1"); `literal` text goes as typed.
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    func type(_ literal: String) throws { try tmux(["send-keys", "-t", name, "-l", literal]) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Runs a program and returns its output. posix_spawn rather than Foundation's Process:
    /// the test runner blocks most signals in its threads, and a child (the tmux server, the
    /// reader) must start with an empty signal mask and default handlers or it cannot be
    /// stopped; output goes to a file because the tmux server keeps inherited descriptors.
    static func run(_ path: String, _ arguments: [String], environment: [String: String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("nr-e2e-out-\(UUID().uuidString)").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw SpawnError(message: "cannot run \(path): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    struct SpawnError: Error { var message: String }
}
