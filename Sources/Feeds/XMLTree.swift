import CLibXML2
import Foundation
import Markup
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
    private(set) var doc: xmlDocPtr?
    private(set) var wellFormed = false
    /// Where the document came from: the base of every relative reference without xml:base.
    let documentURL: URL?
    /// Called the moment an element's end tag is parsed, while the rest of the document is still
    /// unread: a feed hands each item on here and frees it, so the tree never holds them all.
    private let elementClosed: ((XMLElement) -> Void)?

    /// Parses sanitised UTF-8 bytes with libxml2: no network, no entity substitution, no DTD,
    /// recovering from errors so a truncated feed keeps what came before the break.
    convenience init(utf8 bytes: [UInt8], url: URL?, elementClosed: ((XMLElement) -> Void)? = nil) throws {
        guard bytes.count < Int(Int32.max) else { throw FeedParserError.notAFeed("document larger than 2 GB") }
        try self.init(url: url, elementClosed: elementClosed, streamed: elementClosed != nil) { feed in
            _ = bytes.withUnsafeBufferPointer { feed($0) }
        }
    }

    /// The same for a document handed over in pieces by `produce` as it is made (each piece
    /// final): `feed` returns false once libxml2 has given up on the document, so the producer
    /// can stop. Always a streamed (push) parse.
    convenience init(url: URL?, elementClosed: ((XMLElement) -> Void)? = nil,
                     produce: ((UnsafeBufferPointer<UInt8>) -> Bool) throws -> Void) throws {
        try self.init(url: url, elementClosed: elementClosed, streamed: true, produce: produce)
    }

    private init(url: URL?, elementClosed: ((XMLElement) -> Void)?, streamed: Bool,
                 produce: ((UnsafeBufferPointer<UInt8>) -> Bool) throws -> Void) throws {
        _ = Self.parserInitialized
        documentURL = url
        self.elementClosed = elementClosed
        guard let ctxt = xmlNewParserCtxt() else { throw FeedParserError.notAFeed("libxml2 parser unavailable") }
        defer { xmlFreeParserCtxt(ctxt) }
        let parsed: xmlDocPtr? = try withExtendedLifetime(self) {
            if streamed { return try Self.push(into: ctxt, url: url, hooks: self, produce: produce) }
            var doc: xmlDocPtr?
            Self.ignoreDTDs(ctxt)
            try produce { whole in
                doc = whole.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: whole.count) { chars in
                        xmlCtxtReadMemory(ctxt, chars, Int32(whole.count), url?.absoluteString, "UTF-8", Self.options)
                    }
                }
                return false
            }
            return doc
        }
        guard let parsed else { throw FeedParserError.notAFeed("not XML") }
        parsing = nil
        doc = parsed
        wellFormed = ctxt.pointee.wellFormed != 0
    }

    /// No XML_PARSE_NOBLANKS: its "ignorable whitespace" guess drops the space in
    /// `<b>Hello</b> <i>world</i>` inside raw XHTML content and titles.
    private static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2's one-time setup (`xmlInitParser`) is not thread-safe, and a refresh creates its
    /// first parser contexts on several threads at once; Markup's HTML parsing guarded it, the
    /// feed parser did not. The likely cause of a refresh that crashed with SIGSEGV in about one
    /// of 25 KillSafetyTests runs. Swift runs this exactly once.
    private static let parserInitialized: Void = xmlInitParser()

    /// A streamed parse: libxml2's push parser fed at most 64 KB at a time, with the same options
    /// and encoding as `xmlCtxtReadMemory`. Pulling from memory, libxml2 copies the whole
    /// document into its input buffer (twice, through the UTF-8 "conversion"); pushed, it keeps
    /// only what it has not parsed yet, so a big feed costs one item's tree besides its bytes.
    private static func push(into ctxt: xmlParserCtxtPtr, url: URL?, hooks tree: XMLTree,
                             produce: ((UnsafeBufferPointer<UInt8>) -> Bool) throws -> Void) rethrows -> xmlDocPtr? {
        guard xmlCtxtResetPush(ctxt, nil, 0, url?.absoluteString, "UTF-8") == 0 else { return nil }
        _ = xmlCtxtUseOptions(ctxt, options)
        ignoreDTDs(ctxt)
        if tree.elementClosed != nil, let sax = ctxt.pointee.sax {
            sax.pointee.endElementNs = xmlTreeEndElement
            sax.pointee._private = Unmanaged.passUnretained(tree).toOpaque()
        }
        let slice = 65_536
        var stopped = false
        defer {
            // Thrown out of (the sanitiser refused the rest): free what libxml2 built so far.
            if let partial = ctxt.pointee.myDoc {
                xmlFreeDoc(partial)
                ctxt.pointee.myDoc = nil
            }
        }
        try produce { piece in
            guard !stopped, let base = piece.baseAddress else { return !stopped }
            var offset = 0
            while offset < piece.count {
                let length = min(slice, piece.count - offset)
                let status = base.withMemoryRebound(to: CChar.self, capacity: piece.count) {
                    xmlParseChunk(ctxt, $0 + offset, Int32(length), 0)
                }
                // A fatal error stops the parser (recovery keeps what came before); stop feeding it.
                if status != 0 && ctxt.pointee.disableSAX != 0 {
                    stopped = true
                    return false
                }
                offset += length
            }
            return true
        }
        _ = xmlParseChunk(ctxt, nil, 0, 1)
        let doc = ctxt.pointee.myDoc
        ctxt.pointee.myDoc = nil
        return doc
    }

    /// The SAX end-element hook: libxml2 closes the element first (so the tree is as a full parse
    /// leaves it), then the element is handed on.
    fileprivate func closed(_ node: xmlNodePtr) {
        parsing = node.pointee.doc
        elementClosed?(XMLElement(node: node, tree: self))
    }

    /// The document libxml2 is building, for `root` while the parse runs (owned by libxml2 until
    /// it returns it as `doc`).
    private var parsing: xmlDocPtr?

    deinit { if let doc { xmlFreeDoc(doc) } }

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
        (doc ?? parsing).flatMap { xmlDocGetRootElement($0) }.map { XMLElement(node: $0, tree: self) }
    }
}

/// `endElementNs` for trees parsed with an `elementClosed` hook; `ctxt->sax->_private` is the tree (xmlCtxtReadMemory resets `ctxt->_private`).
private func xmlTreeEndElement(_ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                               _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
    guard let context else { return }
    let ctxt = context.assumingMemoryBound(to: xmlParserCtxt.self)
    let node = ctxt.pointee.node
    xmlSAX2EndElementNs(context, localName, prefix, uri)
    guard let node, node.pointee.type == XML_ELEMENT_NODE, let owner = ctxt.pointee.sax?.pointee._private else { return }
    Unmanaged<XMLTree>.fromOpaque(owner).takeUnretainedValue().closed(node)
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

    /// Frees everything inside this element and marks it consumed: a feed item already read while
    /// the document was parsed. The element itself stays, so libxml2's view of its parent (the last
    /// child it appends text after) is what it expects.
    func discardContent() {
        if let children = node.pointee.children { xmlFreeNodeList(children) }
        node.pointee.children = nil
        node.pointee.last = nil
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: Self.consumedMark)
    }

    /// True for an element emptied by `discardContent`.
    var isConsumed: Bool { node.pointee._private == UnsafeMutableRawPointer(bitPattern: Self.consumedMark) }

    /// Any non-nil address no allocation can have.
    private static let consumedMark = 1

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
            xmlNodeDump(buffer, c.pointee.doc, c, 0, 0)
            child = c.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// The effective base URL here (XML Base §4.2): the document URL, then each xml:base from
    /// the root down to this element resolved against the one above. Done here rather than
    /// with libxml2's xmlNodeGetBase, whose URI parser gives up on IRIs (non-ASCII characters).
    var baseURL: URL? {
        var bases: [String] = []
        var current: xmlNodePtr? = node
        while let n = current, n.pointee.type == XML_ELEMENT_NODE {
            if let base = Self.xmlBase(n) { bases.append(base) }
            current = n.pointee.parent
        }
        var base = tree.documentURL
        for reference in bases.reversed() { base = LinkResolver.resolveURL(reference, against: base) ?? base }
        return base
    }

    private static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    private static func xmlBase(_ node: xmlNodePtr) -> String? {
        guard node.pointee.properties != nil, let value = xmlGetNsProp(node, "base", xmlNamespace) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    /// Makes every `href`/`src` below this element absolute, against `base` and any xml:base on
    /// the way down, so raw (X)HTML content keeps its links once serialised.
    func resolveLinks(base: URL?) {
        func walk(_ parent: xmlNodePtr, _ base: URL?) {
            var child = parent.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE {
                    var here = base
                    if let reference = Self.xmlBase(c) { here = LinkResolver.resolveURL(reference, against: base) ?? base }
                    if c.pointee.properties != nil {
                        for name in ["href", "src"] {
                            guard let raw = xmlGetProp(c, name) else { continue }
                            let value = String(cString: raw)
                            free(raw)
                            if let resolved = LinkResolver.resolve(value, against: here), resolved != value {
                                xmlSetProp(c, name, resolved)
                            }
                        }
                    }
                    walk(c, here)
                }
                child = c.pointee.next
            }
        }
        walk(node, base)
    }
}
