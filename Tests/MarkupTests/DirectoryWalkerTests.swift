import Foundation
import Glibc
import Testing
@testable import Markup

/// `import FOLDER` finds its files with `DirectoryWalker`: what `find FOLDER -type f` lists,
/// less hidden entries, never through a symbolic link.
@Suite struct DirectoryWalkerTests {
    static func tree() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walker-\(UUID().uuidString)").path
        let fm = FileManager.default
        for folder in ["a/b/c", ".hidden", "a/.git", "outside"] {
            try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["top.txt", "a/one.md", "a/b/two.html", "a/b/c/three", "a/skip.png", ".dot.txt",
                     ".hidden/in-hidden.txt", "a/.git/config.txt", "outside/linked.txt"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        try fm.createSymbolicLink(atPath: root + "/a/link.txt", withDestinationPath: root + "/top.txt")
        try fm.createSymbolicLink(atPath: root + "/a/linked-folder", withDestinationPath: root + "/outside")
        #expect(mkfifo(root + "/a/pipe.txt", 0o600) == 0)
        return root
    }

    @Test func listsRegularFilesOnlyAndSkipsHiddenAndLinks() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for given in [root, root + "/"] {
            let found = try #require(DirectoryWalker.regularFiles(under: given, accept: { !$0.hasSuffix(".png") }))
            #expect(found.sorted() == ["a/b/c/three", "a/b/two.html", "a/one.md", "outside/linked.txt", "top.txt"]
                .map { root + "/" + $0 })
        }
    }

    @Test func anUnreadableFolderIsNil() {
        #expect(DirectoryWalker.regularFiles(under: "/nonexistent-\(UUID().uuidString)", accept: { _ in true }) == nil)
    }
}
