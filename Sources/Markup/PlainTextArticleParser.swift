import Foundation
import NewsModel

/// The plain-text article format users save pages in:
///
///     Print PRINT                      ← optional page chrome, dropped
///     SCIENCE > Space                  ← optional breadcrumb → section path
///     Small lunar lander sends …       ← title
///     A small robotic lander …         ← body paragraphs, one long line each, blank-separated
///       • Space                        ← optional trailing tags (• * - ·)
///
/// Structure is only recognised where the format puts it: a `>` in the body is text, and bullet
/// lines are tags only in the trailing run.
enum PlainTextArticleParser {
    static func parse(_ text: String) -> ArticleContent {
        let lines = normalizedLines(text)
        var content = ArticleContent()
        var index = 0

        func skipBlank() { while index < lines.count, lines[index].isBlank { index += 1 } }

        // 1. Page chrome (never everything: a file that is all "chrome" keeps its first line).
        skipBlank()
        let firstContent = index
        while index < lines.count, lines[index].isBlank || PlainTextHeuristics.isChrome(lines[index].text) {
            index += 1
        }
        if index >= lines.count { index = firstContent }

        // 2. Breadcrumb: only before the title, and only if a title line follows it.
        skipBlank()
        if index < lines.count, let path = PlainTextHeuristics.breadcrumb(lines[index].text) {
            var next = index + 1
            while next < lines.count, lines[next].isBlank { next += 1 }
            var afterTitle = next + 1
            while afterTitle < lines.count, lines[afterTitle].isBlank { afterTitle += 1 }
            // …and only if that line reads like a title, not like a body paragraph (then the
            // candidate was itself a headline containing ">"), and a body follows the title.
            if next < lines.count, PlainTextHeuristics.isTitleLike(lines[next].text), afterTitle < lines.count {
                content.section = path
                index = next
            }
        }

        // 3. Title.
        skipBlank()
        if index < lines.count {
            content.title = lines[index].text
            index += 1
        }

        // 4. Trailing tags: the last run of bullet lines (blank lines allowed between them),
        //    provided every item looks like a tag rather than a sentence.
        var end = lines.count
        while end > index, lines[end - 1].isBlank { end -= 1 }
        var tagStart = end
        var scan = end
        while scan > index {
            let line = lines[scan - 1]
            if line.isBlank { scan -= 1; continue }
            guard PlainTextHeuristics.tagItem(line.text, indent: line.indent) != nil else { break }
            scan -= 1
            tagStart = scan
        }
        if tagStart < end {
            // Tags must be set off from the body by a blank line, or follow the title directly.
            let precededByBlank = tagStart == index || lines[tagStart - 1].isBlank
            if precededByBlank {
                for line in lines[tagStart..<end] where !line.isBlank {
                    if let tag = PlainTextHeuristics.tagItem(line.text, indent: line.indent), !content.tags.contains(tag) {
                        content.tags.append(tag)
                    }
                }
                end = tagStart
            }
        }

        // 5. Body.
        content.body = bodyBlocks(lines[index..<end])
        return content
    }

    struct Line {
        /// Trimmed text, tabs turned into spaces.
        var text: String
        /// Leading columns of indentation (a tab counts as 4).
        var indent: Int
        var isBlank: Bool { text.isEmpty }
    }

    /// One pass over the UTF-8 bytes: split at LF / CRLF / CR, measure and drop the leading
    /// indentation (space, NBSP, U+3000 count 1, tab 4, BOM 0), drop trailing Unicode
    /// whitespace, turn inner tabs into spaces, and make one String per non-blank line.
    static func normalizedLines(_ text: String) -> [Line] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(normalizedLines(bytes:)) ?? []
    }

    private static func normalizedLines(bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        let count = bytes.count
        var lineStart = 0
        var index = 0
        while index <= count {
            guard index == count || bytes[index] == 0x0A || bytes[index] == 0x0D else {
                index += 1
                continue
            }
            if index < count || lineStart < count {
                lines.append(line(bytes, from: lineStart, to: index))
            }
            if index == count { break }
            var next = index + 1
            if bytes[index] == 0x0D, next < count, bytes[next] == 0x0A { next += 1 }
            lineStart = next
            index = next
        }
        return lines
    }

    private static func line(_ bytes: UnsafeBufferPointer<UInt8>, from lineStart: Int, to lineEnd: Int) -> Line {
        var start = lineStart
        var indent = 0
        scan: while start < lineEnd {
            switch bytes[start] {
            case 0x20: indent += 1; start += 1
            case 0x09: indent += 4; start += 1
            case 0xC2 where start + 1 < lineEnd && bytes[start + 1] == 0xA0:  // NBSP
                indent += 1; start += 2
            case 0xE3 where start + 2 < lineEnd && bytes[start + 1] == 0x80 && bytes[start + 2] == 0x80:  // U+3000
                indent += 1; start += 3
            case 0xEF where start + 2 < lineEnd && bytes[start + 1] == 0xBB && bytes[start + 2] == 0xBF:  // BOM
                start += 3
            default: break scan
            }
        }
        var end = lineEnd
        while end > start {
            let last = bytes[end - 1]
            if last < 0x80 {
                // ASCII White_Space: TAB, LF, VT, FF, CR, space.
                guard last == 0x20 || (0x09...0x0D).contains(last) else { break }
                end -= 1
                continue
            }
            // Step back to the first byte of the last scalar and ask Unicode.
            var scalarStart = end - 1
            while scalarStart > start, bytes[scalarStart] & 0xC0 == 0x80 { scalarStart -= 1 }
            let decoded = String(decoding: UnsafeBufferPointer(rebasing: bytes[scalarStart..<end]), as: UTF8.self)
            guard let scalar = decoded.unicodeScalars.first, scalar.properties.isWhitespace else { break }
            end = scalarStart
        }
        guard end > start else { return Line(text: "", indent: indent) }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard slice.contains(0x09) else { return Line(text: String(decoding: slice, as: UTF8.self), indent: indent) }
        let text = String(unsafeUninitializedCapacity: slice.count) { buffer in
            for (offset, byte) in slice.enumerated() { buffer[offset] = byte == 0x09 ? 0x20 : byte }
            return slice.count
        }
        return Line(text: text, indent: indent)
    }

    /// Body lines → blocks. Blank lines separate paragraphs; consecutive non-bullet lines of one
    /// paragraph (hard-wrapped text) are joined with a space; bullet or numbered lines are list items.
    static func bodyBlocks(_ lines: ArraySlice<Line>) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var listIndents: [Int] = []

        func flushParagraph() {
            if !paragraph.isEmpty {
                blocks.append(Block(.paragraph, text: paragraph.joined(separator: " ")))
                paragraph.removeAll()
            }
        }
        for line in lines {
            if line.isBlank {
                flushParagraph()
                continue
            }
            if let item = PlainTextHeuristics.bulletItem(line.text) ?? PlainTextHeuristics.numberedItem(line.text) {
                flushParagraph()
                // Depth follows indentation relative to the enclosing items.
                while let last = listIndents.last, last > line.indent { listIndents.removeLast() }
                if listIndents.last != line.indent { listIndents.append(line.indent) }
                let depth = listIndents.count
                let marker = item.marker ?? PlainTextHeuristics.bulletMarker(depth: depth)
                blocks.append(Block(.listItem(depth: depth, marker: marker), text: item.text))
                continue
            }
            listIndents.removeAll()
            paragraph.append(line.text)
        }
        flushParagraph()
        return blocks
    }
}
