import CLibXML2
import Foundation
import NewsModel

/// What an HTML document yields besides its blocks (for .html article files).
public struct HTMLDocument: Sendable, Hashable {
    /// `<title>`, else the first `<h1>` (which is then not repeated in `blocks`).
    public var title: String?
    public var blocks: [Block]
    /// `<meta name="keywords">` (comma separated) and `article:tag`.
    public var tags: [String]
    public var author: String?
    /// `<link rel="canonical">`, resolved.
    public var canonicalLink: String?
    /// `article:published_time` (or `date`, `dc.date`, `pubdate`).
    public var published: Date?
    /// `<meta name="description">` / `og:description`.
    public var description: String?
    /// `<html lang>`.
    public var language: String?
    /// `<meta property="article:section">` (or `name="section"`), split at `>`: ["SCIENCE", "Climate"].
    public var section: [String]

    public init(title: String? = nil, blocks: [Block] = [], tags: [String] = [], author: String? = nil,
                canonicalLink: String? = nil, published: Date? = nil, description: String? = nil,
                language: String? = nil, section: [String] = []) {
        self.title = title
        self.blocks = blocks
        self.tags = tags
        self.author = author
        self.canonicalLink = canonicalLink
        self.published = published
        self.description = description
        self.language = language
        self.section = section
    }
}

/// HTML → article blocks (libxml2's HTML parser). Shared by .html article files and feeds.
///
/// One libxml2 parse and one tree walk per call; text is collapsed like a browser does.
/// Links stay on the runs (`InlineRun.link`, absolute when a base is known); the layout turns
/// them into numbered references. A `<br>` is a `"\n"` inside a run. Extra paragraphs inside one
/// list item are `listItem` blocks with an empty marker. Thread-safe: no shared mutable state.
public enum HTMLConverter {
    /// Converts an HTML fragment or document. Relative links resolve against `baseURL`.
    /// Links become numbered references by the layout, not here: runs keep their `link`.
    public static func blocks(fromHTML html: String, baseURL: URL? = nil) -> [Block] {
        // Plain text (common in feed summaries) needs no parser: collapse it like a browser.
        if !html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) {
            var builder = HTMLBlockBuilder(baseURL: baseURL, documentMode: false)
            html.utf8.withContiguousStorageIfAvailable { builder.appendText($0) }
                ?? Array(html.utf8).withUnsafeBufferPointer { builder.appendText($0) }
            return builder.finish().blocks
        }
        return convert(html: html, baseURL: baseURL, documentMode: false).blocks
    }

    /// Converts a whole HTML document: blocks plus title and `<meta>` information.
    public static func document(fromHTML html: String, baseURL: URL? = nil) -> HTMLDocument {
        convert(html: html, baseURL: baseURL, documentMode: true)
    }

    private static let parserInitialized: Void = xmlInitParser()

    static let parseOptions: Int32 = Int32(bitPattern:
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    private static func convert(html: String, baseURL: URL?, documentMode: Bool) -> HTMLDocument {
        _ = parserInitialized
        var html = html
        let utf8Count = html.utf8.count
        guard utf8Count > 0, utf8Count < Int(Int32.max) else { return HTMLDocument() }
        let document: htmlDocPtr? = html.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", parseOptions)
            }
        }
        guard let document else { return HTMLDocument() }
        defer { xmlFreeDoc(document) }
        var builder = HTMLBlockBuilder(baseURL: baseURL, documentMode: documentMode)
        var child = document.pointee.children
        while let node = child {
            builder.visit(node)
            child = node.pointee.next
        }
        return builder.finish()
    }
}
