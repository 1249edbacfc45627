import Foundation

/// Caps on what one article may carry in from outside, applied where articles are assembled
/// from feeds and files: a megabyte title (JSON Feed allows it) must never reach the list or
/// header layout, which lays titles out on every frame.
public enum ArticleLimits {
    public static let maxTitleCharacters = 1_000
    public static let maxAuthorCharacters = 200
    public static let maxTagCharacters = 100
    public static let maxTags = 50
    public static let maxSectionParts = 8
    /// Longer links are dropped, not cut: a cut URL points somewhere else.
    public static let maxLinkBytes = 8_192
    public static let maxEnclosures = 20
    public static let maxItemsPerFeed = 5_000

    /// `article` with every outside string within its cap.
    public static func capped(_ article: Article) -> Article {
        var a = article
        a.title = cut(a.title, maxTitleCharacters)
        a.author = a.author.map { cut($0, maxAuthorCharacters) }
        if a.tags.count > maxTags || a.tags.contains(where: { $0.utf8.count > maxTagCharacters }) {
            a.tags = a.tags.prefix(maxTags).map { cut($0, maxTagCharacters) }
        }
        if a.section.count > maxSectionParts || a.section.contains(where: { $0.utf8.count > maxTagCharacters }) {
            a.section = a.section.prefix(maxSectionParts).map { cut($0, maxTagCharacters) }
        }
        if let link = a.link, link.utf8.count > maxLinkBytes { a.link = nil }
        if a.enclosures.count > maxEnclosures || a.enclosures.contains(where: { $0.url.utf8.count > maxLinkBytes }) {
            a.enclosures = Array(a.enclosures.filter { $0.url.utf8.count <= maxLinkBytes }.prefix(maxEnclosures))
        }
        return a
    }

    /// At most `limit` characters, with "…" when cut. Checks bytes first: the common short
    /// string costs no character count.
    static func cut(_ text: String, _ limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let head = text.prefix(limit)
        return head.endIndex == text.endIndex ? text : String(head.dropLast()) + "…"
    }
}
