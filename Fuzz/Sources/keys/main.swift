import CLibFuzzer
import Foundation
import Reader

// Key notation from config.toml and typed key sequences: what parses must format to notation
// that parses back to the same keys.
// (A type, not top-level code: main.swift globals would be main-actor isolated.)
enum Target {
    static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data else { return 0 }
        let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        _ = KeyNotation.namedKeyLookalike(text)
        _ = Keymap.standard.lookup(KeyNotation.keystrokes(text), context: .list)
        if let keys = KeyNotation.parse(text) {
            let notation = KeyNotation.format(keys)
            guard KeyNotation.parse(notation) == keys else {
                fatalError("notation does not round-trip: \(text.debugDescription) → \(notation.debugDescription)")
            }
        }
        return 0
    }
}

exit(fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { Target.testOneInput($0, $1) })
