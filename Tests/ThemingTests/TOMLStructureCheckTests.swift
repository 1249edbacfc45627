import Foundation
@testable import Settings
import Testing
@testable import Theming

/// toml++ aborts the process (an assertion) on some malformed documents; the structure check
/// in front of it refuses them with a line. Found by fuzzing (Fuzz/, targets theme and config).
@Suite struct TOMLStructureCheckTests {
    @Test(arguments: [
        ("[=\n", 1),
        ("[theme]\nmodifiers = [}\n", 2),
        ("a = 1\n[[=]]\n", 2),
        ("list = { fg = \"red\", }\n", 1),
        ("list = {=}\n", 1),
        ("a = [1, ,]\n", 1),
        ("a = ,\n", 1),
        ("a = \u{A0}1\n", 1),
        ("a = \u{2028}\n", 1),
        ("a =\r1\n", 1),
        ("a = [1,\n2}\n", 2),
        ("a = \"open\n", 1),
        ("a = '''never closed\n\n", 1),
        ("a = [1, 2\n\n", 1),
        ("[table\n", 1),
        ("= 1\n", 1),
    ])
    func malformedDocumentsAreRefusedWithALine(text: String, line: Int) throws {
        guard case .failure(let error) = TOMLNode.parse(text) else {
            Issue.record("accepted: \(text.debugDescription)")
            return
        }
        #expect(error.line == line, "\(text.debugDescription): \(error.message)")
        #expect(!error.message.isEmpty)
    }

    @Test func aThemeThatWouldAbortFallsBackWithADiagnostic() {
        let source = ThemeRegistry.Source(name: "bad", file: "/u/themes/bad.toml", text: "[list]\nmodifiers = [}\n", isUser: true)
        let registry = ThemeRegistry(builtIn: ThemeRegistry.embeddedSources, user: [source])
        let loaded = registry.load("bad")
        #expect(loaded.fellBack)
        #expect(loaded.diagnostics.contains { $0.file == "/u/themes/bad.toml" && $0.line == 2 }, "\(loaded.diagnostics)")
    }

    @Test func aConfigThatWouldAbortGivesTheDefaults() {
        let file = ConfigFile.parse("theme = \"dark\"\n[=\n", file: "c.toml")
        #expect(file.config == Config())
        #expect(file.diagnostics.first?.line == 2)
    }

    /// Valid TOML with everything the scanner must step over still reaches toml++.
    @Test func validDocumentsStillParse() throws {
        let text = """
            \u{FEFF}# comment with [ { " '
            title = "a [b] {c} \\" # not a comment"
            literal = 'C:\\path [x'
            multi = \"\"\"
            lines with ] and } and "quotes" \\
              continued\"\"\"\"\"
            multiLiteral = '''
            ['''''
            dates = [1979-05-27 07:32:00, 1979-05-27T07:32:00Z]
            nums = [+1, -2, 3.5e2, inf, -nan, 0x1F, 1_000]
            empty = [ ]
            emptyTable = {}
            nested = [ [1, 2], [ "a", ], # comment
              { x = 1, "y.z" = { w = true } },
            ]
            "quoted key" . bare-key . 'lit' = false
            [ table . "sub" ]
            k = 1
            [[ items ]]
            v = 'x'\r
            [[items]]\r
            v = "y"\r

            """
        guard case .success(let root) = TOMLNode.parse(text) else {
            Issue.record("\(TOMLStructureCheck.firstProblem(in: text).map { "line \($0.line ?? 0): \($0.message)" } ?? "toml++ refused it")")
            return
        }
        #expect(root.map(\.key).contains("nested"))
        #expect(root.map(\.key).contains("items"))
        #expect(TOMLStructureCheck.firstProblem(in: "") == nil)
        #expect(TOMLStructureCheck.firstProblem(in: "a = 1") == nil)
    }

    @Test func everyShippedThemePassesTheCheck() {
        for source in ThemeRegistry.embeddedSources {
            let problem = TOMLStructureCheck.firstProblem(in: source.text)
            #expect(problem == nil, "\(source.file): line \(problem?.line ?? 0): \(problem?.message ?? "")")
        }
    }

    /// Found by fuzzing (target config): a `[keys]` entry with an escape in its key had no
    /// line, so it moved to the front and came back from `config --check` in another order.
    @Test func escapedKeysKeepTheirOrderThroughConfigCheck() {
        let text = "[keys]\n\"g\" = \"none\"\n\"x\\ty\" = \"quit\"\n\"A\" = \"first\"\n"
        let file = ConfigFile.parse(text, file: "c.toml")
        #expect(file.config.keyOverrides.map(\.keys) == ["g", "x\ty", "A"])
        #expect(file.config.keyOverrides.map(\.line) == [2, 3, 4])
        let again = ConfigFile.parse(file.config.tomlText, file: "again.toml")
        #expect(again.config.keyOverrides.map(\.keys) == ["g", "x\ty", "A"])
    }

    /// Found by fuzzing (target config): with CRLF line ends every `[keys]` entry had line 0,
    /// so the overrides kept TOML's alphabetical order and `config --check` wrote them back
    /// in another order than the file's.
    @Test func crlfConfigKeepsLinesAndRoundTrips() {
        let text = "[keys]\r\n\"x\" = \"quit\"\r\n\r\n[keys.list]\r\n\"a\" = \"first\"\r\n"
        let file = ConfigFile.parse(text, file: "c.toml")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.config.keyOverrides == [
            KeyOverride(keys: "x", action: "quit", line: 2),
            KeyOverride(keys: "a", action: "first", line: 5, context: "list"),
        ])
        let again = ConfigFile.parse(file.config.tomlText, file: "again.toml")
        #expect(again.config.keyOverrides.map { [$0.keys, $0.action, $0.context ?? "-"] }
                == file.config.keyOverrides.map { [$0.keys, $0.action, $0.context ?? "-"] })
    }
}
