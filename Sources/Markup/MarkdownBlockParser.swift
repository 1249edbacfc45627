import Foundation
import NewsModel

/// Markdown block structure → blocks: ATX and setext headings, paragraphs (soft-wrapped lines
/// joined), nested ordered/unordered lists, nested blockquotes, fenced and indented code,
/// horizontal rules, pipe tables, and raw HTML blocks (through `HTMLConverter`).
/// A pragmatic subset of CommonMark: the constructs articles use, never a crash on the rest.
struct MarkdownBlockParser {
    let inline: MarkdownInlineParser

    /// Deeper quotes/lists than this are read as text: no terminal shows them, and hostile
    /// input (`> > > …` ten thousand times) must not exhaust the stack.
    static let maxNesting = 16

    /// `quoteDepth`: blockquotes around these lines; `listDepth`: list items around them.
    func parse(_ lines: ArraySlice<String>, quoteDepth: Int = 0, listDepth: Int = 0) -> [Block] {
        var blocks: [Block] = []
        var index = lines.startIndex
        let paragraphKind: Block.Kind = quoteDepth > 0 ? .quote(depth: quoteDepth) : .paragraph

        while index < lines.endIndex {
            let line = lines[index]
            let (indent, content) = Self.split(line)
            if content.isEmpty { index += 1; continue }

            if indent < 4, let fence = Self.fence(content) {
                var body: [String] = []
                index += 1
                while index < lines.endIndex {
                    let (_, candidate) = Self.split(lines[index])
                    if candidate.hasPrefix(fence.marker), candidate.allSatisfy({ $0 == fence.marker.first }) { index += 1; break }
                    body.append(Self.dropIndent(lines[index], upTo: indent).expandingTabs())
                    index += 1
                }
                if !body.isEmpty { blocks.append(Block(.preformatted, text: body.joined(separator: "\n"))) }
                continue
            }
            if indent >= 4 {
                var body: [String] = []
                while index < lines.endIndex {
                    let (candidateIndent, candidate) = Self.split(lines[index])
                    if !candidate.isEmpty && candidateIndent < 4 { break }
                    body.append(Self.dropIndent(lines[index], upTo: 4).expandingTabs())
                    index += 1
                }
                while body.last?.trimmingWhitespace().isEmpty == true { body.removeLast() }
                blocks.append(Block(.preformatted, text: body.joined(separator: "\n")))
                continue
            }
            if let (level, text) = Self.atxHeading(content) {
                blocks.append(Block(.heading(level: level), inline.parse(text)))
                index += 1
                continue
            }
            if Self.isRule(content) {
                blocks.append(Block(.rule, []))
                index += 1
                continue
            }
            if content.hasPrefix(">"), quoteDepth + listDepth < Self.maxNesting {
                var inner: [String] = []
                while index < lines.endIndex {
                    let (_, candidate) = Self.split(lines[index])
                    if candidate.hasPrefix(">") {
                        var rest = candidate.dropFirst()
                        if rest.first == " " { rest = rest.dropFirst() }
                        inner.append(String(rest))
                    } else if !candidate.isEmpty, let last = inner.last, !last.trimmingWhitespace().isEmpty,
                              !Self.startsBlock(candidate) {
                        inner.append(String(candidate))  // lazy continuation of a quoted paragraph
                    } else {
                        break
                    }
                    index += 1
                }
                blocks += parse(inner[...], quoteDepth: quoteDepth + 1, listDepth: listDepth)
                continue
            }
            if Self.listMarker(content) != nil, quoteDepth + listDepth < Self.maxNesting {
                let (listBlocks, next) = parseList(lines, from: index, listDepth: listDepth)
                blocks += listBlocks
                index = next
                continue
            }
            if Self.isHTMLBlockStart(content) {
                var html: [String] = []
                while index < lines.endIndex, !lines[index].trimmingWhitespace().isEmpty {
                    html.append(lines[index])
                    index += 1
                }
                blocks += HTMLConverter.blocks(fromHTML: html.joined(separator: "\n"))
                continue
            }
            if index + 1 < lines.endIndex, content.utf8.contains(0x7C), Self.isTableSeparator(lines[index + 1]) {
                var rows = [content]
                index += 2
                while index < lines.endIndex {
                    let (_, candidate) = Self.split(lines[index])
                    guard candidate.utf8.contains(0x7C) else { break }
                    rows.append(candidate)
                    index += 1
                }
                for (rowIndex, row) in rows.enumerated() {
                    blocks.append(Block(paragraphKind, tableRow(String(row), header: rowIndex == 0)))
                }
                continue
            }

            // Paragraph, possibly a setext heading.
            var paragraph = [content]
            index += 1
            var setextLevel: Int?
            while index < lines.endIndex {
                let (_, candidate) = Self.split(lines[index])
                if candidate.isEmpty { break }
                if !candidate.isEmpty, candidate.allSatisfy({ $0 == "=" }) { setextLevel = 1; index += 1; break }
                if candidate.count >= 2, candidate.allSatisfy({ $0 == "-" }) { setextLevel = 2; index += 1; break }
                if Self.startsBlock(candidate, interruptingParagraph: true) { break }
                paragraph.append(candidate)
                index += 1
            }
            let runs = inline.parse(Self.joinParagraph(paragraph))
            if runs.isEmpty { continue }
            blocks.append(Block(setextLevel.map { .heading(level: $0) } ?? paragraphKind, runs))
        }
        return blocks
    }

    // MARK: Lists

    private func parseList(_ lines: ArraySlice<String>, from start: Int, listDepth: Int) -> ([Block], Int) {
        var blocks: [Block] = []
        var index = start
        let depth = listDepth + 1
        guard let first = Self.listMarker(Self.split(lines[start]).content) else { return ([], start + 1) }
        var number = first.number ?? 1

        while index < lines.endIndex {
            let (indent, content) = Self.split(lines[index])
            guard let marker = Self.listMarker(content), marker.kind == first.kind, !Self.isRule(content) else { break }
            let contentIndent = indent + marker.width
            var itemLines = [String(content.dropFirst(marker.width))]
            index += 1
            while index < lines.endIndex {
                let line = lines[index]
                let (lineIndent, lineContent) = Self.split(line)
                if lineContent.isEmpty {
                    itemLines.append("")
                } else if lineIndent >= contentIndent || (lineIndent > indent && Self.listMarker(lineContent) != nil) {
                    itemLines.append(Self.dropIndent(line, upTo: contentIndent))
                } else if let previous = itemLines.last, !previous.isEmpty, !Self.startsBlock(lineContent) {
                    itemLines.append(String(lineContent))  // lazy continuation
                } else {
                    break
                }
                index += 1
            }
            // Blank lines at the end belong between items, not to this one.
            var trailingBlank = 0
            while itemLines.count > 1, itemLines.last?.isEmpty == true { itemLines.removeLast(); trailingBlank += 1 }
            index -= trailingBlank
            while index < lines.endIndex, Self.split(lines[index]).content.isEmpty { index += 1 }

            let label: String
            if let delimiter = marker.delimiter {
                label = "\(number)\(delimiter)"
                number += 1
            } else {
                label = PlainTextHeuristics.bulletMarker(depth: depth)
            }
            var usedMarker = false
            for block in parse(itemLines[...], quoteDepth: 0, listDepth: depth) {
                if block.kind == .paragraph {
                    blocks.append(Block(.listItem(depth: depth, marker: usedMarker ? "" : label), block.runs))
                } else {
                    blocks.append(block)
                }
                usedMarker = true
            }
            if !usedMarker { blocks.append(Block(.listItem(depth: depth, marker: label), [])) }
        }
        return (blocks, index)
    }

    private func tableRow(_ row: String, header: Bool) -> [InlineRun] {
        var cells = Self.splitCells(row)
        if cells.first?.isEmpty == true, row.trimmingWhitespace().hasPrefix("|") { cells.removeFirst() }
        if cells.last?.isEmpty == true, row.trimmingWhitespace().hasSuffix("|") { cells.removeLast() }
        var runs: [InlineRun] = []
        for (offset, cell) in cells.enumerated() {
            if offset > 0 { runs.append(InlineRun(" │ ")) }
            var cellRuns = inline.parse(cell)
            if header { for i in cellRuns.indices { cellRuns[i].emphasis.insert(.bold) } }
            runs += cellRuns
        }
        return runs
    }
}
