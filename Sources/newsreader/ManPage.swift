import Foundation
import Reader

/// Renders `newsreader.1` (man(7) macros) from the CLI definition: the command tree and every
/// option come from swift-argument-parser's own description of the tool (its
/// `--experimental-dump-help` JSON), the reader's keys from the keymap, and the FILES and
/// ENVIRONMENT sections from `ManPageText`. Deterministic (no date), so a test can compare it
/// with the committed `docs/newsreader.1`.
struct ManPage {
    let tool: ToolInfo

    /// The command tree as argument-parser describes it. `_dumpHelp()` is the in-process form of
    /// `--experimental-dump-help`; only the few fields read below are decoded.
    static func current() throws -> ManPage {
        let json = Newsreader._dumpHelp()
        return ManPage(tool: try JSONDecoder().decode(ToolInfo.self, from: Data(json.utf8)))
    }

    func render() -> String {
        var out: [String] = []
        let root = tool.command
        out.append(#".TH NEWSREADER 1 "" "newsreader \#(NewsreaderVersion.string)" "User Commands""#)
        out.append(".SH NAME")
        // "A fast … pane." → "newsreader \- a fast … pane", as NAME lines are written.
        var summary = (root.abstract ?? "").trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        if let first = summary.first { summary = first.lowercased() + summary.dropFirst() }
        out.append("newsreader \\- " + Roff.text(summary))
        out.append(".SH SYNOPSIS")
        out.append(".B newsreader")
        out.append("[\\fIoptions\\fR]")
        out.append(".br")
        out.append(".B newsreader")
        out.append("\\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]")
        out.append(".SH DESCRIPTION")
        out.append(contentsOf: ManPageText.description.flatMap(Roff.paragraphs))
        out.append(".SH COMMANDS")
        out.append(".PP")
        out.append("Every command takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR. "
                   + "With no command, \\fBnewsreader\\fR runs \\fBread\\fR.")
        for command in root.visibleSubcommands {
            render(command, path: ["newsreader"], into: &out)
        }
        out.append(".SH KEYS")
        out.append(".PP")
        out.append(Roff.text(ManPageText.keysIntroduction))
        for (keys, help) in Self.keyRows() {
            out.append(".TP")
            out.append("\\fB" + Roff.text(keys) + "\\fR")
            out.append(Roff.text(help))
        }
        out.append(".SH FILES")
        for (path, meaning) in ManPageText.files {
            out.append(".TP")
            out.append("\\fI" + Roff.text(path) + "\\fR")
            out.append(Roff.text(meaning))
        }
        out.append(".SH ENVIRONMENT")
        for (name, meaning) in ManPageText.environment {
            out.append(".TP")
            out.append("\\fB" + name + "\\fR")
            out.append(Roff.text(meaning))
        }
        out.append(".SH EXIT STATUS")
        out.append(Roff.text(ManPageText.exitStatus))
        out.append(".SH SEE ALSO")
        out.append(Roff.text(ManPageText.seeAlso))
        return out.joined(separator: "\n") + "\n"
    }

    /// One command: a subsection with its synopsis, text and options; nested commands follow.
    private func render(_ command: ToolInfo.Command, path: [String], into out: inout [String]) {
        let path = path + [command.commandName]
        let arguments = command.visibleArguments
        if let children = command.subcommands?.filter(\.isVisible), !children.isEmpty, arguments.isEmpty {
            // A command that only groups others (`bookmark add|remove`): its children say it all.
            for child in children { render(child, path: path, into: &out) }
            return
        }
        out.append(".SS \"" + Roff.text(path.joined(separator: " ")) + "\"")
        out.append(".B " + Roff.option(path.joined(separator: " ")))
        out.append(arguments.map(Self.synopsis).joined(separator: " "))
        for text in [command.abstract, command.discussion].compactMap({ $0 }) {
            out.append(contentsOf: Roff.paragraphs(text))
        }
        for argument in arguments {
            out.append(".TP")
            out.append(Self.label(argument))
            var help = argument.abstract ?? ""
            if let values = argument.allValues, !values.isEmpty {
                help += " One of: " + values.joined(separator: ", ") + "."
            }
            if let value = argument.defaultValue, !value.isEmpty, argument.kind != "flag" {
                help += " Default: " + value + "."
            }
            out.append(Roff.text(help))
            if let discussion = argument.discussion, !discussion.isEmpty {
                out.append(".IP")
                out.append(Roff.text(discussion))
            }
        }
        for child in command.subcommands?.filter(\.isVisible) ?? [] { render(child, path: path, into: &out) }
    }

    /// `[--tag <tag> ...]`, `<url-or-path>`, `[--all]` in roff.
    static func synopsis(_ argument: ToolInfo.Argument) -> String {
        var text: String
        switch argument.kind {
        case "positional":
            text = "\\fI" + Roff.option(argument.valueName ?? "value") + "\\fR"
        default:
            let name = argument.preferredName ?? argument.names?.first
            text = "\\fB" + Roff.option(name.map(Self.dashed) ?? "") + "\\fR"
            if argument.kind == "option" { text += " \\fI" + Roff.option(argument.valueName ?? "value") + "\\fR" }
        }
        if argument.isRepeating { text += " ..." }
        return argument.isOptional ? "[" + text + "]" : text
    }

    /// `\fB\-t\fR, \fB\-\-tag\fR \fItag\fR` for the option list.
    static func label(_ argument: ToolInfo.Argument) -> String {
        if argument.kind == "positional" { return "\\fI" + Roff.option(argument.valueName ?? "value") + "\\fR" }
        var text = (argument.names ?? []).map { "\\fB" + Roff.option(dashed($0)) + "\\fR" }.joined(separator: ", ")
        if argument.kind == "option" { text += " \\fI" + Roff.option(argument.valueName ?? "value") + "\\fR" }
        return text
    }

    static func dashed(_ name: ToolInfo.Argument.Name) -> String {
        (name.kind == "long" ? "--" : "-") + name.name
    }

    /// The standard keymap, one row per action in the order of the table: `j, <Down>` → help.
    static func keyRows() -> [(String, String)] {
        var order: [String] = []
        var rows: [String: (keys: [String], help: String)] = [:]
        for binding in Keymap.standard.bindings {
            let id = "\(binding.command)|\(binding.help)"
            if rows[id] == nil { order.append(id); rows[id] = ([], binding.help) }
            rows[id]?.keys.append(binding.notation)
        }
        return order.compactMap { id in rows[id].map { ($0.keys.joined(separator: ", "), $0.help) } }
    }
}

/// Escaping for roff text: backslashes, a `.` or `'` that would start a request, and
/// non-ASCII as `\[uXXXX]` (groff without preconv and mandoc both read that).
enum Roff {
    static func text(_ string: String) -> String {
        string.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var escaped = ""
            for scalar in line.unicodeScalars {
                switch scalar.value {
                case 0x5C: escaped += "\\e"
                case 0..<0x80: escaped.unicodeScalars.append(scalar)
                default: escaped += "\\[u" + String(format: "%04X", scalar.value) + "]"
                }
            }
            return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
        }.joined(separator: "\n")
    }

    /// Paragraphs (separated by blank lines) as `.PP` blocks.
    static func paragraphs(_ string: String) -> [String] {
        string.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }.flatMap { [".PP", text($0)] }
    }

    /// Option names and command lines: also `-` as a real minus sign, so they can be searched and copied.
    static func option(_ string: String) -> String {
        text(string).replacingOccurrences(of: "-", with: "\\-")
    }
}
