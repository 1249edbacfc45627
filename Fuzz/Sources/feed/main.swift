import CLibFuzzer
import Foundation
import Feeds

// RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed documents as a refresh receives them.
// (A type, not top-level code: main.swift globals would be main-actor isolated.)
enum Target {
    static let feedURL = URL(string: "https://example.org/feed.xml")

    static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data else { return 0 }
        let bytes = Data(bytes: data, count: size)
        _ = FeedParser.sniff(data: bytes)
        if let document = try? FeedParser.parse(data: bytes, url: feedURL) {
            // What a parsed feed may never produce, whatever the input: a link a browser would run.
            for article in document.articles {
                if let link = article.link?.lowercased(), link.hasPrefix("javascript:") || link.hasPrefix("data:") {
                    fatalError("feed produced an unsafe article link: \(link)")
                }
            }
        }
        return 0
    }
}

exit(fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { Target.testOneInput($0, $1) })
