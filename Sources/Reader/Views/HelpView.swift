import Screen
import TerminalText

/// The F1 screen, generated from the effective keymap (remapped keys show as remapped).
enum HelpView {
    struct Line: Equatable {
        var keys: String
        var text: String
        var heading: Bool
    }

    static func lines(_ keymap: Keymap) -> [Line] {
        var lines: [Line] = [Line(keys: "", text: "newsreader keys (j/k scroll, q or Esc closes)", heading: true)]
        let groups: [(KeyContext, String)] = [(.any, "Everywhere"), (.sidebar, "Sidebar"), (.list, "Article list"), (.pane, "Reading pane"), (.help, "This help screen"),
                                              (.prompt, "Prompt (/ ? :)")]
        for (context, title) in groups {
            // One line per command: all its keys together, in table order.
            var order: [Command] = []
            var keys: [Command: [String]] = [:]
            var help: [Command: String] = [:]
            for b in keymap.bindings where b.context == context {
                if keys[b.command] == nil { order.append(b.command); help[b.command] = b.help }
                keys[b.command, default: []].append(b.notation)
            }
            guard !order.isEmpty else { continue }
            lines.append(Line(keys: "", text: "", heading: false))
            lines.append(Line(keys: "", text: title, heading: true))
            for c in order {
                // The command name too: every key action also runs as :NAME.
                let name = c.editsPrompt ? "" : "  (:\(c.rawValue))"
                lines.append(Line(keys: keys[c]!.joined(separator: "  "), text: help[c]! + name, heading: false))
            }
        }
        lines.append(Line(keys: "", text: "", heading: false))
        lines.append(Line(keys: "", text: "Commands (: then Tab completes, ↑/↓ history)", heading: true))
        for (command, usage) in Command.promptUsage { lines.append(Line(keys: usage, text: command.summary, heading: false)) }
        lines.append(Line(keys: ":ACTION [N]", text: "Any key action by its config name (:refresh-all, :move-down 5)", heading: false))
        lines.append(Line(keys: "", text: "", heading: false))
        lines.append(Line(keys: "", text: "Counts: a number before a motion repeats it (5j). Search is case-insensitive unless the query has a capital.", heading: false))
        return lines
    }

    static func lineCount(_ keymap: Keymap) -> Int { lines(keymap).count }

    /// Draws the help for `keymap` from line `top` into `rect`.
    static func draw(_ buffer: inout Buffer, _ rect: Rect, keymap: Keymap, top: Int, styles: StyleProvider) {
        let base = styles.style("help")
        buffer.fill(rect, style: base)
        let all = lines(keymap)
        let keyWidth = min(24, max(8, all.map { DisplayWidth.width($0.keys) }.max() ?? 8) + 2)
        for row in 0..<rect.height {
            let i = top + row
            guard all.indices.contains(i) else { break }
            let line = all[i]
            let y = rect.y + row
            if line.heading {
                buffer.putTruncated(" " + line.text, x: rect.x, y: y, width: rect.width, style: base.patched(with: styles.style("help.heading")))
                continue
            }
            buffer.put("  " + line.keys, x: rect.x, y: y, maxWidth: min(rect.width, keyWidth + 2), style: base.patched(with: styles.style("help.key")))
            let x = rect.x + keyWidth + 3
            if x < rect.maxX {
                buffer.putTruncated(line.text, x: x, y: y, width: rect.maxX - x, style: base)
            } else if line.keys.isEmpty {
                buffer.putTruncated(" " + line.text, x: rect.x, y: y, width: rect.width, style: base)
            }
        }
    }
}
