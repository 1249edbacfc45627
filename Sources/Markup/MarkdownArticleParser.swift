import Foundation
import NewsModel

/// Markdown article files. (Being built.)
enum MarkdownArticleParser {
    static func parse(_ text: String) -> ArticleContent {
        PlainTextArticleParser.parse(text)
    }
}
