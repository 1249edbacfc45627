// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for newsreader's parsers of outside input, kept apart so the main build and
// CI never build them. Build and run with ../scripts/fuzz (see README.md here): the Swift code is
// instrumented with `-Xfrontend -sanitize=fuzzer` (coverage only, no libFuzzer main, which would
// otherwise also be linked into the ResourceEmbedder build tool) and each target's main calls
// LLVMFuzzerRunDriver from libclang_rt.fuzzer_no_main through CLibFuzzer.
let fuzzTargets: [(name: String, dependencies: [String])] = [
    ("article-file", ["Markup"]),
    ("feed", ["Feeds"]),
    ("html-blocks", ["Markup"]),
    ("opml", ["Feeds"]),
    ("json-salvage", ["Feeds"]),
    ("theme", ["Theming"]),
    ("config", ["Settings", "Reader"]),
    ("keys", ["Reader"]),
]

let package = Package(
    name: "NewsreaderFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "newsreader", path: ".."),
    ],
    targets: [
        // The bridge to libFuzzer's driver; C because LLVMFuzzerRunDriver takes argc/argv pointers.
        .target(name: "CLibFuzzer", linkerSettings: [.linkedLibrary("stdc++")]),
    ] + fuzzTargets.map { target in
        .executableTarget(
            name: target.name,
            dependencies: ["CLibFuzzer"] + target.dependencies.map { .product(name: $0, package: "newsreader") },
            path: "Sources/\(target.name)"
        )
    },
    swiftLanguageModes: [.v6]
)
