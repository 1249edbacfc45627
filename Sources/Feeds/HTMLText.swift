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
        guard text.utf8.contains(UInt8(ascii: "<")) else { return false }  // most titles: no copy
        let bytes = Array(text.utf8)
        var open = 0
        while let found = bytes[open...].firstIndex(of: UInt8(ascii: "<")) {
            var i = found + 1
            if bytes[i...].starts(with: "!--".utf8) { return true }
            if i < bytes.count, bytes[i] == UInt8(ascii: "/") { i += 1 }
            let start = i
            while i < bytes.count, i - start < 12 {
                let lower = bytes[i] | 0x20
                let isLetter = lower >= 0x61 && lower <= 0x7A
                let isDigit = bytes[i] >= 0x30 && bytes[i] <= 0x39 && i > start  // h1…h6
                guard isLetter || isDigit else { break }
                i += 1
            }
            if i > start, i < bytes.count, [0x3E, 0x2F, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]),
               knownElements.contains(String(decoding: bytes[start..<i].map { $0 | 0x20 }, as: UTF8.self)) {
                return true
            }
            open = found + 1
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
