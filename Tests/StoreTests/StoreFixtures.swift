import Foundation
import NewsModel
@testable import Store

/// Temporary library files and article values for store tests.
enum StoreFixtures {
    /// A fresh folder under the system temp dir; the library path inside it does not exist yet.
    static func temporaryLibraryPath(_ name: String = "library.sqlite") -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsreader-store-tests-\(UUID().uuidString)")
        return dir.appendingPathComponent(name).path
    }

    static func removeLibrary(at path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    static func article(
        _ name: String, title: String? = nil, section: [String] = [], tags: [String] = [],
        published: Date? = Date(timeIntervalSince1970: 1_700_000_000), text: String = "Some body text.",
        read: Bool = false, bookmarkedAt: Date? = nil
    ) -> Article {
        let location = "/articles/\(name).txt"
        return Article(
            title: title ?? "Title of \(name)", section: section, tags: tags, published: published,
            source: ArticleSource(kind: .file, location: location, name: "\(name).txt"), guid: location,
            body: text.components(separatedBy: "\n\n").map { Block(.paragraph, text: $0) },
            read: read, bookmarkedAt: bookmarkedAt)
    }
}

/// A small deterministic generator (tests must be repeatable).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
