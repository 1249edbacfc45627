import CLibFuzzer
import Foundation
import Feeds

// JSON Feeds, most of them broken: what JSONSerialization rejects goes through
// JSONFeedSalvage (internal to Feeds, reached the way a refresh reaches it).
// (A type, not top-level code: main.swift globals would be main-actor isolated.)
enum Target {
    static let feedURL = URL(string: "https://example.org/feed.json")

    static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data else { return 0 }
        _ = try? FeedParser.parse(data: Data(bytes: data, count: size), url: feedURL,
                                  httpContentType: "application/feed+json")
        return 0
    }
}

exit(fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { Target.testOneInput($0, $1) })
