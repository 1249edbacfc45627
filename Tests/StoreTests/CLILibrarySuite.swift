import Foundation

/// A suite that runs the built binary on a library in a temporary folder of its own (`dir`,
/// made by `makeFolder` in the suite's `init`, removed by each test): `run` adds `--library`.
protocol CLILibrarySuite {
    var dir: URL { get }
}

extension CLILibrarySuite {
    var library: String { dir.appendingPathComponent("library.sqlite").path }

    func run(_ arguments: [String]) throws -> CLIProcessTests.Run {
        try CLIProcessTests.run(arguments + ["--library", library])
    }

    /// A new, empty folder under the system temp dir, named after the suite.
    static func makeFolder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
