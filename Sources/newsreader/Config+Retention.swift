import Settings
import Store

extension Config {
    /// `max-articles-per-feed` and `max-article-age-days` as the store applies them.
    var feedRetention: FeedRetention {
        FeedRetention(maxArticles: maxArticlesPerFeed, maxAgeDays: maxArticleAgeDays)
    }
}
