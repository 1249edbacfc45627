// Plain timings with ContinuousClock, for machines where the benchmark plugin is unwanted.
import BenchmarkArticles
import TerminalText
import TextLayout

@inline(never) func keep<T>(_ value: T) { withExtendedLifetime(value) {} }

func measure(_ name: String, iterations: Int, _ body: () -> Void) {
    body()   // warm up
    var samples: [Duration] = []
    let clock = ContinuousClock()
    for _ in 0..<iterations { samples.append(clock.measure(body)) }
    samples.sort()
    func us(_ d: Duration) -> String {
        let c = d.components
        let micro = Double(c.seconds) * 1e6 + Double(c.attoseconds) / 1e12
        return String(Int(micro.rounded())) + " µs"
    }
    print("\(name): median \(us(samples[samples.count / 2])), p90 \(us(samples[samples.count * 9 / 10])), min \(us(samples[0]))  (\(iterations) runs)")
}

let tableStart = ContinuousClock.now
keep(DisplayWidth.width("日本"))
print("width table first use: \(ContinuousClock.now - tableStart)")

let article = BenchmarkArticles.longArticle
let words = article.reduce(0) { $0 + $1.plainText.split(separator: " ").count }
let layout80 = ArticleLayout(blocks: article, width: 80)
print("article: \(article.count) blocks, ~\(words) words, \(layout80.lines.count) lines at 80 columns")
measure("ArticleLayout 80 cols", iterations: 200) { keep(ArticleLayout(blocks: article, width: 80)) }
measure("ArticleLayout 40 cols", iterations: 200) { keep(ArticleLayout(blocks: article, width: 40)) }
let index = SearchIndex(layout: layout80)
measure("SearchIndex build", iterations: 200) { keep(SearchIndex(layout: layout80)) }
measure("search 'terminal' (indexed)", iterations: 200) { keep(index.search("terminal")) }
measure("SearchMatcher.search 'Terminal' (build + search)", iterations: 200) { keep(SearchMatcher.search("Terminal", in: layout80)) }
measure("DisplayWidth.width mixed 1.5 KB", iterations: 2000) { keep(DisplayWidth.width(BenchmarkArticles.mixedText)) }
measure("DisplayWidth.width ASCII 1.8 KB", iterations: 2000) { keep(DisplayWidth.width(BenchmarkArticles.asciiText)) }
