import Foundation
import Testing
@testable import Markup

/// Article files from strangers: stray control bytes are text shown visibly, real binaries are
/// refused, and nothing that is not a regular file is read (a symlink to /dev/zero never ends).
@Suite struct HostileFileTests {
    @Test func strayControlBytesAreImportedAndShownVisibly() throws {
        let text = "Title with a NUL\u{0} here\n\nA bell run \u{7}\u{7}\u{7}\u{7}, back\u{8}\u{8}spaces and a DEL\u{7F} in a"
            + " paragraph long enough to be ordinary text, as people paste from terminals and old mail.\n"
        let document = try ArticleFileParser.parse(data: Data(text.utf8), fileName: "stray.txt")
        let article = try #require(document.articles.first)
        #expect(article.title == "Title with a NUL^@ here")
        #expect(article.text.contains("A bell run ^G^G^G^G, back^H^Hspaces and a DEL^? in a"), "\(article.text)")
        #expect(!article.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func realBinariesAreStillRefused() {
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        png.append(Data("IHDR plain enough text after the signature to fool a density test, really.".utf8))
        #expect(throws: ArticleFileError(file: "p.txt", reason: .binary)) { try ArticleFileParser.parse(data: png, fileName: "p.txt") }
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) })
        #expect(throws: ArticleFileError(file: "r.txt", reason: .binary)) { try ArticleFileParser.parse(data: noise, fileName: "r.txt") }
        let utf16WithoutBOM = Data("Hello, this is UTF-16 without a byte order mark".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(throws: ArticleFileError(file: "u.txt", reason: .binary)) {
            try ArticleFileParser.parse(data: utf16WithoutBOM, fileName: "u.txt")
        }
    }

    @Test func symlinkToDevZeroIsNotReadForever() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("zero.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/zero")
        #expect(throws: ArticleFileError(file: link.path, reason: .unreadable("not a regular file"))) {
            try ArticleFileParser.parse(fileAt: link)
        }
        // A symlink to a regular file is fine.
        let real = dir.appendingPathComponent("real.txt")
        try Data("Real title\n\nBody.\n".utf8).write(to: real)
        let alias = dir.appendingPathComponent("alias.txt")
        try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: real.path)
        #expect(try ArticleFileParser.parse(fileAt: alias).articles.first?.title == "Real title")
    }
}
