import Foundation
import NewsModel

/// Parses article files (plain-text article format, Markdown, HTML) into articles.
///
/// The result is a `ParsedDocument` with one article (`feed` nil) whose guid is the file's
/// absolute path, so importing the same file again yields the same id. Bad input throws an
/// `ArticleFileError` naming the file; recoverable problems (invalid UTF-8) become warnings.
public enum ArticleFileParser {
    public enum Format: String, Sendable, CaseIterable {
        case plainText, markdown, html
    }

    /// Files larger than this are refused rather than read into memory.
    public static let maxFileSize = 32 * 1024 * 1024

    /// Reads and parses one file; the format comes from the extension (.txt, .md, .html…),
    /// else from sniffing the content.
    public static func parse(fileAt url: URL) throws -> ParsedDocument {
        try parse(file: read(fileAt: url), at: url)
    }

    /// Reads a file for `parse(file:at:)`: regular files only, at most `maxFileSize` bytes.
    public static func read(fileAt url: URL) throws(ArticleFileError) -> BoundedFileReader.File {
        let path = url.standardizedFileURL.path
        do {
            return try BoundedFileReader.read(path, limit: maxFileSize)
        } catch {
            switch error {
            case .unreadable(let why): throw ArticleFileError(file: path, reason: .unreadable(why))
            case .notRegularFile: throw ArticleFileError(file: path, reason: .unreadable("not a regular file"))
            case .tooLarge(let bytes): throw ArticleFileError(file: path, reason: .tooLarge(bytes: bytes))
            }
        }
    }

    /// Parses a file already read by `read(fileAt:)` (so a caller that sniffs it reads it once).
    public static func parse(file: BoundedFileReader.File, at url: URL) throws -> ParsedDocument {
        let name = url.lastPathComponent
        var document = try parse(data: file.data, fileName: name,
                                 source: ArticleSource(kind: .file, location: file.path, name: name),
                                 errorName: file.path)
        for index in document.articles.indices { document.articles[index].updated = file.modified }
        return document
    }

    /// Parses bytes already in memory (embedded demo files, tests). `source` defaults to a file
    /// source named after `fileName`.
    public static func parse(data: Data, fileName: String, source: ArticleSource? = nil) throws -> ParsedDocument {
        try parse(data: data, fileName: fileName, source: source, errorName: source?.location ?? fileName)
    }

    /// The format a file name implies, or nil when the content must decide.
    public static func format(forFileName fileName: String) -> Format? {
        let name = (fileName as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        switch ext {
        case "", "txt", "text": return .plainText
        case "md", "markdown", "mdown", "mkd", "mkdn": return .markdown
        case "html", "htm", "xhtml": return .html
        default: return nil
        }
    }

    /// Guesses the format of text whose file name did not say.
    public static func sniffFormat(_ text: String) -> Format {
        let head = text.prefix(2048).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace })
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || head.contains("<body")
            || (trimmed.hasPrefix("<") && (head.contains("</p>") || head.contains("</div>") || head.contains("<head"))) {
            return .html
        }
        if trimmed.hasPrefix("---\n") || trimmed.hasPrefix("---\r\n") || trimmed.hasPrefix("# ")
            || head.contains("\n```") || head.contains("\n# ") || head.contains("](") {
            return .markdown
        }
        return .plainText
    }

    private static func parse(data: Data, fileName: String, source: ArticleSource?, errorName: String) throws -> ParsedDocument {
        var decoded = try TextFileDecoder.decode(data, fileName: errorName)
        let format = format(forFileName: fileName) ?? sniffFormat(decoded.text)
        // Not UTF-8, but an HTML page that says what it is: the shared front end believes it.
        // A page that says UTF-8 and is not keeps its repaired text and the warning.
        if format == .html, !decoded.warnings.isEmpty,
           let label = HTMLCharset.declared(in: Array(data.prefix(4096))), CharsetLabel.resolve(label) != "UTF-8" {
            let html = ByteDecoder.decode(data, kind: .html)
            if html.encoding != "UTF-8" {
                let text = String(decoding: html.utf8, as: UTF8.self)
                decoded = TextFileDecoder.Decoded(text: TextFileDecoder.visibleControlCharacters(text), warnings: [])
            }
        }
        var content: ArticleContent
        switch format {
        case .plainText: content = PlainTextArticleParser.parse(decoded.text)
        case .markdown: content = MarkdownArticleParser.parse(decoded.text)
        case .html: content = htmlContent(decoded.text, source: source)
        }
        let source = source ?? ArticleSource(kind: .file, location: fileName, name: fileName)
        let title = content.title.flatMap { $0.isEmpty ? nil : $0 } ?? titleFromFileName(fileName)
        let article = Article(
            title: title, section: content.section, tags: content.tags, author: content.author,
            published: content.published, link: content.link, source: source, guid: source.location,
            summary: content.summary, contentHTML: content.contentHTML, body: content.body)
        return ParsedDocument(feed: nil, articles: [ArticleLimits.capped(article)], warnings: decoded.warnings + content.warnings)
    }

    private static func htmlContent(_ text: String, source: ArticleSource?) -> ArticleContent {
        // Relative links in a file resolve next to it (a canonical link or <base> wins).
        let base = source.flatMap { $0.kind == .file && $0.location.hasPrefix("/") ? URL(fileURLWithPath: $0.location) : nil }
        let document = HTMLConverter.document(fromHTML: text, baseURL: base)
        var content = ArticleContent()
        content.title = document.title
        content.body = document.blocks
        content.tags = document.tags
        content.section = document.section
        content.author = document.author
        content.link = document.canonicalLink
        content.published = document.published
        content.summary = document.description
        content.contentHTML = text
        return content
    }

    /// `my-saved_article.txt` → "my saved article".
    static func titleFromFileName(_ fileName: String) -> String {
        let base = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
        let spaced = base.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        let trimmed = spaced.trimmingWhitespace()
        return trimmed.isEmpty ? fileName : trimmed
    }
}
