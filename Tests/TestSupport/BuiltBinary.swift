import Foundation

/// The built `newsreader` executable for tests that run it as a process: `swift build` and
/// `swift test` put it next to the test bundle in `.build/<config>/`.
public enum BuiltBinary {
    public static let newsreader: URL? = {
        var directories: [URL] = []
        if let exe = Bundle.main.executableURL { directories.append(exe.deletingLastPathComponent()) }
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        directories.append(Bundle.main.bundleURL)
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        var candidates: [URL] = []
        for directory in directories {
            // Inside an .xctest bundle directory on some layouts: walk up to the build dir.
            var d = directory
            for _ in 0..<4 {
                candidates.append(d.appendingPathComponent("newsreader"))
                d = d.deletingLastPathComponent()
            }
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/newsreader"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
