import CLibXML2
import Foundation
import NewsModel

/// One walk over a libxml2 HTML tree, emitting blocks as block boundaries are met.
/// Inline text accumulates in `InlineAccumulator`; containers (lists, quotes, headings, pre,
/// table rows) are tracked as plain state saved and restored around each element.
struct HTMLBlockBuilder {
    private enum Container { case none, item, quote }
    private struct ListFrame {
        var ordered: Bool
        var next: Int
        var step: Int
        var style: Character
    }

    /// List and quote depths reported beyond this are clamped (libxml2 itself stops at 256).
    static let maxDepth = 16

    private(set) var blocks: [Block] = []
    private var inline = InlineAccumulator()
    private var baseURL: URL?
    private let documentMode: Bool
    private var meta = HTMLMetadataCollector()

    private var headingLevel: Int?
    private var preDepth = 0
    private var quoteDepth = 0
    private var container = Container.none
    private var lists: [ListFrame] = []
    /// Marker for the first block of the current `<li>`; "" once used (continuation blocks).
    private var itemMarker = ""
    private var rowDepth = 0
    private var cellIndex = 0
    private var sawFirstH1 = false
    private var sawBaseElement = false

    init(baseURL: URL?, documentMode: Bool) {
        self.baseURL = baseURL
        self.documentMode = documentMode
    }

    mutating func finish() -> HTMLDocument {
        flush()
        var result = meta.document(baseURL: baseURL)
        result.blocks = blocks
        // A <title> repeated as the first heading is shown once.
        if documentMode, let title = result.title, let first = blocks.first,
           case .heading = first.kind, InlineAccumulator.collapsed(first.plainText).lowercased() == title.lowercased() {
            result.blocks.removeFirst()
        }
        return result
    }

    // MARK: Walking

    mutating func visit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return }
            let buffer = UnsafeBufferPointer(start: content, count: strlen(content))
            if preDepth > 0 { inline.appendPreformatted(buffer) } else { inline.appendText(buffer) }
        case XML_ELEMENT_NODE:
            element(node)
        case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE, XML_DOCUMENT_FRAG_NODE:
            visitChildren(node)
        default:
            break  // comments, processing instructions, DTD
        }
    }

    /// Deeper elements are walked for their text only, without recursion: each level of the
    /// walk costs stack (libxml2 also stops nesting at 256; this holds whatever it does).
    static let maxWalkDepth = 100
    private var walkDepth = 0

    private mutating func visitChildren(_ node: xmlNodePtr) {
        guard walkDepth < Self.maxWalkDepth else { return appendSubtreeText(node) }
        walkDepth += 1
        defer { walkDepth -= 1 }
        var child = node.pointee.children
        while let current = child {
            visit(current)
            child = current.pointee.next
        }
    }

    /// The text under `root` in document order, by an explicit walk (no recursion).
    private mutating func appendSubtreeText(_ root: xmlNodePtr) {
        var current = root.pointee.children
        while let node = current {
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
                visit(node)
            } else if node.pointee.type == XML_ELEMENT_NODE, let first = node.pointee.children,
                      HTMLTag.of(String(cString: node.pointee.name)) != .dropped {
                current = first
                continue
            }
            current = nil
            var climb: xmlNodePtr? = node
            while let up = climb, up != root {
                if let next = up.pointee.next { current = next; break }
                climb = up.pointee.parent
            }
        }
    }

    /// For the plain-text fast path.
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        inline.appendText(bytes)
    }

    private mutating func element(_ node: xmlNodePtr) {
        guard let rawName = node.pointee.name else { return }
        switch HTMLTag.of(String(cString: rawName)) {
        case .dropped:
            return
        case .head:
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { headElement(current) }
                child = current.pointee.next
            }
        case .headOnly:
            headElement(node)
            // <link>/<meta>/<base> are void: whatever libxml2 hung below them follows them.
            if node.pointee.children != nil, !Self.isTitle(rawName) { visitChildren(node) }
        case .void:
            visitChildren(node)
        case .html:
            if let lang = HTMLNode.attribute(node, "lang") { meta.language = lang }
            visitChildren(node)
        case .block:
            block { $0.visitChildren(node) }
        case .heading(let level):
            heading(node, level: level)
        case .list(let ordered):
            list(node, ordered: ordered)
        case .item:
            listItem(node)
        case .quote:
            block {
                $0.quoteDepth += 1
                let saved = $0.container
                $0.container = .quote
                $0.visitChildren(node)
                $0.flush()
                $0.container = saved
                $0.quoteDepth -= 1
            }
        case .pre:
            block {
                $0.preDepth += 1
                $0.visitChildren(node)
                $0.flush()
                $0.preDepth -= 1
            }
        case .lineBreak:
            if rowDepth > 0 { inline.softSpace() } else if preDepth > 0 { inline.preformattedNewline() } else { inline.lineBreak() }
        case .rule:
            if rowDepth > 0 { inline.softSpace(); return }
            flush()
            blocks.append(Block(.rule, []))
        case .italic:
            styled(node, .italic)
        case .bold:
            styled(node, .bold)
        case .code:
            styled(node, preDepth > 0 ? [] : .code)
        case .anchor:
            let saved = inline.link
            if let href = HTMLNode.attribute(node, "href"), let target = LinkResolver.resolve(href, against: baseURL) {
                inline.link = target
            }
            visitChildren(node)
            inline.link = saved
        case .image:
            // 1×1 tracking pixels (common in feeds) are not content.
            if HTMLNode.attribute(node, "width").map(Self.isTiny) == true
                || HTMLNode.attribute(node, "height").map(Self.isTiny) == true { return }
            let alt = InlineAccumulator.collapsed(HTMLNode.attribute(node, "alt") ?? "")
            inline.appendAtom(alt.isEmpty ? "[image]" : "[image: \(alt)]")
        case .inlineQuote:
            inline.appendAtom("“")
            visitChildren(node)
            inline.appendAtom("”")
        case .table:
            block { $0.visitChildren(node) }
        case .row:
            tableRow(node)
        case .cell(let header):
            tableCell(node, header: header)
        case .transparent:
            // span, font, small, u, s, sup, sub, mark, abbr, time, label, thead, tbody, unknown…
            visitChildren(node)
        }
    }

    // MARK: Containers

    /// A block-level element: whatever inline text came before it is its own block, and so is
    /// whatever follows. Inside a table row, blocks are flattened into the row.
    private mutating func block(_ body: (inout HTMLBlockBuilder) -> Void) {
        if rowDepth > 0 {
            inline.softSpace()
            body(&self)
            inline.softSpace()
            return
        }
        flush()
        body(&self)
        flush()
    }

    private mutating func heading(_ node: xmlNodePtr, level: Int) {
        block {
            let saved = $0.headingLevel
            $0.headingLevel = level
            let before = $0.blocks.count
            $0.visitChildren(node)
            $0.flush()
            $0.headingLevel = saved
            // Document without <title>: the first <h1> is the title, not a body block.
            if level == 1, $0.documentMode, !$0.sawFirstH1 {
                $0.sawFirstH1 = true
                if $0.meta.title == nil, $0.blocks.count > before {
                    let text = $0.blocks[before...].map(\.plainText).joined(separator: " ")
                    $0.meta.title = InlineAccumulator.collapsed(text)
                    $0.blocks.removeSubrange(before...)
                }
            }
        }
    }

    private mutating func list(_ node: xmlNodePtr, ordered: Bool) {
        var frame = ListFrame(ordered: ordered, next: 1, step: 1, style: "1")
        if ordered {
            if let type = HTMLNode.attribute(node, "type"), let first = type.first, "aAiI1".contains(first) { frame.style = first }
            if HTMLNode.attribute(node, "reversed") != nil {
                frame.step = -1
                frame.next = HTMLNode.childCount(node, named: "li")
            }
            if let start = Self.integerAttribute(node, "start") { frame.next = start }
        }
        block {
            $0.lists.append(frame)
            $0.visitChildren(node)
            $0.flush()
            $0.lists.removeLast()
        }
    }

    private mutating func listItem(_ node: xmlNodePtr) {
        var marker = PlainTextHeuristics.bulletMarker(depth: max(1, lists.count))
        if var frame = lists.last, frame.ordered {
            if let value = Self.integerAttribute(node, "value") { frame.next = value }
            marker = ListMarker.ordered(frame.next, style: frame.style) + "."
            frame.next += frame.step
            lists[lists.count - 1] = frame
        }
        block {
            let savedMarker = $0.itemMarker, savedContainer = $0.container
            $0.itemMarker = marker
            $0.container = .item
            $0.visitChildren(node)
            $0.flush()
            $0.itemMarker = savedMarker
            $0.container = savedContainer
        }
    }

    private static func isTiny(_ size: String) -> Bool {
        let digits = size.trimmingWhitespace().prefix(while: { $0.isASCII && $0.isNumber })
        return digits == "0" || digits == "1"
    }

    /// Numbering attributes, clamped so hostile values cannot overflow the counter.
    private static func integerAttribute(_ node: xmlNodePtr, _ name: String) -> Int? {
        guard let text = HTMLNode.attribute(node, name)?.trimmingWhitespace(),
              let value = Int(text.prefix(12)) else { return nil }
        return min(max(value, -1_000_000_000), 1_000_000_000)
    }

    private mutating func tableRow(_ node: xmlNodePtr) {
        if rowDepth > 0 {  // a table nested in a cell: flatten into the outer row
            visitChildren(node)
            return
        }
        flush()
        rowDepth = 1
        cellIndex = 0
        visitChildren(node)
        flush()
        rowDepth = 0
    }

    private mutating func tableCell(_ node: xmlNodePtr, header: Bool) {
        if rowDepth > 0 {
            if cellIndex > 0 { inline.separator(" │ ") }
            cellIndex += 1
        }
        if header { styled(node, .bold) } else { visitChildren(node) }
    }

    private mutating func styled(_ node: xmlNodePtr, _ emphasis: InlineRun.Emphasis) {
        let saved = inline.emphasis
        inline.emphasis.formUnion(emphasis)
        visitChildren(node)
        inline.emphasis = saved
    }

    private mutating func headElement(_ node: xmlNodePtr) {
        guard let rawName = node.pointee.name else { return }
        switch String(cString: rawName).lowercased() {
        case "title":
            if meta.title == nil {
                let text = InlineAccumulator.collapsed(HTMLNode.textContent(node))
                if !text.isEmpty { meta.title = text }
            }
        case "meta":
            meta.addMeta(name: HTMLNode.attribute(node, "name") ?? HTMLNode.attribute(node, "property"),
                         content: HTMLNode.attribute(node, "content"))
        case "link":
            if let rel = HTMLNode.attribute(node, "rel"), rel.lowercased().split(separator: " ").contains("canonical"),
               let href = HTMLNode.attribute(node, "href") {
                meta.canonical = href
                // A saved page's relative links were relative to where it was published.
                if documentMode, !sawBaseElement, baseURL == nil || baseURL?.isFileURL == true,
                   let resolved = LinkResolver.resolve(href, against: baseURL), let url = URL(string: resolved),
                   url.scheme == "http" || url.scheme == "https" {
                    baseURL = url
                }
            }
        case "base":
            if let href = HTMLNode.attribute(node, "href"), let resolved = LinkResolver.resolve(href, against: baseURL),
               let url = URL(string: resolved) {
                baseURL = url
                sawBaseElement = true
            }
        default:
            break
        }
    }

    private static func isTitle(_ name: UnsafePointer<xmlChar>) -> Bool {
        strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "title") == 0
    }

    // MARK: Emitting

    /// Ends the current block, if it has any visible text.
    private mutating func flush() {
        guard let runs = inline.take(preformatted: preDepth > 0) else { return }
        let kind: Block.Kind
        if preDepth > 0 {
            kind = .preformatted
        } else if let level = headingLevel {
            kind = .heading(level: level)
        } else {
            switch container {
            case .item:
                kind = .listItem(depth: min(max(1, lists.count), Self.maxDepth), marker: itemMarker)
                itemMarker = ""
            case .quote:
                kind = .quote(depth: min(quoteDepth, Self.maxDepth))
            case .none:
                kind = .paragraph
            }
        }
        blocks.append(Block(kind, runs))
    }
}
