import Foundation
import NewsModel

/// What a format parser extracts from one article file, before the file parser adds identity
/// (source, guid, id) and file dates.
struct ArticleContent {
    var title: String?
    var section: [String] = []
    var tags: [String] = []
    var author: String?
    var published: Date?
    var link: String?
    var summary: String?
    var contentHTML: String?
    var body: [Block] = []
    var warnings: [String] = []
}
