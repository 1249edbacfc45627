import Foundation
import Markup
import NewsModel

/// JSON of `show --json`: the whole article but its structured blocks.
struct ArticleJSON: Encodable {
    var article: Article
    init(_ article: Article) { self.article = article }

    enum CodingKeys: String, CodingKey {
        case id, title, section, sectionPath = "section_path", tags, author, published, updated, link
        case source, guid, summary, contentHTML = "content_html", text, enclosures
        case read, bookmarked, bookmarkedAt = "bookmarked_at", readingPosition = "reading_position"
    }

    struct SourceJSON: Encodable {
        var kind: String
        var location: String
        var name: String
    }

    func encode(to encoder: any Encoder) throws {
        let a = article
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(a.id, forKey: .id)
        try c.encode(a.title, forKey: .title)
        try c.encode(CLIOutput.section(a.section), forKey: .section)
        try c.encode(a.section, forKey: .sectionPath)
        try c.encode(a.tags, forKey: .tags)
        try c.encodeOrNull(a.author, forKey: .author)
        try c.encodeOrNull(CLIOutput.iso(a.published), forKey: .published)
        try c.encodeOrNull(CLIOutput.iso(a.updated), forKey: .updated)
        try c.encodeOrNull(a.link, forKey: .link)
        try c.encode(SourceJSON(kind: a.source.kind.rawValue, location: a.source.location, name: a.source.name), forKey: .source)
        try c.encodeOrNull(a.feedGUID, forKey: .guid)  // the feed's own id; null for files
        try c.encodeOrNull(a.summary, forKey: .summary)
        try c.encodeOrNull(a.contentHTML, forKey: .contentHTML)
        try c.encode(a.text, forKey: .text)
        try c.encode(a.enclosures.map(ParsedDocumentJSON.EnclosureJSON.init), forKey: .enclosures)  // as `parse --json`
        try c.encode(a.read, forKey: .read)
        try c.encode(a.isBookmarked, forKey: .bookmarked)
        try c.encodeOrNull(CLIOutput.iso(a.bookmarkedAt), forKey: .bookmarkedAt)
        try c.encode(a.readingPosition, forKey: .readingPosition)
    }
}
