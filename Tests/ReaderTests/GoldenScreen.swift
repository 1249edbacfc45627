import Foundation
import Screen
import Testing

/// Golden screen files: a test drives one `Terminal` over a `TestBackend` through several
/// frames (so only changed cells are sent, as in the app), and each frame is written as text
/// plus a style map and compared with `Golden/NAME.txt`. Set NEWSREADER_RECORD_GOLDEN=1 to
/// write the files instead (then review the diff).
struct GoldenScreen {
    private var terminal: Terminal<TestBackend>
    private var frames: [String] = []
    let name: String

    init(_ name: String, width: Int, height: Int) {
        self.name = name
        terminal = Terminal(backend: TestBackend(width: width, height: height))
    }

    /// Draws `frame` through the diffing terminal and records what the backend then shows.
    /// The diffed screen must equal the frame itself, cell for cell.
    mutating func draw(_ frame: Buffer, cursor: (x: Int, y: Int)?, label: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        if terminal.backend.buffer.width != frame.width || terminal.backend.buffer.height != frame.height {
            terminal.backend.resize(width: frame.width, height: frame.height)
        }
        terminal.draw(frame, cursor: cursor)
        let shown = terminal.backend.buffer
        #expect(shown == frame, "\(name) \(label): the diffed screen differs from the frame", sourceLocation: sourceLocation)
        frames.append(Self.text(shown, cursor: terminal.backend.cursor, label: label))
    }

    /// Compares (or records) all frames drawn so far.
    func check(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent("\(name).txt")
        let actual = frames.joined(separator: "\n")
        if ProcessInfo.processInfo.environment["NEWSREADER_RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(url.path): run with NEWSREADER_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
            let first = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            let want = first < e.count ? e[first] : "(end)", got = first < a.count ? a[first] : "(end)"
            Issue.record("\(name): differs from Golden/\(name).txt at line \(first + 1)\nwant: \(want)\ngot:  \(got)",
                         sourceLocation: sourceLocation)
        }
    }

    /// The screen between `|` bars, then one style map row per screen row (`.` plain, letters
    /// for the styles named in the legend), then the cursor.
    static func text(_ buffer: Buffer, cursor: (x: Int, y: Int)?, label: String) -> String {
        var out = ["== \(label) (\(buffer.width)x\(buffer.height))"]
        out += buffer.lines.map { "|\($0)|" }
        var legend: [Style: Character] = [:]
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var styleRows: [String] = []
        for y in 0..<buffer.height {
            var row = ""
            for x in 0..<buffer.width {
                let style = buffer[x, y].style
                if style == .plain { row.append("."); continue }
                if legend[style] == nil { legend[style] = letters[min(legend.count, letters.count - 1)] }
                row.append(legend[style]!)
            }
            styleRows.append(row)
        }
        out.append("-- styles")
        out += styleRows
        for (style, letter) in legend.sorted(by: { $0.value < $1.value }) {
            out.append("\(letter) = \(describe(style))")
        }
        out.append("-- cursor \(cursor.map { "\($0.x),\($0.y)" } ?? "hidden")")
        return out.joined(separator: "\n") + "\n"
    }

    static func describe(_ style: Style) -> String {
        var parts: [String] = []
        if style.fg != .terminalDefault { parts.append("fg \(style.fg)") }
        if style.bg != .terminalDefault { parts.append("bg \(style.bg)") }
        let names: [(TextAttributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.italic, "italic"),
                                                 (.underline, "underline"), (.reverse, "reverse")]
        parts += names.filter { style.attributes.contains($0.0) }.map(\.1)
        return parts.joined(separator: " ")
    }
}
