/// Small, allocation-light text helpers for the hot paths (Foundation's `trimmingCharacters`
/// and `replacingOccurrences` bridge through NSString on Linux and dominated profiles).
extension String {
    /// Without leading and trailing whitespace (any Unicode whitespace, newlines included).
    func trimmingWhitespace() -> String { self[...].trimmingWhitespace() }
}

extension Substring {
    /// Without leading and trailing whitespace (any Unicode whitespace, newlines included).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start {
            let previous = scalars.index(before: end)
            guard scalars[previous].properties.isWhitespace else { break }
            end = previous
        }
        return String(scalars[start..<end])
    }
}

extension String {
    /// Tabs → spaces to the next 4-column stop (terminal cells have no tabs).
    func expandingTabs() -> String {
        guard utf8.contains(0x09) else { return self }
        var result = ""
        var column = 0
        for char in self {
            if char == "\t" {
                let width = 4 - column % 4
                result += String(repeating: " ", count: width)
                column += width
            } else {
                result.append(char)
                column += 1
            }
        }
        return result
    }
}

enum TextLines {
    /// Lines split at LF, CRLF or CR, without their terminators. A final terminator does not
    /// start an extra empty line.
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(text[lineStart..<index])
                var next = utf8.index(after: index)
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                lineStart = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        if lineStart < utf8.endIndex { lines.append(text[lineStart..<utf8.endIndex]) }
        return lines
    }
}
