import Foundation
import Testing

/// `docs/newsreader.1` is generated from the CLI definition (`newsreader generate-manpage`);
/// this keeps the committed copy in step and checks it is a well-formed man page.
@Suite struct ManPageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let committed = repository.appendingPathComponent("docs/newsreader.1")

    static func generated() throws -> String {
        let result = try CLIProcessTests.run(["generate-manpage"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func committedManPageMatchesTheCLI() throws {
        let generated = try Self.generated()
        let committed = try String(contentsOf: Self.committed, encoding: .utf8)
        #expect(generated == committed, "docs/newsreader.1 is out of date: run `make manpage` and commit it")
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func manPageHasEverySectionCommandAndOption() throws {
        let page = try Self.generated()
        // (Not page.contains directly: a failure would print the whole page.)
        func has(_ text: String) -> Bool { page.contains(text) }
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "KEYS", "FILES", "ENVIRONMENT", "EXIT STATUS"] {
            #expect(has("\n.SH \(section)\n"), "missing section \(section)")
        }
        // Every subcommand `--help` lists has a subsection (nested ones under their parent).
        let help = try CLIProcessTests.run(["--help"]).stdout
        // Command rows are indented by exactly two spaces; wrapped help text by more.
        let commands = (help.components(separatedBy: "SUBCOMMANDS:").last ?? "").split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.hasPrefix("  See ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(commands.count >= 16, "\(commands)")
        let sections = page.split(separator: "\n").filter { $0.hasPrefix(".SS ") }
        for command in commands {
            #expect(sections.contains(".SS \"newsreader \(command)\""), "no subsection for \(command)")
        }
        #expect(!has("generate-manpage"))  // hidden
        #expect(has("\\fB\\-\\-all\\fR"))          // add --all, from the CLI definition
        #expect(has("\\fB\\-\\-library\\fR \\fIpath\\fR"))
        for name in ["NEWSREADER_LIBRARY", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "BROWSER", "NO_COLOR", "COLORTERM"] {
            #expect(has(".TP\n\\fB\(name)\\fR\n"), "ENVIRONMENT lacks \(name)")
        }
        #expect(has("library.sqlite") && has("config.toml") && has("themes/NAME.toml"))
        #expect(has("\\fBj, <Down>\\fR"))  // keys from the keymap
        // No line may start a roff request by accident, and no raw backslash escapes slip in.
        for line in page.split(separator: "\n") where line.hasPrefix("'") { Issue.record("line starts with ': \(line)") }
    }

    /// groff's own warnings (-ww) about the committed page: none.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff"), "needs groff"))
    func groffRendersItWithoutWarnings() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
        process.arguments = ["-man", "-Tutf8", "-ww", "-z", Self.committed.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.isEmpty, "\(text)")
    }
}
