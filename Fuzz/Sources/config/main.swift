import CLibFuzzer
import Foundation
import Reader
import Settings

// config.toml: parsed, its key overrides applied to the standard keymap, and the effective
// settings `config --check` prints must read back as the same settings.
// (A type, not top-level code: main.swift globals would be main-actor isolated.)
enum Target {
    static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data else { return 0 }
        let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        let file = ConfigFile.parse(text, file: "config.toml")
        for o in file.config.keyOverrides {
            let context = o.context.flatMap(KeyContext.init(rawValue:)) ?? .any
            _ = Keymap.standard.applying(overrides: [(keys: o.keys, action: o.action)], in: context)
        }
        let printed = file.config.tomlText
        let again = ConfigFile.parse(printed, file: "effective.toml")
        func normalised(_ config: Config) -> Config {
            var c = config
            c.theme = c.theme ?? "default"  // the effective theme is written out by name
            // In the order they take effect (and are written back): [keys] first, then each
            // context's table in the order the contexts first appear.
            var contexts: [String?] = [nil]
            for o in c.keyOverrides where !contexts.contains(o.context) { contexts.append(o.context) }
            c.keyOverrides = contexts.flatMap { context in
                c.keyOverrides.filter { $0.context == context }
                    .map { KeyOverride(keys: $0.keys, action: $0.action, line: 0, context: $0.context) }
            }
            return c
        }
        if normalised(again.config) != normalised(file.config) || !again.diagnostics.isEmpty {
            fatalError("effective config does not read back the same:\n\(printed)\n\(again.diagnostics)")
        }
        return 0
    }
}

exit(fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { Target.testOneInput($0, $1) })
