import Foundation
import Testing

/// `scripts/install` and `make install`/`uninstall` into temporary prefixes, with the debug
/// binary passed in (no release build inside `swift test`).
@Suite struct InstallTests {
    static let repository = ManPageTests.repository
    static let script = repository.appendingPathComponent("scripts/install").path
    static let hasMake = FileManager.default.isExecutableFile(atPath: "/usr/bin/make")

    static let installed = [
        "bin/newsreader",
        "share/man/man1/newsreader.1",
        "share/bash-completion/completions/newsreader",
        "share/zsh/site-functions/_newsreader",
        "share/fish/vendor_completions.d/newsreader.fish",
        "share/newsreader/install-manifest",
    ]

    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    struct Run { var status: Int32; var output: String }

    func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = Self.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: text)
    }

    /// Every file and directory below `root`, relative, directories with a trailing `/`.
    func tree(_ root: URL) -> Set<String> {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths = Set<String>()
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            paths.insert(isDirectory.boolValue ? path + "/" : path)
        }
        return paths
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func installsEverythingAndUninstallRemovesExactlyThat() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = try #require(CLIProcessTests.binary).path
        let prefix = dir.appendingPathComponent("prefix")
        // Things that were there before the install must survive the uninstall.
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/man"), withIntermediateDirectories: true)
        try "#!/bin/sh\n".write(to: prefix.appendingPathComponent("bin/other-tool"), atomically: true, encoding: .utf8)
        let before = tree(prefix)

        let install = try run(Self.script, ["--prefix", prefix.path, "--binary", binary])
        #expect(install.status == 0, "\(install.output)")
        let after = tree(prefix)
        let added = after.subtracting(before)
        #expect(added.filter { !$0.hasSuffix("/") } == Set(Self.installed), "\(added.sorted())")

        // What was put there works and is what it should be.
        let version = try run(prefix.appendingPathComponent("bin/newsreader").path, ["--version"])
        #expect(version.output.hasPrefix("0."), "\(version.output)")
        let manPage = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/newsreader.1"), encoding: .utf8)
        #expect(manPage == (try String(contentsOf: ManPageTests.committed, encoding: .utf8)))
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/newsreader"), encoding: .utf8)
        #expect(bash.contains("complete") && bash.contains("newsreader"))
        let zsh = try String(contentsOf: prefix.appendingPathComponent("share/zsh/site-functions/_newsreader"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef newsreader"))
        let fish = try String(contentsOf: prefix.appendingPathComponent("share/fish/vendor_completions.d/newsreader.fish"), encoding: .utf8)
        #expect(fish.contains("complete -c 'newsreader'"))
        let attributes = try FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent("bin/newsreader").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o755)

        // Installing again (an upgrade) is fine and still uninstalls cleanly.
        #expect(try run(Self.script, ["--prefix", prefix.path, "--binary", binary]).status == 0)
        #expect(tree(prefix) == after)

        let uninstall = try run(Self.script, ["--uninstall", "--prefix", prefix.path])
        #expect(uninstall.status == 0, "\(uninstall.output)")
        #expect(tree(prefix) == before)

        let again = try run(Self.script, ["--uninstall", "--prefix", prefix.path])
        #expect(again.status == 1)
        #expect(again.output.contains("nothing to uninstall"))
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil && hasMake, "needs the newsreader binary and make"))
    func makeInstallHonoursDestdir() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = try #require(CLIProcessTests.binary).path
        let stage = dir.appendingPathComponent("stage")
        let install = try run("/usr/bin/make", ["-s", "install", "DESTDIR=\(stage.path)", "PREFIX=/usr", "BIN=\(binary)"])
        #expect(install.status == 0, "\(install.output)")
        let files = tree(stage).filter { !$0.hasSuffix("/") }
        #expect(files == Set(Self.installed.map { "usr/" + $0 }), "\(files.sorted())")
        // The manifest names paths under the prefix, never the staging directory.
        let manifest = try String(contentsOf: stage.appendingPathComponent("usr/share/newsreader/install-manifest"), encoding: .utf8)
        #expect(!manifest.contains(stage.path))

        let uninstall = try run("/usr/bin/make", ["-s", "uninstall", "DESTDIR=\(stage.path)", "PREFIX=/usr"])
        #expect(uninstall.status == 0, "\(uninstall.output)")
        #expect(tree(stage) == ["usr/"])  // the prefix itself is the user's: only what was created below it goes
    }

    @Test func badArgumentsAreRefusedBeforeAnythingIsWritten() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let relative = try run(Self.script, ["--prefix", "relative/path", "--binary", "/bin/true"])
        #expect(relative.status == 64)
        #expect(relative.output.contains("absolute"))
        let prefix = dir.appendingPathComponent("p")
        let missing = try run(Self.script, ["--prefix", prefix.path, "--binary", dir.appendingPathComponent("nope").path])
        #expect(missing.status == 1)
        #expect(!FileManager.default.fileExists(atPath: prefix.path))
    }
}
