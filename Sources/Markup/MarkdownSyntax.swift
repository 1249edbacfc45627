import Foundation

/// Line-level recognisers for the Markdown block parser. Lines arrive with leading tabs already
/// expanded to spaces.
extension MarkdownBlockParser {
    struct ListMarker {
        enum Kind: Equatable { case bullet(Character), ordered(Character) }
        var kind: Kind
        /// Columns from the marker's start to the item's content.
        var width: Int
        var number: Int?
        var delimiter: Character?
    }

    /// (indent in columns, the rest of the line).
    static func split(_ line: String) -> (indent: Int, content: Substring) {
        var indent = 0
        var index = line.startIndex
        while index < line.endIndex, line[index] == " " {
            indent += 1
            index = line.index(after: index)
        }
        let content = line[index...]
        if content.allSatisfy({ $0 == " " || $0 == "\t" }) { return (indent, "") }
        return (indent, content)
    }

    static func dropIndent(_ line: String, upTo columns: Int) -> String {
        var dropped = 0
        var index = line.startIndex
        while dropped < columns, index < line.endIndex, line[index] == " " {
            dropped += 1
            index = line.index(after: index)
        }
        return String(line[index...])
    }

    static func fence(_ content: Substring) -> (marker: String, info: Substring)? {
        for marker in ["```", "~~~"] where content.hasPrefix(marker) {
            let char = marker.first!
            let length = content.prefix(while: { $0 == char }).count
            let info = content.dropFirst(length)
            if char == "`", info.utf8.contains(0x60) { return nil }
            return (String(repeating: char, count: length), info)
        }
        return nil
    }

    static func atxHeading(_ content: Substring) -> (Int, String)? {
        let level = content.prefix(while: { $0 == "#" }).count
        guard level >= 1, level <= 6 else { return nil }
        let rest = content.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingWhitespace()
        // Closing hashes: `## Title ##` (only when set off by a space).
        if text.allSatisfy({ $0 == "#" }) {
            text = ""
        } else {
            let stripped = String(text.reversed().drop(while: { $0 == "#" }).reversed())
            if stripped.count < text.count, stripped.last == " " { text = stripped.trimmingWhitespace() }
        }
        return (level, text)
    }

    /// `***`, `- - -`, `___` (three or more of one character, spaces allowed).
    static func isRule(_ content: Substring) -> Bool {
        guard let first = content.first, first == "-" || first == "*" || first == "_" else { return false }
        var count = 0
        for char in content {
            if char == first { count += 1 } else if char != " " && char != "\t" { return false }
        }
        return count >= 3
    }

    static func listMarker(_ content: Substring) -> ListMarker? {
        guard let first = content.first else { return nil }
        if first == "-" || first == "*" || first == "+" {
            let rest = content.dropFirst()
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
            return ListMarker(kind: .bullet(first), width: 1 + spacesAfterMarker(rest), number: nil, delimiter: nil)
        }
        let digits = content.prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count >= 1, digits.count <= 9 else { return nil }
        let afterDigits = content.dropFirst(digits.count)
        guard let delimiter = afterDigits.first, delimiter == "." || delimiter == ")" else { return nil }
        let rest = afterDigits.dropFirst()
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return ListMarker(kind: .ordered(delimiter), width: digits.count + 1 + spacesAfterMarker(rest),
                          number: Int(digits), delimiter: delimiter)
    }

    /// One to four spaces after the marker belong to it; more means indented code inside the item.
    private static func spacesAfterMarker(_ rest: Substring) -> Int {
        let spaces = rest.prefix(while: { $0 == " " }).count
        if rest.allSatisfy({ $0 == " " }) { return 1 }
        return spaces > 4 ? 1 : max(spaces, 1)
    }

    /// Does this line start a block other than a paragraph continuation?
    static func startsBlock(_ content: Substring, interruptingParagraph: Bool = false) -> Bool {
        // Every block marker starts with one of these; most paragraph lines are rejected here.
        guard let first = content.utf8.first,
              first == UInt8(ascii: "`") || first == UInt8(ascii: "~") || first == UInt8(ascii: "#")
                || first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
                || first == UInt8(ascii: ">") || first == UInt8(ascii: "+") || (first >= 0x30 && first <= 0x39)
        else { return false }
        if fence(content) != nil || atxHeading(content) != nil || isRule(content) || content.hasPrefix(">") { return true }
        if let marker = listMarker(content) {
            // An ordered list interrupts a paragraph only when it starts at 1 (CommonMark rule,
            // so "2024. was a year" inside a paragraph stays text).
            if interruptingParagraph, let number = marker.number { return number == 1 }
            if interruptingParagraph, content.dropFirst().allSatisfy({ $0 == " " }) { return false }
            return true
        }
        return false
    }

    static let htmlBlockTags: Set<String> = [
        "div", "p", "table", "ul", "ol", "dl", "pre", "blockquote", "figure", "section", "article", "aside",
        "header", "footer", "details", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "iframe", "script", "style",
        "center", "form", "nav", "video", "audio", "picture", "img",
    ]

    static func isHTMLBlockStart(_ content: Substring) -> Bool {
        guard content.hasPrefix("<") else { return false }
        if content.hasPrefix("<!--") { return true }
        let name = content.dropFirst().drop(while: { $0 == "/" })
            .prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
        return htmlBlockTags.contains(name)
    }

    /// `|---|:--:|` or `--- | ---`.
    static func isTableSeparator(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.contains("-"), trimmed.contains("|") else { return false }
        let cells = splitCells(trimmed).filter { !$0.isEmpty }
        guard !cells.isEmpty else { return false }
        return cells.allSatisfy { cell in
            let core = cell.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            return !core.isEmpty && core.allSatisfy { $0 == "-" }
        }
    }

    /// Cells of a pipe-table row (`\|` escapes a pipe), trimmed; outer pipes give empty cells.
    static func splitCells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for char in row {
            if escaped { current.append(char); escaped = false; continue }
            if char == "\\" { escaped = true; current.append(char); continue }
            if char == "|" { cells.append(current.trimmingWhitespace()); current = ""; continue }
            current.append(char)
        }
        cells.append(current.trimmingWhitespace())
        return cells.map { $0.replacingOccurrences(of: "\\|", with: "|") }
    }

    /// Soft-wrapped lines → one line; a line ending in two spaces or `\` is a hard break ("\n").
    static func joinParagraph(_ lines: [Substring]) -> String {
        var result = ""
        for (offset, line) in lines.enumerated() {
            let isLast = offset == lines.count - 1
            var text = String(line.drop(while: { $0 == " " }))
            let hardBreak = !isLast && (text.hasSuffix("  ") || text.hasSuffix("\\"))
            while text.last == " " || text.last == "\t" { text.removeLast() }
            if hardBreak, text.hasSuffix("\\") { text.removeLast() }
            result += text
            if !isLast { result += hardBreak ? "\n" : " " }
        }
        return result
    }
}
