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
        let document = HTMLConverter.document(fromHTML: html, baseURL: size % 2 == 0 ? baseURL : nil)
        // No link in the blocks may run script when opened (as a browser reads the scheme).
        for link in document.blocks.flatMap(\.runs).compactMap(\.link) + [document.canonicalLink].compactMap({ $0 }) {
            let scalars = link.unicodeScalars.drop { $0.value <= 0x20 }.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
            let lower = String(String.UnicodeScalarView(scalars)).lowercased()
            if ["javascript:", "vbscript:", "data:"].contains(where: { lower.hasPrefix($0) }) {
                fatalError("HTML produced an unsafe link: \(link.debugDescription)")
            }
        }
        return 0
    }
}

exit(fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { Target.testOneInput($0, $1) })
