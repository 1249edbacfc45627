import CLibFuzzer
import Foundation
import Feeds

// OPML subscription lists as `newsreader import --opml` reads them; what parses is exported
// and must parse again.
// (A type, not top-level code: main.swift globals would be main-actor isolated.)
enum Target {
    static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data else { return 0 }
        guard let list = try? OPML.parse(data: Data(bytes: data, count: size)) else { return 0 }
        let exported = OPML.export(list.entries)
        if (try? OPML.parse(data: Data(exported.utf8))) == nil {
            fatalError("exported OPML does not parse again:\n\(exported)")
        }
        return 0
    }
}

exit(fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { Target.testOneInput($0, $1) })
