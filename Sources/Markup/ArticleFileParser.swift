import Foundation
import NewsModel

/// Parses article files (plain-text article format, Markdown, HTML) into articles.
/// STUB: the contract; being built.
public enum ArticleFileParser {
    /// Reads and parses one file; the format comes from the extension (.txt, .md, .html…),
    /// else from sniffing the content.
    public static func parse(fileAt url: URL) throws -> ParsedDocument {
        ParsedDocument(articles: [])
    }

    /// Parses bytes already in memory (embedded demo files, tests). `source` defaults to a file
    /// source named after `fileName`.
    public static func parse(data: Data, fileName: String, source: ArticleSource? = nil) throws -> ParsedDocument {
        ParsedDocument(articles: [])
    }
}
