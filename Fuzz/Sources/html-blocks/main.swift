import CLibFuzzer
import Foundation
import Markup

// HTML → blocks: article bodies of feeds and HTML files, with relative links resolved.
// (A type, not top-level code: main.swift globals would be main-actor isolated.)
enum Target {
    static let baseURL = URL(string: "https://example.org/posts/1")

    static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data else { return 0 }
        let html = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        _ = HTMLConverter.document(fromHTML: html, baseURL: baseURL)
        return 0
    }
}

exit(fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { Target.testOneInput($0, $1) })
