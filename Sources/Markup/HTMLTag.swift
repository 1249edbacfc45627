/// What the block builder does with an element, looked up once per element by name
/// (a hash lookup instead of a long chain of string comparisons).
///
/// Void elements (HTML §13.1.2) never have content, but libxml2 2.9's HTML parser predates
/// HTML5: it does not know `embed`, `source`, `track`, `wbr`, `keygen` are void, so it nests
/// everything after an unclosed `<embed>` inside it. Children of a `.void` element are
/// therefore walked as the siblings they really are. `object` and `applet` are replaced
/// elements whose children are fallback content, which is what a terminal shows.
enum HTMLTag: Equatable {
    case dropped, head, headOnly, html, block, heading(Int), list(ordered: Bool), item, quote, pre
    case lineBreak, rule, italic, bold, code, anchor, image, inlineQuote, table, row, cell(header: Bool)
    case transparent, void

    static func of(_ name: String) -> HTMLTag {
        if let tag = byName[name] { return tag }
        // libxml2 lowercases HTML names already; this is for odd input only.
        if name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return byName[name.lowercased()] ?? .transparent }
        return .transparent
    }

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for name in ["script", "style", "noscript", "iframe", "form", "template", "svg", "math",
                     "button", "select", "textarea", "input", "canvas", "audio", "video", "rt", "rp", "map", "dialog"] {
            table[name] = .dropped
        }
        for name in ["p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "center", "address",
                     "details", "summary", "fieldset", "legend", "hgroup", "figure", "figcaption", "dl", "dt", "dd",
                     "body", "caption", "search"] {
            table[name] = .block
        }
        for level in 1...6 { table["h\(level)"] = .heading(level) }
        for name in ["ul", "menu", "dir"] { table[name] = .list(ordered: false) }
        table["ol"] = .list(ordered: true)
        for name in ["pre", "xmp", "listing", "plaintext"] { table[name] = .pre }
        for name in ["em", "i", "cite", "var", "dfn"] { table[name] = .italic }
        for name in ["strong", "b"] { table[name] = .bold }
        for name in ["code", "kbd", "samp", "tt"] { table[name] = .code }
        for name in ["title", "meta", "link", "base"] { table[name] = .headOnly }
        for name in ["embed", "param", "source", "track", "wbr", "keygen", "area", "col", "basefont",
                     "bgsound", "frame", "isindex", "spacer"] {
            table[name] = .void
        }
        table["head"] = .head
        table["html"] = .html
        table["li"] = .item
        table["blockquote"] = .quote
        table["br"] = .lineBreak
        table["hr"] = .rule
        table["a"] = .anchor
        table["img"] = .image
        table["q"] = .inlineQuote
        table["table"] = .table
        table["tr"] = .row
        table["td"] = .cell(header: false)
        table["th"] = .cell(header: true)
        return table
    }()
}
