import Foundation
import Testing

/// Text from a feed that would reorder or hide what a terminal shows (bidi controls, C1,
/// U+2028) never leaves the CLI raw: every `--json` escapes it, `export opml` escapes or drops it.
@Suite struct HostileCLITests {
    static let hostile = "Safe\u{202E}txt.exe\u{202C} \u{2066}iso\u{2069} \u{200F}m\u{061C} line\u{2028}sep\u{2029} c1\u{85}\u{9B}"
    static let forbidden: Set<UInt32> = [0x202E, 0x202C, 0x2066, 0x2069, 0x200F, 0x061C, 0x2028, 0x2029, 0x85, 0x9B]

    static func rawScalars(_ text: String) -> [String] {
        text.unicodeScalars.filter { forbidden.contains($0.value) }.map { String($0.value, radix: 16) }
    }

    @Test(.enabled(if: CLIProcessTests.binary != nil, "newsreader binary not built"))
    func jsonAndOPMLNeverCarryBidiOrC1Raw() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-bidi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = dir.appendingPathComponent("library.sqlite").path
        let feed = dir.appendingPathComponent("feed.xml")
        try ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>\(Self.hostile)</title>"
             + "<item><guid>1</guid><title>\(Self.hostile)</title><category>\(Self.hostile)</category>"
             + "<description>x</description></item></channel></rss>").write(to: feed, atomically: true, encoding: .utf8)
        #expect(try CLIProcessTests.run(["add", "--library", library, "--title", Self.hostile, feed.path]).status == 0)
        #expect(try CLIProcessTests.run(["refresh", "--library", library]).status == 0)

        for arguments in [["list", "--json"], ["feeds", "--json"], ["tags", "--json"], ["search", "Safe", "--json"],
                          ["parse", feed.path, "--json"]] {
            let run = try CLIProcessTests.run(arguments.first == "parse" ? arguments : arguments + ["--library", library])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(Self.rawScalars(run.stdout).isEmpty, "\(arguments) printed \(Self.rawScalars(run.stdout))")
            #expect(run.stdout.contains("\\u202e"), "\(arguments): \(run.stdout)")
            // Still valid JSON that decodes back to the same text.
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            #expect("\(object)".unicodeScalars.contains { $0.value == 0x202E }, "\(arguments)")
        }
        let list = try CLIProcessTests.jsonArray(try CLIProcessTests.run(["list", "--json", "--library", library]).stdout)
        #expect((list.first?["title"] as? String)?.hasPrefix("Safe\u{202E}txt.exe\u{202C} \u{2066}iso\u{2069}") == true)

        let opml = try CLIProcessTests.run(["export", "opml", "--library", library])
        #expect(opml.status == 0)
        #expect(Self.rawScalars(opml.stdout).isEmpty, "export opml printed \(Self.rawScalars(opml.stdout))")
        #expect(opml.stdout.contains("&#x202e;") || opml.stdout.contains("&#x202E;"), "\(opml.stdout)")
    }
}
