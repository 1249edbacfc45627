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

    static func normalizedLines(_ text: String) -> [Line] {
        TextLines.split(text).map { raw in
            let scalars = raw.unicodeScalars
            var indent = 0
            var start = scalars.startIndex
            scan: while start < scalars.endIndex {
                switch scalars[start] {
                case " ", "\u{00A0}", "\u{3000}": indent += 1
                case "\t": indent += 4
                case "\u{FEFF}": break
                default: break scan
                }
                start = scalars.index(after: start)
            }
            var end = scalars.endIndex
            while end > start {
                let previous = scalars.index(before: end)
                guard scalars[previous].properties.isWhitespace else { break }
                end = previous
            }
            var line = String(scalars[start..<end])
            if line.utf8.contains(0x09) { line = String(line.map { $0 == "\t" ? " " : $0 }) }
            return Line(text: line, indent: indent)
        }
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
