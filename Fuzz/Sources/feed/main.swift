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
        guard let document = try? FeedParser.parse(data: bytes, url: feedURL) else { return 0 }
        // What a parsed feed may never hold, whatever the input: a link a browser would run.
        var links = [document.feed?.link].compactMap { $0 }
        for article in document.articles {
            links += [article.link].compactMap { $0 } + article.enclosures.map(\.url)
            links += article.body.flatMap(\.runs).compactMap(\.link)
        }
        for link in links where runsScript(link) { fatalError("feed produced an unsafe link: \(link.debugDescription)") }
        return 0
    }

    /// As a browser reads the scheme (WHATWG URL: leading C0 controls and spaces dropped, tabs
    /// and newlines removed anywhere).
    static func runsScript(_ link: String) -> Bool {
        let scalars = link.unicodeScalars.drop { $0.value <= 0x20 }.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let lower = String(String.UnicodeScalarView(scalars)).lowercased()
        return ["javascript:", "vbscript:", "data:"].contains { lower.hasPrefix($0) }
    }
}

exit(fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { Target.testOneInput($0, $1) })
