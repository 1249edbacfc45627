import CLibXML2
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plain one-line text of a short HTML snippet (titles, summaries): tags dropped, entities
/// decoded, block boundaries become spaces, script/style dropped, spaces collapsed.
/// Bodies go through Markup's HTMLConverter instead; this is only for one-line strings.
enum HTMLText {
    static func plainText(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return ArticleAssembler.collapseWhitespace(html) }
        let wrapped = "<html><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let count = Int32(clamping: wrapped.utf8.count)
        guard let doc = wrapped.withCString({ htmlReadMemory($0, count, nil, "UTF-8", options) }) else {
            return ArticleAssembler.collapseWhitespace(html)
        }
        defer { xmlFreeDoc(doc) }
        var out = ""
        collect(xmlDocGetRootElement(doc), into: &out)
        return ArticleAssembler.collapseWhitespace(out)
    }

    /// Elements whose text is code or machinery, never words of a title.
    private static let dropped: Set<String> = ["script", "style", "noscript", "template", "iframe", "object", "applet"]

    /// Element names that make text "look like HTML" (`<b>`, `</blink>`): plain-text fields of
    /// RSS (which has no type attribute) often carry escaped markup. A `<vector>` stays text.
    private static let knownElements: Set<String> = [
        "a", "abbr", "acronym", "address", "applet", "b", "basefont", "bdo", "big", "blink", "blockquote", "body",
        "br", "button", "center", "cite", "code", "del", "dfn", "div", "dl", "dt", "dd", "em", "embed", "font",
        "form", "frame", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i", "iframe", "img", "input",
        "ins", "kbd", "li", "link", "marquee", "meta", "nobr", "noscript", "object", "ol", "p", "pre", "q", "s",
        "samp", "script", "small", "span", "strike", "strong", "style", "sub", "sup", "table", "td", "th", "tr",
        "tt", "u", "ul", "var", "wbr", "mark", "time", "figure", "video", "audio", "svg", "math",
    ]

    /// True when `text` holds an HTML comment or a tag of a known HTML element.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.contains(UInt8(ascii: "<")) else { return false }
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            var i = bytes.index(after: open)
            if bytes[i...].starts(with: "!--".utf8) { return true }
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "/") { i = bytes.index(after: i) }
            var name: [UInt8] = []
            while i < bytes.endIndex, name.count < 12, let byte = Optional(bytes[i] | 0x20),
                  (byte >= 0x61 && byte <= 0x7A) || (bytes[i] >= 0x30 && bytes[i] <= 0x39 && !name.isEmpty) {
                name.append(byte)
                i = bytes.index(after: i)
            }
            let terminator = i < bytes.endIndex ? bytes[i] : 0
            if !name.isEmpty, terminator == 0x3E || terminator == 0x2F || terminator == 0x20 || terminator == 0x09
                || terminator == 0x0A || terminator == 0x0D,
               knownElements.contains(String(decoding: name, as: UTF8.self)) {
                return true
            }
            index = bytes.index(after: open)
        }
        return false
    }

    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "blockquote", "pre", "section", "article", "figure", "figcaption", "dd", "dt", "hr", "header", "footer",
    ]

    private static func collect(_ node: xmlNodePtr?, into out: inout String) {
        var child = node?.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { out += String(cString: content) }
            case XML_ELEMENT_NODE:
                let name = c.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if dropped.contains(name) { break }
                let block = blocks.contains(name)
                if block { out += " " }
                collect(c, into: &out)
                if block { out += " " }
            default:
                break
            }
            child = c.pointee.next
        }
    }
}
