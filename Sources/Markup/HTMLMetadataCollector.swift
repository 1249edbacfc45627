import Foundation

/// Gathers document metadata (`<title>`, `<meta>`, `<link rel=canonical>`, `<html lang>`)
/// during the tree walk.
struct HTMLMetadataCollector {
    var title: String?
    var openGraphTitle: String?
    var language: String?
    var canonical: String?
    var tags: [String] = []
    var author: String?
    var description: String?
    var publishedText: String?
    var section: [String] = []

    mutating func addMeta(name: String?, content: String?) {
        guard let name, let content else { return }
        let value = InlineAccumulator.collapsed(content)
        guard !value.isEmpty else { return }
        switch name.lowercased() {
        case "keywords", "news_keywords":
            for keyword in value.split(separator: ",") { addTag(String(keyword)) }
        case "article:tag":
            addTag(value)
        case "author", "dc.creator", "byl", "article:author":
            // article:author is often a profile URL; a name is more useful.
            if author == nil, !value.contains("://") {
                author = value.hasPrefix("By ") ? String(value.dropFirst(3)) : value
            }
        case "description", "og:description", "dc.description":
            if description == nil { description = value }
        case "article:published_time", "date", "dc.date", "dc.date.issued", "pubdate", "publishdate",
             "og:published_time", "datepublished", "publication_date":
            if publishedText == nil { publishedText = value }
        case "article:section", "section", "category":
            if section.isEmpty {
                section = value.split(whereSeparator: { $0 == ">" || $0 == "›" }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            }
        case "og:title":
            if openGraphTitle == nil { openGraphTitle = value }
        default:
            break
        }
    }

    private mutating func addTag(_ raw: String) {
        let tag = raw.trimmingWhitespace()
        if !tag.isEmpty, !tags.contains(tag) { tags.append(tag) }
    }

    func document(baseURL: URL?) -> HTMLDocument {
        HTMLDocument(
            title: title ?? openGraphTitle,
            tags: tags,
            author: author,
            canonicalLink: canonical.flatMap { LinkResolver.resolve($0, against: baseURL) },
            published: publishedText.flatMap(LooseISODate.parse),
            description: description,
            language: language,
            section: section)
    }
}
