import CLibXML2
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plain text of a short HTML snippet (titles): tags dropped, entities decoded, spaces collapsed.
/// Bodies go through Markup's HTMLConverter instead; this is only for one-line strings.
enum HTMLText {
    static func plainText(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return ArticleAssembler.collapseWhitespace(html) }
        let wrapped = "<html><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let count = Int32(wrapped.utf8.count)
        guard let doc = wrapped.withCString({ htmlReadMemory($0, count, nil, "UTF-8", options) }) else {
            return ArticleAssembler.collapseWhitespace(html)
        }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc), let content = xmlNodeGetContent(root) else { return "" }
        defer { free(content) }
        return ArticleAssembler.collapseWhitespace(String(cString: content))
    }
}
