import NewsModel
import TerminalText

/// Turns blocks into lines for one text width. Used once per `ArticleLayout`.
struct LayoutBuilder {
    let textWidth: Int
    let options: LayoutOptions
    var lines: [LayoutLine] = []
    var links: [String] = []
    private var linkNumbers: [String: Int] = [:]
    private var wrapper = BlockWrapper()
    private var blockLines: [LayoutLine] = []
    /// Column where the text of the last marked list item at each depth starts, so a
    /// continuation paragraph (empty marker) lines up with it.
    private var listTextColumns: [Int: Int] = [:]

    init(textWidth: Int, options: LayoutOptions) {
        self.textWidth = textWidth
        self.options = options
    }

    /// Prefixes may take at most this many columns, so some text always fits beside them.
    private var maxPrefixColumns: Int { textWidth - min(textWidth, max(2, textWidth / 2)) }

    mutating func build(_ blocks: [Block]) {
        lines.reserveCapacity(blocks.count * 4)
        var previous: Block.Kind? = nil
        for (index, block) in blocks.enumerated() {
            blockLines.removeAll(keepingCapacity: true)
            layOut(block, index: index)
            guard !blockLines.isEmpty else { continue }
            if let previous { appendSeparator(between: previous, and: block.kind, nextBlock: index) }
            lines.append(contentsOf: blockLines)
            previous = block.kind
        }
        if options.linkList && !links.isEmpty { appendLinkList(blockIndex: blocks.count, after: previous != nil) }
    }

    private mutating func layOut(_ block: Block, index: Int) {
        switch block.kind {
        case .paragraph:
            flow(block.runs, base: .body, first: LinePrefix(indent: 0), rest: LinePrefix(indent: 0), blockIndex: index)
        case .heading(let level):
            flow(block.runs, base: .heading(level: level), first: LinePrefix(indent: 0),
                 rest: LinePrefix(indent: 0), blockIndex: index)
            if options.headingRules && (level == 1 || level == 2) && !blockLines.isEmpty {
                let ruleWidth = blockLines.map { $0.width - $0.indent }.max() ?? 0
                let end = block.runs.reduce(0) { $0 + $1.text.unicodeScalars.count }
                blockLines.append(ruleLine(String(repeating: level == 1 ? "═" : "─", count: ruleWidth),
                                           role: .headingRule, blockIndex: index, offset: end))
            }
        case .listItem(let depth, let marker) where marker.isEmpty:
            // A further paragraph of the item: at the item's text column, no marker. Without
            // a marked item before it, where text after a one-column marker would start.
            let column = listTextColumns[depth] ?? 2 * max(0, depth - 1) + 2
            let prefix = LinePrefix(indent: column).fitted(to: maxPrefixColumns)
            flow(block.runs, base: .body, first: prefix, rest: prefix, blockIndex: index)
        case .listItem(let depth, let marker):
            let indent = 2 * max(0, depth - 1)
            let shown = DisplayWidth.sanitize(marker) + " "
            let first = LinePrefix(indent: indent, text: shown, role: .listMarker,
                                   width: DisplayWidth.width(shown)).fitted(to: maxPrefixColumns)
            if listTextColumns.keys.contains(where: { $0 > depth }) {
                listTextColumns = listTextColumns.filter { $0.key < depth }
            }
            listTextColumns[depth] = first.columns
            flow(block.runs, base: .body, first: first, rest: LinePrefix(indent: first.columns), blockIndex: index)
        case .quote(let depth):
            let bars = quoteBars(depth: depth)
            flow(block.runs, base: .quote, first: bars, rest: bars, blockIndex: index)
        case .preformatted:
            preformatted(block.plainText, blockIndex: index)
        case .rule:
            blockLines.append(ruleLine(String(repeating: "─", count: textWidth), role: .rule,
                                       blockIndex: index, offset: 0))
        }
    }

    private func quoteBars(depth: Int) -> LinePrefix {
        let text = String(repeating: "│ ", count: max(1, depth))
        return LinePrefix(indent: 0, text: text, role: .quoteBar, width: 2 * max(1, depth))
            .fitted(to: maxPrefixColumns)
    }

    private mutating func flow(_ runs: [InlineRun], base: TextRole, first: LinePrefix, rest: LinePrefix,
                               blockIndex: Int) {
        let avail = max(1, textWidth - first.columns)
        // Register links first (numbering needs mutation; the wrapper only reads numbers).
        if options.linkList { for run in runs { if let url = run.link, !url.isEmpty { _ = number(for: url) } } }
        let numbers = linkNumbers
        let numbering: ((String) -> Int?)? = options.linkList ? { numbers[$0] } : nil
        wrapper.collect(runs, base: base, avail: avail, linkNumber: numbering)
        wrapper.wrap(first: first, rest: rest, avail: avail, base: base, blockIndex: blockIndex, into: &blockLines)
    }

    /// Same URL, same number; numbered in order of first appearance.
    private mutating func number(for url: String) -> Int {
        if let n = linkNumbers[url] { return n }
        links.append(url)
        linkNumbers[url] = links.count
        return links.count
    }

    private func ruleLine(_ text: String, role: TextRole, blockIndex: Int, offset: Int) -> LayoutLine {
        let width = DisplayWidth.width(text)
        let spans = width > 0 ? [LayoutSpan(text: text, role: role, column: 0, width: width)] : []
        return LayoutLine(kind: .decoration, indent: 0, spans: spans, width: width,
                          blockIndex: blockIndex, offset: offset, join: .start)
    }

    /// Preformatted text: line breaks kept, tabs expanded, clipped at the edge, not wrapped.
    private mutating func preformatted(_ text: String, blockIndex: Int) {
        var builder = UnitBuilder()
        var spans = ""
        var col = 0
        var lineOffset = 0
        var clipped = false
        var pending: [LayoutLine] = []
        let tab = max(1, options.tabWidth)
        func add(_ unit: DisplayUnit, _ at: Int) {
            guard !clipped else { return }
            if col + unit.width > textWidth { clipped = true; return }
            spans += unit.text
            col += unit.width
        }
        func endLine() {
            // Trailing blanks carry nothing.
            while spans.last == " " { spans.removeLast(); col -= 1 }
            let lineSpans = col > 0 ? [LayoutSpan(text: spans, role: .preformatted, column: 0, width: col)] : []
            pending.append(LayoutLine(kind: .text, indent: 0, spans: lineSpans, width: col,
                                      blockIndex: blockIndex, offset: lineOffset, join: .start))
            spans = ""; col = 0; clipped = false
        }
        var offset = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                builder.flush(add)
                endLine()
                lineOffset = offset + 1
            case 0x0D:
                break
            case 0x09:
                builder.flush(add)
                let spaces = tab - col % tab
                for _ in 0..<spaces { add(DisplayUnit(text: " ", width: 1), offset) }
            default:
                builder.push(scalar, offset: offset, add)
            }
            offset += 1
        }
        builder.flush(add)
        endLine()
        // Blank lines at either end of a block are noise.
        while let last = pending.last, last.width == 0 { pending.removeLast() }
        guard let firstText = pending.firstIndex(where: { $0.width > 0 }) else { return }
        blockLines.append(contentsOf: pending[firstText...])
    }

    /// One blank line between blocks; none between list items, except around a continuation
    /// paragraph (empty marker); quote bars between quotes.
    private mutating func appendSeparator(between previous: Block.Kind, and next: Block.Kind, nextBlock: Int) {
        switch (previous, next) {
        case (.listItem(_, let a), .listItem(_, let b)) where !a.isEmpty && !b.isEmpty:
            return
        case (.quote(let a), .quote(let b)):
            var bars = quoteBars(depth: min(a, b))
            while bars.text.last == " " { bars.text.removeLast(); bars.width -= 1 }
            let spans = [LayoutSpan(text: bars.text, role: .quoteBar, column: 0, width: bars.width)]
            lines.append(LayoutLine(kind: .blank, indent: 0, spans: bars.width > 0 ? spans : [],
                                    width: bars.width, blockIndex: nextBlock, offset: 0, join: .start))
        default:
            lines.append(blankLine(blockIndex: nextBlock))
        }
    }

    private func blankLine(blockIndex: Int) -> LayoutLine {
        LayoutLine(kind: .blank, indent: 0, spans: [], width: 0, blockIndex: blockIndex, offset: 0, join: .start)
    }

    /// The "Links" heading (block `blockIndex`) and one `[n] url` item per link (block
    /// `blockIndex + n`), URLs broken at the edge.
    private mutating func appendLinkList(blockIndex: Int, after hasBody: Bool) {
        if hasBody { lines.append(blankLine(blockIndex: blockIndex)) }
        blockLines.removeAll(keepingCapacity: true)
        let title = "Links"
        flow([InlineRun(title)], base: .heading(level: 2), first: LinePrefix(indent: 0), rest: LinePrefix(indent: 0),
             blockIndex: blockIndex)
        if options.headingRules {
            let ruleWidth = blockLines.map { $0.width }.max() ?? 0
            blockLines.append(ruleLine(String(repeating: "─", count: ruleWidth), role: .headingRule,
                                       blockIndex: blockIndex, offset: title.unicodeScalars.count))
        }
        for (k, url) in links.enumerated() {
            let marker = "[\(k + 1)] "
            let first = LinePrefix(indent: 0, text: marker, role: .linkReference,
                                   width: marker.utf8.count).fitted(to: maxPrefixColumns)
            let avail = max(1, textWidth - first.columns)
            wrapper.collect([InlineRun(url)], base: .linkURL, avail: avail, linkNumber: nil)
            wrapper.wrap(first: first, rest: LinePrefix(indent: first.columns), avail: avail, base: .linkURL,
                         blockIndex: blockIndex + 1 + k, into: &blockLines)
        }
        lines.append(contentsOf: blockLines)
    }
}
