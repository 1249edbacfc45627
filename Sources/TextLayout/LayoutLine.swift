import TerminalText
/// A run of text on one line with one role. Spans of a line are contiguous: the first starts
/// at the line's `indent`, each next one where the previous ends.
public struct LayoutSpan: Sendable, Hashable {
    /// Sanitised text (safe for the terminal), measured by `DisplayWidth`.
    public var text: String
    public var role: TextRole
    /// Column where the span starts, counted from the left edge of the text area.
    public var column: Int
    public var width: Int

    public init(text: String, role: TextRole, column: Int, width: Int) {
        self.text = text
        self.role = role
        self.column = column
        self.width = width
    }
}

/// How a line continues the text of the line above it (used by search to find words split
/// across a wrap, and to map anchors).
public enum LineJoin: Sendable, Hashable {
    /// Starts a new piece of text (first line of a block, a preformatted line, a blank line).
    case start
    /// Continues the previous line; the wrap replaced one space.
    case space
    /// Continues the previous line directly: a word, URL or CJK run was broken at the edge.
    case direct
    /// Continues the block after a hard line break (a `"\n"` in a run: `<br>`, a Markdown hard
    /// break), at the same indent. Like a preformatted line, search never matches across it.
    case lineBreak
}

public enum LineKind: Sendable, Hashable {
    /// Separator between blocks: no spans (a quote separator has its bars only).
    case blank
    /// Text of a block, or of the Links list.
    case text
    /// A heading underline or a horizontal rule.
    case decoration
}

/// One laid-out line of an article.
public struct LayoutLine: Sendable, Hashable {
    public var kind: LineKind
    /// Blank columns before the first span.
    public var indent: Int
    public var spans: [LayoutSpan]
    /// Columns used, indent included; never more than the layout's text width.
    public var width: Int
    /// Index of the source block. The Links list uses `blocks.count` for its heading and
    /// `blocks.count + n` for link `[n]`; a blank separator uses the index of the block after it.
    public var blockIndex: Int
    /// Offset, in Unicode scalars of the block's `plainText` (in the Links list: of the
    /// URL), of the first character on this line.
    public var offset: Int
    public var join: LineJoin

    public init(kind: LineKind, indent: Int, spans: [LayoutSpan], width: Int,
                blockIndex: Int, offset: Int, join: LineJoin) {
        self.kind = kind
        self.indent = indent
        self.spans = spans
        self.width = width
        self.blockIndex = blockIndex
        self.offset = offset
        self.join = join
    }

    /// The line as plain text, indent included (for tests and plain output).
    public var text: String {
        var s = String(repeating: " ", count: indent)
        for span in spans { s += span.text }
        return s
    }
}

/// A position in the article that survives re-wrapping: a block and a scalar offset in its
/// `plainText`.
public struct LayoutAnchor: Sendable, Hashable, Comparable {
    public var blockIndex: Int
    public var offset: Int

    public init(blockIndex: Int, offset: Int = 0) {
        self.blockIndex = blockIndex
        self.offset = offset
    }

    public static func < (a: LayoutAnchor, b: LayoutAnchor) -> Bool {
        (a.blockIndex, a.offset) < (b.blockIndex, b.offset)
    }
}

public struct LayoutOptions: Sendable, Hashable {
    /// Text never gets wider than this, however wide the pane.
    public var maxTextWidth: Int
    /// Tab stops in preformatted blocks.
    public var tabWidth: Int
    /// Append `[n]` after links and a numbered Links list at the end.
    public var linkList: Bool
    /// Underline level 1 and 2 headings.
    public var headingRules: Bool

    public init(maxTextWidth: Int = 80, tabWidth: Int = 8, linkList: Bool = true, headingRules: Bool = true) {
        self.maxTextWidth = maxTextWidth
        self.tabWidth = tabWidth
        self.linkList = linkList
        self.headingRules = headingRules
    }
}
