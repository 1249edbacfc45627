// swift-tools-version:6.1
import PackageDescription

// Module map (data flows one way: input → action → state → view → cells → terminal):
//   NewsModel    plain value types shared by everything (Article, Block, Feed…), no I/O
//   Markup       article files (plain text / Markdown / HTML) → NewsModel, via libxml2
//   Feeds        RSS / Atom / RDF / JSON Feed parsing, OPML, polite HTTP fetching
//   Store        SQLite (GRDB) library: articles, tags, bookmarks, FTS search
//   TerminalText column widths, display units, sanitising: what text may reach a terminal
//   TextLayout   wrapping blocks into styled lines, search, date formats
//   Screen       cell buffer, styles, Backend protocol, TestBackend (no curses)
//   Curses       the only module that touches ncursesw (CursesBackend, key input)
//   Theming      TOML themes from Themes/ (embedded at build time), colour depth
//   Settings     config.toml: the app's settings and key overrides
//   Reader       pure app core: State, Action, update, view, Keymap (no Store, no clock)
//   ReaderEffects  the runtime: performs the core's effects (store, refresh) off the UI thread
//   newsreader   the executable: CLI subcommands and the interactive loop
let package = Package(
    name: "newsreader",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newsreader", targets: ["newsreader"]),
        // For the separate Benchmarks/ package.
        .library(name: "TextLayout", targets: ["TextLayout", "TerminalText", "NewsModel"]),
        // For the separate Fuzz/ package (libFuzzer targets; not part of CI).
        .library(name: "Markup", targets: ["Markup"]),
        .library(name: "Feeds", targets: ["Feeds"]),
        .library(name: "Theming", targets: ["Theming"]),
        .library(name: "Settings", targets: ["Settings"]),
        .library(name: "Reader", targets: ["Reader"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Feed fetching: streamed bodies with backpressure and a decompression limit (issue 9).
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    ],
    targets: [
        // C layers
        // No pkgConfig: its cflags (-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600) are "prohibited" and
        // warned about on every build; shim.h defines what curses needs, the modulemap links it.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .target(name: "CTextWidth"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Build-time embedding of Themes/ and the demo library into the binary.
        .executableTarget(name: "ResourceEmbedder"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["ResourceEmbedder"]),

        // Swift modules
        .target(name: "NewsModel"),
        .target(name: "Markup", dependencies: ["NewsModel", "CLibXML2"]),
        .target(name: "Feeds", dependencies: ["NewsModel", "Markup", "CLibXML2", "CZlib",
                                         .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        .target(name: "Store", dependencies: ["NewsModel", "CZlib", .product(name: "GRDB", package: "GRDB.swift"),
                                        .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "TerminalText", dependencies: ["NewsModel", "CTextWidth"]),
        .target(name: "TextLayout", dependencies: ["NewsModel", "TerminalText"]),
        .target(name: "Screen", dependencies: ["TerminalText"]),
        .target(name: "Curses", dependencies: ["Screen", "CNcursesw"]),
        .target(name: "Theming", dependencies: ["NewsModel", "Screen", "TOMLKit"],
                plugins: ["EmbedResources"]),
        .target(name: "DemoLibrary", dependencies: ["NewsModel", "Markup"],
                exclude: ["Articles"], plugins: ["EmbedResources"]),
        .target(name: "Reader", dependencies: ["NewsModel", "TerminalText", "TextLayout", "Screen"]),
        .target(name: "Settings", dependencies: ["Theming", "TextLayout"]),
        .target(name: "ReaderEffects", dependencies: ["NewsModel", "Reader", "Store"]),
        .executableTarget(name: "newsreader", dependencies: [
            "NewsModel", "Markup", "Feeds", "Store", "TerminalText", "TextLayout", "Screen", "Curses",
            "Theming", "Settings", "Reader", "ReaderEffects", "DemoLibrary",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests
        // Shared by test targets (they cannot share a source file): the python test server
        // launcher, the built-binary locator and seeded random text.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "TestSupport"], exclude: ["feed_test_server.py"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Markup", "DemoLibrary", "TestSupport"]),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText", "TestSupport"]),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout", "TestSupport"]),
        .testTarget(name: "ScreenTests", dependencies: ["Screen", "Curses"]),
        .testTarget(name: "ThemingTests", dependencies: ["Theming", "Settings", "TextLayout"]),
        .testTarget(name: "ReaderTests", dependencies: ["Reader", "ReaderEffects", "Store", "Theming", "DemoLibrary"],
                    exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["NewsModel", "TestSupport"]),
        .testTarget(name: "DemoLibraryTests", dependencies: ["DemoLibrary"]),
    ],
    swiftLanguageModes: [.v6]
)
