import NewsModel

/// One fetched feed's items, prepared for the writer: feed tags added to each item's own tags,
/// the user's title for the feed as the source name, every column value computed.
public struct FeedUpdate: Sendable {
    public var url: String
    public var feedTitle: String?
    public var etag: String?
    public var lastModified: String?
    var articles: [PreparedArticle]
    /// False for an early piece of a big feed handed over while it is still being parsed: its
    /// articles are stored, the feed's row (title, validators, refresh time) waits for the last.
    public var isFinal: Bool
    /// On the last piece: the ids the earlier pieces carried, so retention sees the whole
    /// document the feed serves, not just its last piece.
    public var earlierIDs: [String] = []
    /// On the last piece: the source name for the earlier pieces' articles, when some were handed
    /// on before the feed's `<title>` was read and so carry the fallback name (nil: none to fix).
    public var earlierSourceName: String?

    public var count: Int { articles.count }

    /// Prepares `articles` on the calling thread (the refresh pipeline calls this on a parser).
    public init(url: String, feedTitle: String?, articles: [Article], feedTags: [String], userTitle: String?,
                etag: String?, lastModified: String?, isFinal: Bool = true) {
        self.url = url
        self.isFinal = isFinal
        self.feedTitle = feedTitle
        self.etag = etag
        self.lastModified = lastModified
        self.articles = articles.map { original in
            var article = original
            for tag in feedTags where !article.tags.contains(tag) { article.tags.append(tag) }
            if let userTitle { article.source.name = userTitle }
            return PreparedArticle(article)
        }
    }
}
