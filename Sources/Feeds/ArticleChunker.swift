import Foundation
import NewsModel

/// Turns a feed's items into articles a piece at a time: ids deduplicated across pieces (the
/// first item with an id wins), at most `ArticleLimits.maxItemsPerFeed` items read, the rest
/// only counted. A refresh hands each full piece to the writer while the document is still being
/// parsed; a whole-document parse takes everything at the end, in one piece.
final class ArticleChunker {
    private let location: String
    private let chunkSize: Int
    private let onChunk: ([Article]) -> Void
    private var pending: [FeedItem] = []
    private var seen = Set<String>()
    /// Every item met, read or not (the cap warning says how many there were).
    private(set) var itemCount = 0

    init(location: String, chunkSize: Int, onChunk: @escaping ([Article]) -> Void) {
        self.location = location
        self.chunkSize = max(1, chunkSize)
        self.onChunk = onChunk
    }

    /// Counts one more item; false once past the cap (the item is not worth reading).
    func admit() -> Bool {
        itemCount += 1
        return itemCount <= ArticleLimits.maxItemsPerFeed
    }

    func add(_ item: FeedItem) { pending.append(item) }

    /// Counts items a parser skipped without showing them here (JSON Feed past the cap).
    func countUnread(_ count: Int) { itemCount += max(0, count) }

    var isFull: Bool { pending.count >= chunkSize }

    /// Hands the waiting items on as articles named after `feedName`.
    func flush(feedName: String) {
        let articles = take(feedName: feedName)
        if !articles.isEmpty { onChunk(articles) }
    }

    /// The waiting items as articles, without handing them on.
    func take(feedName: String) -> [Article] {
        let assembler = ArticleAssembler(feedLocation: location, feedName: feedName)
        var articles: [Article] = []
        articles.reserveCapacity(pending.count)
        for item in pending {
            let article = ArticleLimits.capped(assembler.article(from: item))
            if seen.insert(article.id).inserted { articles.append(article) }
        }
        pending.removeAll()
        return articles
    }

    var capWarning: String? {
        let limit = ArticleLimits.maxItemsPerFeed
        return itemCount > limit ? "kept the first \(limit) of \(itemCount) items" : nil
    }
}
