import NewsModel
import TextLayout

/// A styled piece of a reading-pane line; `scope` is a style scope ("pane.body", "pane.link").
public struct PaneSpan: Sendable, Hashable {
    public var text: String
    public var scope: String
    public init(_ text: String, scope: String) {
        self.text = text
        self.scope = scope
    }
}

/// One display line of the reading pane. `block` is the body block it came from (-1 for the
/// header): the anchor that keeps the same paragraph at the top after a re-wrap.
public struct PaneLine: Sendable, Hashable {
    public var spans: [PaneSpan]
    public var block: Int
    public var indent: Int
    public init(_ spans: [PaneSpan], block: Int, indent: Int = 0) {
        self.spans = spans
        self.block = block
        self.indent = indent
    }
    public var text: String { spans.map(\.text).joined() }
}

/// A search hit in the pane: one column range per display line it covers (a match can run
/// across a wrap). Columns are relative to the line's text start (after `indent`).
public struct PaneMatch: Sendable, Hashable {
    public struct Segment: Sendable, Hashable {
        public var line: Int
        public var startColumn: Int
        public var endColumn: Int
    }
    public var segments: [Segment]
    public var line: Int { segments.first?.line ?? 0 }
}

/// PLACEHOLDER until TextLayout's ArticleLayout lands: a trivial word wrap, one style per
/// block, and a per-line matcher. Do not grow this; replace it.
enum PaneLayout {
    static func body(_ blocks: [Block], width: Int) -> [PaneLine] {
        var lines: [PaneLine] = []
        for (i, block) in blocks.enumerated() {
            if i > 0 { lines.append(PaneLine([], block: i)) }
            let scope: String
            switch block.kind {
            case .heading: scope = "pane.heading"
            case .quote: scope = "pane.quote"
            case .preformatted: scope = "pane.code"
            case .rule: scope = "pane.rule"
            default: scope = "pane.body"
            }
            if case .rule = block.kind {
                lines.append(PaneLine([PaneSpan(String(repeating: "─", count: max(1, width)), scope: scope)], block: i))
                continue
            }
            var text = block.plainText
            if case .listItem(_, let marker) = block.kind { text = marker + " " + text }
            if case .quote = block.kind { text = "│ " + text }
            for row in wrap(text, width: width) { lines.append(PaneLine([PaneSpan(row, scope: scope)], block: i)) }
        }
        return lines
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var rows: [String] = []
        for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var row = ""
            var rowWidth = 0
            for word in para.split(separator: " ") {
                let w = DisplayWidth.width(String(word))
                if rowWidth > 0 && rowWidth + 1 + w > width {
                    rows.append(row); row = ""; rowWidth = 0
                }
                if rowWidth > 0 { row += " "; rowWidth += 1 }
                row += word; rowWidth += w
            }
            rows.append(row)
        }
        return rows
    }

    /// Case-insensitive unless the query has an uppercase letter (smartcase); per line only.
    static func matches(_ query: String, in lines: [PaneLine]) -> [PaneMatch] {
        guard !query.isEmpty else { return [] }
        let smart = query.contains { $0.isUppercase }
        var result: [PaneMatch] = []
        for (n, line) in lines.enumerated() {
            let text = smart ? line.text : line.text.lowercased()
            let q = smart ? query : query.lowercased()
            var searchStart = text.startIndex
            while let r = text.range(of: q, range: searchStart..<text.endIndex) {
                let start = DisplayWidth.width(String(text[..<r.lowerBound]))
                let end = start + DisplayWidth.width(String(text[r]))
                result.append(PaneMatch(segments: [.init(line: n, startColumn: start, endColumn: end)]))
                searchStart = r.upperBound
            }
        }
        return result
    }
}
