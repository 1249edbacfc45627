import CLibXML2
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Well-known feed namespaces, mapped to the prefixes the parsers use in element keys.
enum FeedNamespace {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    static let prefixes: [String: String] = [
        atom10: "atom", atom03: "atom",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://purl.org/dc/terms/": "dcterms",
        "http://purl.org/rss/1.0/modules/content/": "content",
        "http://search.yahoo.com/mrss/": "media",
        "http://search.yahoo.com/mrss": "media",
        rdf: "rdf",
        xhtml: "xhtml",
        "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
    ]
}

/// A parsed XML document (libxml2 tree). Strings are copied out; the tree is freed on deinit.
final class XMLTree {
    let doc: xmlDocPtr
    let wellFormed: Bool

    /// Parses sanitised UTF-8 bytes with libxml2: no network, no entity substitution, no DTD,
    /// recovering from errors so a truncated feed keeps what came before the break.
    init(utf8 bytes: [UInt8], url: URL?) throws {
        guard bytes.count < Int(Int32.max) else { throw FeedParserError.notAFeed("document larger than 2 GB") }
        guard let ctxt = xmlNewParserCtxt() else { throw FeedParserError.notAFeed("libxml2 parser unavailable") }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_NOBLANKS.rawValue)
        Self.ignoreDTDs(ctxt)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) { chars in
                    xmlCtxtReadMemory(ctxt, chars, Int32(buf.count), url?.absoluteString, "UTF-8", options)
                }
            }
        }
        guard let parsed else { throw FeedParserError.notAFeed("not XML") }
        doc = parsed
        wellFormed = ctxt.pointee.wellFormed != 0
    }

    deinit { xmlFreeDoc(doc) }

    /// A DOCTYPE that slips past `XMLSanitizer` stays inert: without these SAX callbacks libxml2
    /// parses the internal subset but records no DTD and declares no entity, general or parameter,
    /// so `&a;` and `%p;` expand to nothing (no entity-expansion CPU or memory, no smuggled text).
    private static func ignoreDTDs(_ ctxt: xmlParserCtxtPtr) {
        guard let sax = ctxt.pointee.sax else { return }
        sax.pointee.internalSubset = nil
        sax.pointee.externalSubset = nil
        sax.pointee.entityDecl = nil
        sax.pointee.getParameterEntity = nil
        sax.pointee.unparsedEntityDecl = nil
    }

    var root: XMLElement? {
        xmlDocGetRootElement(doc).map { XMLElement(node: $0, tree: self) }
    }
}

/// One element of an `XMLTree`; valid while its tree lives.
struct XMLElement {
    let node: xmlNodePtr
    unowned let tree: XMLTree

    var localName: String { node.pointee.name.map { String(cString: $0) } ?? "" }
    var namespaceURI: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }
    var prefix: String? { node.pointee.ns?.pointee.prefix.map { String(cString: $0) } }

    /// "dc:creator", "content:encoded", "atom:link"; elements in `bare` namespaces (and in none)
    /// are their local name. Unknown namespaces keep the document's own prefix.
    func key(bare: Set<String>) -> String {
        let local = localName
        guard let uri = namespaceURI else { return local }
        if bare.contains(uri) { return local }
        if let known = FeedNamespace.prefixes[uri] { return known + ":" + local }
        if let prefix { return prefix + ":" + local }
        return local
    }

    var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(node: c, tree: tree)) }
            child = c.pointee.next
        }
        return result
    }

    var hasElementChildren: Bool {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { return true }
            child = c.pointee.next
        }
        return false
    }

    /// All descendant text, entities decoded.
    var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { free(content) }
        return String(cString: content)
    }

    /// Attribute by local name, whatever its namespace (`about` finds `rdf:about`).
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    /// The children serialised as markup (for xhtml content and for HTML left unescaped in RSS).
    var innerXML: String {
        guard let buffer = xmlBufferCreate() else { return text }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let c = child {
            xmlNodeDump(buffer, tree.doc, c, 0, 0)
            child = c.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// The effective base URL here: xml:base attributes up the tree, then the document URL.
    var baseURL: URL? {
        guard let base = xmlNodeGetBase(tree.doc, node) else { return nil }
        defer { free(base) }
        return URL(string: String(cString: base))
    }
}
