import Foundation
import NewsModel
import TextLayout

/// A styled piece of a header line; `scope` is a style scope ("pane.title", "pane.meta").
public struct PaneSpan: Sendable, Hashable {
    public var text: String
    public var scope: String
    public var column: Int
    public init(_ text: String, scope: String, column: Int = 0) {
        self.text = text
        self.scope = scope
        self.column = column
    }
}

/// One line of the pane header (title, section › tags, date · source, link, rule).
public struct PaneLine: Sendable, Hashable {
    public var spans: [PaneSpan]
    public init(_ spans: [PaneSpan]) { self.spans = spans }
    public var text: String { spans.map(\.text).joined() }
}

/// What the reading pane shows: header lines, then the body as TextLayout laid it out.
/// Display line `n` is `header[n]`, or `layout.lines[n - header.count]`.
public struct PaneContent: Sendable {
    public var header: [PaneLine]
    public var layout: ArticleLayout
    public var index: SearchIndex

    /// Bytes of body text laid out; the rest is left out with a note. Layout and the search
    /// index run on the UI thread, and a 5 MB article took seconds to open.
    public static let displayLimit = 512 * 1024
    /// Matches counted per search; beyond it the status line says "10000+".
    public static let matchLimit = 10_000

    public init(article: Article, width: Int, maxTextWidth: Int, timeZone: TimeZone) {
        let options = LayoutOptions(maxTextWidth: maxTextWidth)
        header = PaneHeader.lines(article, width: width, options: options, timeZone: timeZone)
        layout = ArticleLayout(blocks: Self.capped(article.body, limit: Self.displayLimit), width: width, options: options)
        index = SearchIndex(layout: layout)
    }

    /// The first `limit` bytes of text of `blocks`, plus a note saying how much was left out.
    static func capped(_ blocks: [Block], limit: Int) -> [Block] {
        let total = blocks.reduce(0) { sum, block in sum + block.runs.reduce(0) { $0 + $1.text.utf8.count } }
        guard total > limit else { return blocks }
        var kept: [Block] = []
        var budget = limit
        for block in blocks {
            guard budget > 0 else { break }
            var cut = block
            cut.runs = []
            for run in block.runs {
                guard budget > 0 else { break }
                var piece = run
                if run.text.utf8.count > budget {
                    // Cut on a scalar boundary: drop a trailing partial sequence.
                    var text = String(decoding: run.text.utf8.prefix(budget), as: UTF8.self)
                    while text.unicodeScalars.last == "\u{FFFD}" { text.unicodeScalars.removeLast() }
                    piece.text = text
                }
                budget -= piece.text.utf8.count
                if piece.text.utf8.count < run.text.utf8.count { budget = 0 }
                cut.runs.append(piece)
            }
            kept.append(cut)
        }
        let shown = kept.reduce(0) { sum, block in sum + block.runs.reduce(0) { $0 + $1.text.utf8.count } }
        let more = max(1, (total - shown + 1023) / 1024)
        kept.append(Block(.paragraph, text: "[article truncated for display: \(more) KB more]"))
        return kept
    }

    public var lineCount: Int { header.count + layout.lines.count }
    public var width: Int { layout.width }
    public var textWidth: Int { layout.textWidth }

    /// The body line under display line `n`, if it is one.
    public func bodyLine(_ n: Int) -> Int? {
        let i = n - header.count
        return i >= 0 && i < layout.lines.count ? i : nil
    }

    /// Where the text at the top of the screen is, in terms that survive a re-wrap.
    public func anchor(atLine n: Int) -> LayoutAnchor? {
        guard n >= header.count, !layout.lines.isEmpty else { return nil }
        return layout.anchor(atLine: n - header.count)
    }

    public func line(for anchor: LayoutAnchor) -> Int { header.count + layout.firstLine(forAnchor: anchor) }

    /// The first line of body block `block` (the saved reading position).
    public func line(ofBlock block: Int) -> Int { header.count + layout.firstLine(ofBlock: block) }

    /// The body block at display line `n` (0 while the header is at the top).
    public func block(atLine n: Int) -> Int {
        guard let a = anchor(atLine: n) else { return 0 }
        return min(a.blockIndex, max(0, layout.blockCount - 1))
    }
}

/// The header at the top of the pane, wrapped by TextLayout like the body.
enum PaneHeader {
    static func lines(_ article: Article, width: Int, options: LayoutOptions, timeZone: TimeZone) -> [PaneLine] {
        var plain = options
        plain.linkList = false
        plain.headingRules = false
        var lines: [PaneLine] = []
        func add(_ text: String, _ scope: String) {
            let layout = ArticleLayout(blocks: [Block(.paragraph, text: text)], width: width, options: plain)
            for line in layout.lines where line.kind == .text {
                lines.append(PaneLine(line.spans.map { PaneSpan($0.text, scope: scope, column: $0.column) }))
            }
        }
        add(article.title.isEmpty ? "(untitled)" : article.title, "pane.title")
        var crumbs = article.section.joined(separator: " › ")
        if !article.tags.isEmpty {
            crumbs += (crumbs.isEmpty ? "" : " · ") + article.tags.map { "#" + $0 }.joined(separator: " ")
        }
        if !crumbs.isEmpty { add(crumbs, "pane.meta") }
        var meta: [String] = []
        if let date = article.published ?? article.updated { meta.append(format(date, timeZone: timeZone)) }
        if let author = article.author, !author.isEmpty { meta.append(author) }
        meta.append(article.source.name)
        add(meta.joined(separator: " · "), "pane.meta")
        if let link = article.link, !link.isEmpty { add(link, "pane.link") }
        let ruleWidth = max(1, min(width, options.maxTextWidth))
        lines.append(PaneLine([PaneSpan(String(repeating: "─", count: ruleWidth), scope: "pane.rule")]))
        lines.append(PaneLine([]))
        return lines
    }

    static func format(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }
}

extension TextRole {
    /// The style scope the pane draws this role with.
    var scope: String {
        switch self {
        case .body: return "pane.body"
        case .heading, .headingRule: return "pane.heading"
        case .emphasis: return "pane.emphasis"
        case .strong: return "pane.strong"
        case .code, .preformatted: return "pane.code"
        case .link, .linkURL: return "pane.link"
        case .linkReference: return "pane.linkref"
        case .quoteBar, .quote: return "pane.quote"
        case .listMarker: return "pane.body"
        case .image: return "pane.image"
        case .rule: return "pane.rule"
        }
    }
}
