import Foundation
import NewsModel

/// Markdown article files: front matter (`title`, `tags`, `section`, `date`, `author`, `link`,
/// `summary`) and a body. The title is the front matter's, else a leading `# Title` (which is
/// then not repeated in the body), else a leading heading of any level.
enum MarkdownArticleParser {
    static func parse(_ text: String) -> ArticleContent {
        var lines = normalizedLines(text)
        var content = ArticleContent()
        if let (matter, rest) = MarkdownFrontMatter.extract(lines) {
            content.title = matter.title
            content.tags = matter.tags
            content.section = matter.section
            content.author = matter.author
            content.link = matter.link
            content.summary = matter.summary
            if let date = matter.date {
                content.published = LooseISODate.parse(date)
                if content.published == nil { content.warnings.append("front matter date “\(date)” not understood") }
            }
            lines = Array(rest)
        }
        let (body, references) = extractReferences(lines)
        let parser = MarkdownBlockParser(inline: MarkdownInlineParser(references: references))
        var blocks = parser.parse(body[...])

        if let first = blocks.first, case .heading(let level) = first.kind {
            let heading = InlineAccumulator.collapsed(first.plainText)
            if content.title == nil, level == 1 || !blocks.contains(where: { $0.kind == .heading(level: 1) }) {
                content.title = heading
                blocks.removeFirst()
            } else if let title = content.title, title.lowercased() == heading.lowercased() {
                blocks.removeFirst()
            }
        }
        content.body = blocks
        return content
    }

    /// LF line endings; leading tabs expanded to 4-column stops (indentation is what matters).
    static func normalizedLines(_ text: String) -> [String] {
        TextLines.split(text).map { line in
            guard line.first == "\t" || (line.first == " " && line.utf8.contains(0x09)) else { return String(line) }
            var column = 0
            var result = ""
            var index = line.startIndex
            while index < line.endIndex, line[index] == " " || line[index] == "\t" {
                let width = line[index] == "\t" ? 4 - column % 4 : 1
                result += String(repeating: " ", count: width)
                column += width
                index = line.index(after: index)
            }
            return result + line[index...]
        }
    }

    /// Removes `[label]: url "title"` lines (outside fenced code) and returns them as a table.
    static func extractReferences(_ lines: [String]) -> ([String], [String: String]) {
        var kept: [String] = []
        var references: [String: String] = [:]
        var fence: String?
        for line in lines {
            let (indent, content) = MarkdownBlockParser.split(line)
            if indent < 4, let found = MarkdownBlockParser.fence(content) {
                if fence == nil { fence = found.marker } else if content.hasPrefix(fence!) { fence = nil }
            }
            if fence == nil, indent < 4, content.hasPrefix("["), let close = content.firstIndex(of: "]"),
               content[content.index(after: close)...].hasPrefix(":") {
                let label = content[content.index(after: content.startIndex)..<close]
                var rest = content[content.index(close, offsetBy: 2)...].drop(while: { $0 == " " })
                if rest.hasPrefix("<"), let gt = rest.firstIndex(of: ">") {
                    rest = rest[rest.index(after: rest.startIndex)..<gt]
                } else {
                    rest = rest.prefix(while: { $0 != " " })
                }
                if !label.isEmpty, !rest.isEmpty {
                    let key = label.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                    if references[key] == nil { references[key] = String(rest) }
                    continue
                }
            }
            kept.append(line)
        }
        return (kept, references)
    }
}
