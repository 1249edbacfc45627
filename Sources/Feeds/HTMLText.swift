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
                if name == "script" || name == "style" { break }
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
