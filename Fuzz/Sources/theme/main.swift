import CLibFuzzer
import Foundation
import Theming

// A user theme file (TOML) loaded over the built-in themes, which it may inherit from.
// (A type, not top-level code: main.swift globals would be main-actor isolated.)
enum Target {
    static let builtIn = ThemeRegistry.embeddedSources

    static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data else { return 0 }
        let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        let source = ThemeRegistry.Source(name: "fuzz", file: "fuzz.toml", text: text, isUser: true)
        let registry = ThemeRegistry(builtIn: builtIn, user: [source])
        let loaded = registry.load("fuzz")
        for depth in 1...4 { _ = loaded.theme.mapped(to: .init(rawValue: depth)!) }  // 8 colours … truecolor
        return 0
    }
}

exit(fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { Target.testOneInput($0, $1) })
