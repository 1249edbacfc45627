import Foundation
import Markup
import NewsModel

/// The bundled demo articles, embedded in the binary at build time from `Articles/`, so the
/// installed binary shows a real-looking library on first run without the source tree.
public enum DemoLibrary {
    /// The source name shown in the article list for every demo article.
    public static let sourceName = "newsreader demo"

    /// The raw embedded files: (file name, UTF-8 contents), sorted by name.
    public static var files: [(name: String, contents: String)] { EmbeddedFiles.all }

    /// Every demo article, parsed once, newest first, each with its fixed published date.
    /// Never crashes: a file that fails to parse is left out and named in `problems()`.
    public static func articles() -> [Article] { loaded.articles }

    /// One line per demo file that failed to parse, gave no article, or gave warnings.
    /// Empty in a correct build; the DemoLibraryTests check that it is.
    public static func problems() -> [String] { loaded.problems }

    /// The source every demo article is attributed to; `location` is its identity in the store.
    public static func source(forFile fileName: String) -> ArticleSource {
        ArticleSource(kind: .demo, location: "demo:" + fileName, name: sourceName)
    }

    // Parsing ~20 small files is cheap, but callers (first run, tests, `--help` paths) may ask
    // more than once; a static let parses them once, thread-safely.
    private static let loaded: (articles: [Article], problems: [String]) = load()

    private static func load() -> (articles: [Article], problems: [String]) {
        var articles: [Article] = []
        var problems: [String] = []
        for file in files {
            let document: ParsedDocument
            do {
                document = try ArticleFileParser.parse(
                    data: Data(file.contents.utf8), fileName: file.name,
                    source: source(forFile: file.name))
            } catch {
                problems.append("\(file.name): cannot parse: \(error)")
                continue
            }
            if document.articles.isEmpty { problems.append("\(file.name): no article found") }
            problems += document.warnings.map { "\(file.name): \($0)" }
            for var article in document.articles {
                article.published = DemoPublishDates.date(forFile: file.name)
                articles.append(article)
            }
        }
        articles.sort { ($0.published ?? .distantPast, $0.id) > ($1.published ?? .distantPast, $1.id) }
        return (articles, problems)
    }
}
