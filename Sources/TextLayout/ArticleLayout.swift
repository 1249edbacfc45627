import NewsModel

/// An article body laid out for one width: styled lines ready to draw, plus the numbered
/// link list. Pure and cheap (a few hundred microseconds for 3,000 words), so the reading
/// pane simply lays out again on resize and keeps its place with `anchor(atLine:)` /
/// `firstLine(forAnchor:)`.
public struct ArticleLayout: Sendable, Hashable {
    /// The width asked for (the pane's width).
    public let width: Int
    /// Columns the text really uses: min(width, options.maxTextWidth).
    public let textWidth: Int
    public let options: LayoutOptions
    public let lines: [LayoutLine]
    /// Link targets in order of first appearance; the marker `[n]` refers to `links[n - 1]`.
    public let links: [String]
    /// Number of source blocks. Lines with `blockIndex >= blockCount` belong to the Links
    /// list: `blockCount` is its heading, `blockCount + n` the item of link `[n]`.
    public let blockCount: Int

    public init(blocks: [Block], width: Int, options: LayoutOptions = LayoutOptions()) {
        self.width = width
        self.options = options
        self.textWidth = max(0, min(width, max(1, options.maxTextWidth)))
        self.blockCount = blocks.count
        var builder = LayoutBuilder(textWidth: textWidth, options: options)
        if textWidth > 0 { builder.build(blocks) }
        self.lines = builder.lines
        self.links = builder.links
    }

    /// The anchor of line `index` (clamped). A blank line anchors to the text after it, so
    /// after re-wrapping the same paragraph is at the top.
    public func anchor(atLine index: Int) -> LayoutAnchor {
        guard !lines.isEmpty else { return LayoutAnchor(blockIndex: 0, offset: 0) }
        var i = min(max(0, index), lines.count - 1)
        while lines[i].kind == .blank && i + 1 < lines.count { i += 1 }
        return LayoutAnchor(blockIndex: lines[i].blockIndex, offset: lines[i].offset)
    }

    /// The line showing `anchor`: the last line starting at or before it (its first line if
    /// several start at the same place), never a blank separator. 0 for an empty layout.
    public func firstLine(forAnchor anchor: LayoutAnchor) -> Int {
        guard !lines.isEmpty else { return 0 }
        // Lines are ordered by (blockIndex, offset): binary search the last one ≤ anchor.
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if key(mid) <= anchor { low = mid + 1 } else { high = mid }
        }
        var i = max(0, low - 1)
        while i > 0 && key(i - 1) == key(i) { i -= 1 }
        while lines[i].kind == .blank && i + 1 < lines.count { i += 1 }
        return i
    }

    /// First line of block `blockIndex` (or of the block after it, when it produced no lines).
    public func firstLine(ofBlock blockIndex: Int) -> Int {
        firstLine(forAnchor: LayoutAnchor(blockIndex: blockIndex, offset: 0))
    }

    /// The link number `n` (as in `[n]`, `links[n - 1]`) of a line in the Links list.
    public func linkNumber(ofLine index: Int) -> Int? {
        guard lines.indices.contains(index) else { return nil }
        let n = lines[index].blockIndex - blockCount
        return n >= 1 && n <= links.count ? n : nil
    }

    private func key(_ i: Int) -> LayoutAnchor {
        LayoutAnchor(blockIndex: lines[i].blockIndex, offset: lines[i].offset)
    }

    /// All lines as plain text (for tests, dumps and plain-text output).
    public var textLines: [String] { lines.map(\.text) }
}
