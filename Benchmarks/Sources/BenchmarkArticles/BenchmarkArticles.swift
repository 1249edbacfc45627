import NewsModel
import TextLayout

/// Deterministic test material for the benchmarks: the same text on every run.
public enum BenchmarkArticles {
    /// About 3,000 words: paragraphs with emphasis, code and links, list items, quotes, a
    /// preformatted block, a long URL and a Japanese paragraph, like a long feed article.
    public static let longArticle: [Block] = {
        var rng = SplitMix(seed: 2026)
        let words = ["the", "reader", "terminal", "column", "width", "wraps", "paragraph", "and", "of",
                     "news", "feeds", "article", "a", "to", "in", "is", "that", "layout", "search",
                     "unicode", "quickly", "beautiful", "text", "with", "every", "line", "resize",
                     "international", "characters", "for", "on", "by", "measured", "carefully"]
        func sentence(_ count: Int) -> String {
            var s = ""
            for i in 0..<count {
                if i > 0 { s += " " }
                s += words[Int(rng.next() % UInt64(words.count))]
            }
            return s + "."
        }
        var blocks: [Block] = [Block(.heading(level: 1), text: "A long article about reading in terminals")]
        var wordCount = 0
        var section = 0
        while wordCount < 3000 {
            section += 1
            if section % 5 == 0 { blocks.append(Block(.heading(level: 2), text: "Section \(section / 5)")) }
            let a = sentence(40), b = sentence(35), c = sentence(25)
            blocks.append(Block(.paragraph, [
                InlineRun(a + " "),
                InlineRun("an emphasised phrase", emphasis: .italic),
                InlineRun(" " + b + " See "),
                InlineRun("the reference \(section % 7)", link: "https://example.com/articles/\(section % 7)/reading-in-terminals"),
                InlineRun(" and "),
                InlineRun("swift build -c release", emphasis: .code),
                InlineRun(" " + c),
            ]))
            wordCount += 40 + 35 + 25 + 10
            switch section % 4 {
            case 0:
                blocks.append(Block(.listItem(depth: 1, marker: "•"), text: sentence(18)))
                blocks.append(Block(.listItem(depth: 2, marker: "1."), text: sentence(12)))
                blocks.append(Block(.listItem(depth: 1, marker: "•"), text: sentence(15)))
                wordCount += 45
            case 1:
                blocks.append(Block(.quote(depth: 1), text: sentence(30)))
                blocks.append(Block(.quote(depth: 2), text: sentence(20)))
                wordCount += 50
            case 2:
                blocks.append(Block(.paragraph, text: "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。"))
                blocks.append(Block(.paragraph, [InlineRun("A long link: "),
                    InlineRun("https://example.com/a/very/long/path/that/does/not/fit/on/one/line/at/all?query=\(section)",
                              link: "https://example.com/a/very/long/path/that/does/not/fit/on/one/line/at/all?query=\(section)")]))
                wordCount += 30
            default:
                blocks.append(Block(.preformatted, text: "for item in items {\n\tprint(item.title, item.width) // a comment that is long enough to be clipped\n}"))
                wordCount += 12
            }
        }
        return blocks
    }()

    /// Mixed-script text for width measurement: ASCII, accents, CJK, emoji sequences, controls.
    public static let mixedText: String = String(repeating:
        "Hello, world! Ünïcödé café 日本語のテキスト 한국어 👨‍👩‍👧 👍🏽 🇯🇵 ❤️ e\u{301} tab\there \u{1B}[31m ", count: 20)

    public static let asciiText: String = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 40)
}

/// SplitMix64, so the article is the same on every run and machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
