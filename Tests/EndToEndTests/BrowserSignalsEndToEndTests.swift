import Foundation
import Testing

/// The reader ignores SIGINT/SIGTERM/SIGHUP for its own loop; the `$BROWSER` it starts must not
/// inherit that (nor a blocked mask), or Ctrl-C and a closing terminal could never stop it.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, TmuxSession.skipReason)) struct BrowserSignalsEndToEndTests {
    @Test
    func browserStartsWithDefaultSignals() throws {
        let session = TmuxSession()
        let article = session.directory.appendingPathComponent("linked.md")
        try "---\ntitle: Linked article\nlink: https://example.com/linked\n---\n\nBody.\n"
            .write(to: article, atomically: true, encoding: .utf8)
        _ = try session.cli(["import", article.path])
        let report = session.directory.appendingPathComponent("signals.txt")
        let browser = session.directory.appendingPathComponent("browser.sh")
        // exec: the shell itself blocks signals while it waits for a child; grep reads its own status.
        try "#!/bin/sh\nexec grep -E '^Sig(Ign|Blk):' /proc/self/status > '\(report.path)'\n"
            .write(to: browser, atomically: true, encoding: .utf8)
        chmod(browser.path, 0o755)
        try session.startReader(extraEnvironment: ["BROWSER": browser.path])
        #expect(session.waitFor("Linked article"), "\(session.text())")
        try session.send("Enter")
        #expect(session.waitFor("Body."), "\(session.text())")
        try session.send("o")
        #expect(session.waitFor("Opened https://example.com/linked"), "\(session.text())")
        var text = ""
        for _ in 0..<100 where text.isEmpty {
            text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
            if text.isEmpty { usleep(50_000) }
        }
        // Bit n-1 of each mask is signal n: SIGHUP 1, SIGINT 2, SIGTERM 15.
        func mask(_ name: String) -> UInt64 {
            let line = text.split(separator: "\n").first { $0.hasPrefix(name) } ?? ""
            return UInt64(line.split(separator: "\t").last.map(String.init) ?? "", radix: 16) ?? .max
        }
        let watched: UInt64 = 1 << 0 | 1 << 1 | 1 << 14
        #expect(mask("SigIgn:") & watched == 0, "\(text)")
        #expect(mask("SigBlk:") == 0, "\(text)")
        try session.send("q")
    }
}
