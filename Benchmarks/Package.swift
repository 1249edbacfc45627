// swift-tools-version:6.1
import PackageDescription

// Benchmarks for the newsreader package, kept apart so the main build and CI never fetch
// or build the benchmark tooling. Run from this folder:
//   swift package benchmark                     (ordo-one/benchmark, release build)
//   swift run -c release layout-timing          (plain ContinuousClock timings)
let package = Package(
    name: "NewsreaderBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "newsreader", path: ".."),
        // Only the malloc interposer trait: the runtime interposer is not available offline.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // A deterministic ~3,000-word article shared by both runners.
        .target(name: "BenchmarkArticles", dependencies: [.product(name: "TextLayout", package: "newsreader")]),
        .executableTarget(
            name: "TextLayoutBenchmarks",
            dependencies: [
                "BenchmarkArticles",
                .product(name: "TextLayout", package: "newsreader"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/TextLayoutBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "layout-timing",
            dependencies: ["BenchmarkArticles", .product(name: "TextLayout", package: "newsreader")]
        ),
    ]
)
