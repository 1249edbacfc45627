import Benchmark
import BenchmarkArticles
import TerminalText
import TextLayout

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        maxDuration: .seconds(3),
        maxIterations: 2_000
    )
    let article = BenchmarkArticles.longArticle
    let layout80 = ArticleLayout(blocks: article, width: 80)
    let index80 = SearchIndex(layout: layout80)
    blackHole(DisplayWidth.width("日本"))   // build the width table outside the measurement

    Benchmark("ArticleLayout 3000 words at 80 columns") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ArticleLayout(blocks: article, width: 80))
        }
    }
    Benchmark("ArticleLayout 3000 words at 40 columns") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ArticleLayout(blocks: article, width: 40))
        }
    }
    Benchmark("SearchIndex build (3000 words, 80 columns)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SearchIndex(layout: layout80))
        }
    }
    Benchmark("Search 'terminal' in 3000 words (index built)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(index80.search("terminal"))
        }
    }
    Benchmark("Search 'Terminal' smartcase, no index (build + search)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SearchMatcher.search("Terminal", in: layout80))
        }
    }
    Benchmark("DisplayWidth.width mixed text (1.5 KB)") { benchmark in
        let text = BenchmarkArticles.mixedText
        for _ in benchmark.scaledIterations {
            blackHole(DisplayWidth.width(text))
        }
    }
    Benchmark("DisplayWidth.width ASCII (1.8 KB)") { benchmark in
        let text = BenchmarkArticles.asciiText
        for _ in benchmark.scaledIterations {
            blackHole(DisplayWidth.width(text))
        }
    }
}
