import Foundation
import Glibc
import Testing
@testable import Curses
import Screen

/// OSC 8 in the bytes curses actually writes: a linked run is wrapped in open/close, only that
/// run, with the text inside; unsafe targets and hyperlinks = false send none. In the curses
/// suite: ncurses is one global state, so these never run alongside its other tests.
extension CursesBackendTests {
    func hyperlinkOutput(hyperlinks: Bool, link: String, frames: Int = 1) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nr-osc8-\(UUID().uuidString)").path
        defer { unlink(path) }
        let out = try #require(fopen(path, "w"))
        let inp = try #require(fopen("/dev/null", "r"))
        defer { fclose(inp) }
        var backend = try CursesBackend(terminalType: "xterm-256color", input: inp, output: out, environment: ["TERM": "xterm-256color"])
        backend.hyperlinks = hyperlinks
        var terminal = Terminal(backend: backend)
        var frame = Buffer(width: 40, height: 4)
        frame.put("See the report[1] now", x: 0, y: 1, style: .plain)
        frame.setLink(link, x: 4, y: 1, width: 10)
        frame.put("日本語", x: 0, y: 2, style: .plain)
        frame.setLink(link, x: 0, y: 2, width: 6)
        for _ in 0..<frames { terminal.draw(frame) }
        terminal.backend.end()
        fclose(out)
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    @Test func aLinkedRunIsWrappedInOSC8() throws {
        let bytes = try hyperlinkOutput(hyperlinks: true, link: "https://example.com/report")
        let open = "\u{1b}]8;;https://example.com/report\u{1b}\\"
        let close = "\u{1b}]8;;\u{1b}\\"
        #expect(bytes.components(separatedBy: open).count == 3, "one open per run: \(bytes.debugDescription)")
        // Between open and close: the run's text (with cursor moves and attributes around it).
        let first = try #require(bytes.range(of: open))
        let end = try #require(bytes.range(of: close, range: first.upperBound..<bytes.endIndex))
        let inside = String(bytes[first.upperBound..<end.lowerBound])
        #expect(inside.contains("the report"), "\(bytes.debugDescription)")
        #expect(!inside.contains("See") && !inside.contains("now"), "only the run")
        #expect(bytes.contains("日本語"))
        // The next identical frame sends nothing again.
        let twice = try hyperlinkOutput(hyperlinks: true, link: "https://example.com/report", frames: 2)
        #expect(twice.components(separatedBy: open).count == 3)
    }

    @Test func offOrUnsafeTargetsSendNoOSC8() throws {
        #expect(!(try hyperlinkOutput(hyperlinks: false, link: "https://example.com/report")).contains("\u{1b}]8;"))
        let evil = try hyperlinkOutput(hyperlinks: true, link: "https://example.com/\u{1b}]0;pwned\u{07}")
        #expect(!evil.contains("\u{1b}]8;"))
        #expect(!evil.contains("pwned"))
        #expect(CursesBackend.hyperlinkTarget("https://a.example/x y") == nil)
        #expect(CursesBackend.hyperlinkTarget("https://a.example/ü") == nil)
        #expect(CursesBackend.hyperlinkTarget("https://a.example/%C3%BC") == "https://a.example/%C3%BC")
    }
}
