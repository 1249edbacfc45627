import Foundation
import Markup
import NewsModel

/// One entry point for `newsreader parse`/imports: feed files (sniffed by content: XML root
/// rss/feed/rdf:RDF, JSON with a jsonfeed version) go to `FeedParser`, everything else to
/// Markup's `ArticleFileParser`.
public enum DocumentParser {
    public static func parse(fileAt url: URL) throws -> ParsedDocument {
        // Read once, bounded and regular files only (a FIFO or /dev/zero is refused by name),
        // then sniffed: a feed file goes to FeedParser, anything else is an article file.
        let file = try ArticleFileParser.read(fileAt: url)
        if FeedParser.sniff(data: file.data) != nil {
            return try FeedParser.parse(data: file.data, url: url)
        }
        return try ArticleFileParser.parse(file: file, at: url)
    }

    /// True when the file's content is a feed this module parses.
    public static func isFeed(fileAt url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 65_536) else { return false }
        if head.first == 0x7B || head.starts(with: [0xEF, 0xBB, 0xBF, 0x7B]) {
            // JSON Feed: the version may sit anywhere in the object, so look at the whole file.
            return (try? Data(contentsOf: url)).flatMap { FeedParser.sniff(data: $0) } != nil
        }
        return FeedParser.sniff(data: head) != nil
    }
}
