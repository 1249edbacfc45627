import Foundation
import NewsModel

/// Parses article files (plain-text article format, Markdown, HTML) into articles.
/// STUB: the contract; being built.
public enum ArticleFileParser {
    public static func parse(fileAt url: URL) throws -> ParsedDocument {
        ParsedDocument(articles: [])
    }
}
