import Glibc
import Testing
@testable import Curses
import Screen

/// Starts real ncursesw on /dev/null (no terminal needed) and draws through the backend.
@Suite(.serialized) struct CursesBackendTests {
    @Test func drawsWideTextAndColoursOnDevNull() throws {
        guard let out = fopen("/dev/null", "w"), let inp = fopen("/dev/null", "r") else {
            Issue.record("cannot open /dev/null")
            return
        }
        defer { fclose(out); fclose(inp) }
        var backend = try CursesBackend(terminalType: "xterm-256color", input: inp, output: out,
                                        environment: ["TERM": "xterm-256color"])
        defer { backend.end() }
        let size = backend.size()
        #expect(size.width > 0 && size.height > 0)
        #expect(backend.colorDepth == .colors256)
        var terminal = Terminal(backend: backend)
        var frame = Buffer(width: min(40, size.width), height: min(5, size.height))
        frame.put("日本語 🎉 e\u{301} \u{1b}[2J", x: 0, y: 0, style: Style(fg: .indexed(208), bg: .rgb(10, 20, 30), attributes: [.bold]))
        frame.put("plain", x: 0, y: 1, style: Style(fg: .ansi(3)))
        terminal.draw(frame)
        terminal.draw(frame)
        #expect(terminal.backend.readKey(timeout: 0) == nil)
        terminal.backend.end()
    }

    @Test func coloursMapToWhatTheTerminalHas() {
        let c256 = CursesColors(depth: .colors256, terminalColors: 256, maxPairs: 256)
        #expect(c256.number(.terminalDefault) == -1)
        #expect(c256.number(.ansi(9)) == 9)
        #expect(c256.number(.indexed(208)) == 208)
        // Colours reach `number` mapped to the depth, as `attributesAndPair` does.
        #expect(c256.number(Color.rgb(255, 0, 0).mapped(to: .colors256)) == 196)
        let c8 = CursesColors(depth: .colors8, terminalColors: 8, maxPairs: 64)
        #expect(c8.number(Color.ansi(9).mapped(to: .colors8)) == 1)
        #expect(c8.number(Color.rgb(0, 200, 0).mapped(to: .colors8)) == 2)
        let direct = CursesColors(depth: .truecolor, terminalColors: 1 << 24, maxPairs: 1 << 15)
        #expect(direct.number(.rgb(1, 2, 3)) == 0x010203)
    }

    /// Codes from curses.h: KEY_CODE_YES 0400, KEY_F0 0410, KEY_NPAGE 0522, ERR -1.
    @Test func keysTranslate() {
        #expect(CursesInput.translate(result: 0, code: 0x6a) == .char("j"))
        #expect(CursesInput.translate(result: 0, code: 0x04) == .ctrl("d"))
        #expect(CursesInput.translate(result: 0, code: 0x0d) == .enter)
        #expect(CursesInput.translate(result: 0, code: 0x1b) == .escape)
        #expect(CursesInput.translate(result: 0, code: 0x7f) == .backspace)
        #expect(CursesInput.translate(result: 0, code: 0x65e5) == .char("日"))
        #expect(CursesInput.translate(result: 0, code: 0x9b) == nil)
        #expect(CursesInput.translate(result: 0o400, code: 0o410 + 1) == .function(1))
        #expect(CursesInput.translate(result: 0o400, code: 0o522) == .pageDown)
        #expect(CursesInput.translate(result: -1, code: 0) == nil)
    }
}
