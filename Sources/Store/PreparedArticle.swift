import Dispatch
import Foundation
import NewsModel

/// An article with every column value it will be written with already computed: the content
/// hash, compressed body and HTML, JSON columns and search-index text.
///
/// Preparing is pure CPU work and runs on the parsing threads, so the single writer only binds
/// values and steps statements (refresh parses on one core while the other writes).
public struct PreparedArticle: Sendable {
    var encoded: EncodedArticle
    var summary: BulkValue
    var contentHTML: BulkValue
    var body: [UInt8]
    var text: BulkValue
    var enclosures: String
    var search: SearchText.Fields

    var article: Article { encoded.article }

    public init(_ article: Article) {
        encoded = EncodedArticle(article)
        // Feed items' text is exactly the body's plain text: store a marker, derive it on read.
        // (Compared piece by piece: building the plain text again cost ~2 % of a refresh.)
        text = article.body.plainTextEquals(article.text) ? ArticleRecord.derivedText : .text(article.text)
        enclosures = article.enclosures.isEmpty ? "[]"
            : (try? String(decoding: JSONEncoder().encode(article.enclosures), as: UTF8.self)) ?? "[]"
        search = SearchText.indexFields(title: article.title, text: article.text, tags: encoded.tags)
        let blocks = BodyCodec.encode(article.body)
        if let bundle = ArticleBundle(summary: article.summary, html: article.contentHTML, body: blocks).pack() {
            summary = article.summary == nil ? .null : ArticleBundle.marker
            contentHTML = article.contentHTML == nil ? .null : ArticleBundle.marker
            body = bundle
        } else {
            summary = BulkValue(article.summary)
            contentHTML = BulkValue(article.contentHTML)
            body = blocks
        }
        // The writer needs only the list columns: drop the big values now, so articles waiting
        // for the writer hold their compressed form only.
        encoded.article.body = []
        encoded.article.contentHTML = nil
        encoded.article.summary = nil
        encoded.article.text = ""
        encoded.article.enclosures = []
    }

    /// Prepares many articles on all cores, in input order.
    public static func prepareAll(_ articles: [Article]) -> [PreparedArticle] {
        guard articles.count > 64 else { return articles.map(PreparedArticle.init) }
        let chunk = 64
        let chunks = (articles.count + chunk - 1) / chunk
        let slots = Slots(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = (c * chunk)..<min(articles.count, (c + 1) * chunk)
            slots.set(c, articles[range].map(PreparedArticle.init))
        }
        return slots.values.flatMap { $0 }
    }

    /// One slot per chunk, each written by exactly one worker of `concurrentPerform` and read
    /// after it returns (which orders the writes before the reads): no slot is shared.
    private final class Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<[PreparedArticle]>
        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: [])
        }
        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
        func set(_ index: Int, _ value: [PreparedArticle]) { buffer[index] = value }
        var values: [[PreparedArticle]] { Array(buffer) }
    }
}
