import Foundation
import Testing
@testable import Markup

/// `PlainTextArticleParser.normalizedLines` works on UTF-8 bytes for speed; these tests hold it
/// to the straightforward scalar-by-scalar version it replaced.
@Suite struct PlainTextLineTests {
    /// The previous, String-based implementation, kept as the reference.
    static func reference(_ text: String) -> [(text: String, indent: Int)] {
        TextLines.split(text).map { raw in
            let scalars = raw.unicodeScalars
            var indent = 0
            var start = scalars.startIndex
            scan: while start < scalars.endIndex {
                switch scalars[start] {
                case " ", "\u{00A0}", "\u{3000}": indent += 1
                case "\t": indent += 4
                case "\u{FEFF}": break
                default: break scan
                }
                start = scalars.index(after: start)
            }
            var end = scalars.endIndex
            while end > start {
                let previous = scalars.index(before: end)
                guard scalars[previous].properties.isWhitespace else { break }
                end = previous
            }
            var line = String(scalars[start..<end])
            if line.utf8.contains(0x09) { line = String(line.map { $0 == "\t" ? " " : $0 }) }
            return (line, indent)
        }
    }

    static let tricky: [String] = [
        "", "\n", "\r\n", "\r", "a", "a\n", "a\r\nb\rc\n\nd", "\n\n\n", "\r\r\n\n",
        "\u{FEFF}SCIENCE > Space\n\nTitle", " \u{FEFF}\tx", "\u{00A0}\u{3000} indented\u{00A0}\u{3000}",
        "\t• Tag\t\n  * Other  \u{2003}", "inner\ttab\there\t", "trailing\u{0085}", "\u{2003}lead em space",
        "東京株式市場、半導体株が反発\u{3000}\r\n\u{3000}\u{3000}本文。", "emoji 🙂\u{200B}", "🙂\u{00A0}",
        "only spaces   \n   \n\t\t", "é\u{0301}\u{00A0}", "\u{0B}vt\u{0C}", "x\u{2028}y\u{2029}",
    ]

    @Test func matchesTheReferenceOnTrickyInput() {
        for text in Self.tricky {
            let fast = PlainTextArticleParser.normalizedLines(text)
            let slow = Self.reference(text)
            #expect(fast.map(\.text) == slow.map(\.text), "\(text.debugDescription)")
            #expect(fast.map(\.indent) == slow.map(\.indent), "\(text.debugDescription)")
        }
    }

    @Test func matchesTheReferenceOnTheSamplesAndABridgedString() {
        for text in [SampleArticles.lunarLander, SampleArticles.tokyoMarkets,
                     SampleArticles.lunarLander.replacingOccurrences(of: "\n", with: "\r\n")] {
            #expect(PlainTextArticleParser.normalizedLines(text).map(\.text) == Self.reference(text).map(\.text))
            // A Foundation-bridged string may not be contiguous UTF-8: same result.
            let bridged = String(NSString(string: text))
            #expect(PlainTextArticleParser.normalizedLines(bridged).map(\.indent) == Self.reference(text).map(\.indent))
        }
    }

    @Test func indentationAndTabs() {
        let lines = PlainTextArticleParser.normalizedLines("\t  • A\tB  \r\n\u{3000}x")
        #expect(lines.map(\.text) == ["• A B", "x"])
        #expect(lines.map(\.indent) == [6, 1])
    }
}
