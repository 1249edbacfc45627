import CLibFuzzer
import Foundation
import Markup

// Article files as `newsreader import` reads them. The first byte picks the file name (and so
// the format the parser is asked for, including the sniffing path); the rest is the file.
// (A type, not top-level code: main.swift globals would be main-actor isolated.)
enum Target {
    static let fileNames = ["article.txt", "article.md", "article.html", "article", "article.markdown", "article.htm"]

    static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data, size > 0 else { return 0 }
        let bytes = UnsafeBufferPointer(start: data, count: size)
        let name = fileNames[Int(bytes[0]) % fileNames.count]
        _ = try? ArticleFileParser.parse(data: Data(bytes.dropFirst()), fileName: name)
        return 0
    }
}

exit(fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { Target.testOneInput($0, $1) })
