import Feeds
import Foundation
import Markup
import NewsModel
import Store

/// The feed side of `newsreader import`: OPML and newsboat `urls` files become subscriptions,
/// a newsboat `cache.db` brings its articles with read state and flags (→ bookmarks).
enum FeedImporter {
    struct SubscriptionSummary {
        var added = 0
        var updated = 0
        var unsupported: [String] = []
    }

    /// `import`'s feed side: handles the cache and subscription lists, prints what happened, and
    /// returns the arguments left for the article-file import.
    static func run(paths: [String], newsboatCache: String?, store: LibraryStore) throws -> [String] {
        if paths.isEmpty && newsboatCache == nil { throw CLIError("nothing to import: give files, folders or --newsboat-cache PATH") }
        if let newsboatCache {
            let expanded = (newsboatCache as NSString).expandingTildeInPath
            let summary = try importNewsboatCache(path: expanded, store: store)
            print("newsboat cache: \(summary.feedsAdded) feeds added, \(summary.articles.inserted) articles imported, "
                  + "\(summary.articles.updated + summary.articles.unchanged) already present, "
                  + "\(summary.markedRead) read, \(summary.bookmarked) bookmarked")
        }
        let (summary, rest) = try importSubscriptionLists(in: paths, store: store)
        if summary.added + summary.updated > 0 || !summary.unsupported.isEmpty {
            print("subscribed to \(summary.added) feeds (\(summary.updated) already present); "
                  + "run `newsreader refresh` to fetch them")
        }
        for line in summary.unsupported { CLIOutput.printError(line) }
        return rest
    }

    /// All subscriptions as OPML 2.0.
    static func opml(_ store: LibraryStore) throws -> String {
        let entries = try store.feeds().map {
            SubscriptionEntry(url: $0.url, title: $0.title ?? $0.feedTitle, tags: $0.tags, hidden: $0.hidden)
        }
        return OPML.export(entries)
    }

    /// Splits import arguments: subscription lists are imported here, the rest is returned.
    static func importSubscriptionLists(in paths: [String], store: LibraryStore) throws -> (SubscriptionSummary, [String]) {
        var summary = SubscriptionSummary()
        var rest: [String] = []
        for path in paths {
            let expanded = (path as NSString).expandingTildeInPath
            guard let list = try subscriptionList(at: expanded) else {
                rest.append(path)
                continue
            }
            summary.unsupported += list.unsupported.map { "\(expanded): \($0)" }
            for entry in list.entries {
                guard let url = try? FeedLocation.normalise(entry.url) else {
                    summary.unsupported.append("\(expanded): unsupported feed location \(entry.url)")
                    continue
                }
                if try store.addFeed(url: url, title: entry.title, tags: entry.tags, hidden: entry.hidden) {
                    summary.added += 1
                } else {
                    summary.updated += 1
                }
            }
        }
        return (summary, rest)
    }

    /// The subscriptions in an OPML or newsboat urls file; nil when the file is neither.
    static func subscriptionList(at path: String) throws -> SubscriptionList? {
        // Not a regular file, too big or unreadable: not a subscription list (the article
        // importer then names the problem).
        guard let data = try? BoundedFileReader.read(path, limit: ArticleFileParser.maxFileSize).data else { return nil }
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        if text.range(of: "<opml", options: .caseInsensitive) != nil {
            do { return try OPML.parse(data: data) } catch {
                throw CLIError("\(path): unreadable OPML (\(error))")
            }
        }
        if looksLikeNewsboatURLs(text) || (path as NSString).lastPathComponent == "urls" {
            return NewsboatURLs.parse(String(decoding: data, as: UTF8.self))
        }
        return nil
    }

    /// Every meaningful line starts with a URL or a newsboat pseudo-feed.
    static func looksLikeNewsboatURLs(_ text: String) -> Bool {
        var sawLine = false
        for line in text.split(separator: "\n").prefix(50) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let first = trimmed.hasPrefix("\"") ? String(trimmed.dropFirst()) : trimmed
            let lower = first.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://")
                    || lower.hasPrefix("query:") || lower.hasPrefix("exec:") || lower.hasPrefix("filter:") else { return false }
            sawLine = true
        }
        return sawLine
    }

    struct CacheSummary {
        var feedsAdded = 0
        var articles = UpsertResult()
        var markedRead = 0
        var bookmarked = 0
    }

    /// Imports a newsboat cache: unknown feeds are subscribed, items stored (kept when already
    /// present), read items marked read, flagged items bookmarked.
    static func importNewsboatCache(path: String, store: LibraryStore) throws -> CacheSummary {
        var summary = CacheSummary()
        let known = Set(try store.feeds().map(\.url))
        var names: [String: String] = [:]
        func subscribe(_ feeds: [NewsboatCache.Feed]) throws {
            for feed in feeds {
                names[feed.rssURL] = feed.title.isEmpty ? feed.rssURL : feed.title
                if !known.contains(feed.rssURL), !feed.rssURL.hasPrefix("query:"), !feed.rssURL.hasPrefix("exec:") {
                    if try store.addFeed(url: feed.rssURL) { summary.feedsAdded += 1 }
                }
            }
        }
        let now = Date()
        var batch: [Article] = []
        var readIDs: [String] = []
        var flaggedIDs: [String] = []
        func flush() throws {
            let result = try store.upsert(batch)
            summary.articles.inserted += result.inserted
            summary.articles.updated += result.updated
            summary.articles.unchanged += result.unchanged
            batch.removeAll(keepingCapacity: true)
        }
        // Streamed with a cursor and stored in batches: a big cache never sits in memory whole.
        func take(_ item: NewsboatCache.Item) throws {
            let base = URL(string: item.base.isEmpty ? item.link : item.base)
            let body = HTMLConverter.blocks(fromHTML: item.contentHTML, baseURL: base)
            let guid = item.guid.isEmpty ? item.link : item.guid
            var article = Article(
                title: item.title.isEmpty ? (body.plainText.split(separator: " ").prefix(10).joined(separator: " ")) : item.title,
                author: item.author.isEmpty ? nil : item.author, published: item.published,
                link: item.link.isEmpty ? nil : item.link,
                source: ArticleSource(kind: .feed, location: item.feedURL, name: names[item.feedURL] ?? item.feedURL),
                guid: guid, contentHTML: item.contentHTML.isEmpty ? nil : item.contentHTML, body: body,
                enclosures: item.enclosureURL.map { [Enclosure(url: $0, type: item.enclosureType)] } ?? [],
                read: !item.unread, bookmarkedAt: item.isFlagged ? now : nil)
            article.feedGUID = item.guid.isEmpty ? nil : item.guid  // the feed's own id, as newsboat kept it
            if article.title.isEmpty { article.title = item.link.isEmpty ? "(untitled)" : item.link }
            if !item.unread { readIDs.append(article.id) }
            if item.isFlagged { flaggedIDs.append(article.id) }
            batch.append(article)
            if batch.count >= 2_000 { try flush() }
        }
        try NewsboatCache.read(path: path, feeds: subscribe, item: take)
        try flush()
        // Articles that were already in the library take newsboat's state too.
        try store.setRead(ids: readIDs, true)
        try store.setBookmarked(ids: flaggedIDs, true, at: now)
        summary.markedRead = readIDs.count
        summary.bookmarked = flaggedIDs.count
        return summary
    }
}
