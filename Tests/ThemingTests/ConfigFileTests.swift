import Foundation
@testable import Settings
import Testing
import TextLayout
@testable import Theming

@Suite struct ConfigFileTests {
    @Test func emptyFileGivesDefaults() {
        let file = ConfigFile.parse("", file: "c.toml")
        #expect(file.diagnostics.isEmpty)
        #expect(file.config == Config())
        #expect(file.config.theme == nil)
        #expect(file.config.maxTextWidth == 80)
        #expect(file.config.sidebarWidth == 24)
        #expect(file.config.dateFormat == Config.autoDateFormat)
        #expect(file.config.browser == nil)
        #expect(file.config.refreshConcurrency == 8)
        #expect(file.config.refreshTimeout == 60)
        #expect(file.config.maxArticlesPerFeed == 1000)
        #expect(file.config.maxArticleAgeDays == 0)
        #expect(file.config.unreadOnly == false)
        #expect(file.config.keyOverrides.isEmpty)
    }

    @Test func everyKeyIsRead() {
        let file = ConfigFile.parse("""
            theme = "nord"
            max-text-width = 72
            sidebar-width = 30
            date-format = "%d %b %H:%M"
            browser = "firefox --new-tab"
            refresh-concurrency = 8
            refresh-timeout = 12.5
            unread-only = true
            max-articles-per-feed = 0
            max-article-age-days = 90

            [keys]
            "C-d" = "half-page-down"
            "g g" = "first"
            "x" = "none"
            """, file: "c.toml")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let c = file.config
        #expect(c.theme == "nord")
        #expect(c.maxTextWidth == 72)
        #expect(c.sidebarWidth == 30)
        #expect(c.dateFormat == "%d %b %H:%M")
        #expect(c.browser == "firefox --new-tab")
        #expect(c.refreshConcurrency == 8)
        #expect(c.refreshTimeout == 12.5)
        #expect(c.unreadOnly)
        #expect(c.maxArticlesPerFeed == 0 && c.maxArticleAgeDays == 90)
        // In file order (TOMLKit sorts keys; the lines restore the order), with lines.
        #expect(c.keyOverrides == [
            KeyOverride(keys: "C-d", action: "half-page-down", line: 13),
            KeyOverride(keys: "g g", action: "first", line: 14),
            KeyOverride(keys: "x", action: "none", line: 15),
        ])
        #expect(c.keyOverridePairs.map { "\($0.keys)=\($0.action)" } == ["C-d=half-page-down", "g g=first", "x=none"])
    }

    @Test func integerTimeoutIsAccepted() {
        #expect(ConfigFile.parse("refresh-timeout = 45", file: "c").config.refreshTimeout == 45)
    }

    @Test func badValuesAreReportedWithLinesAndIgnored() {
        let file = ConfigFile.parse("""
            theme = 3
            max-text-width = 5
            sidebar-width = "wide"
            date-format = "%Y-%Q"
            browser = ""
            refresh-concurrency = 0
            refresh-timeout = 9000
            unread-only = "yes"
            max-articles-per-feed = -1
            max-article-age-days = 1.5
            """, file: "/etc/c.toml")
        let byLine = Dictionary(uniqueKeysWithValues: file.diagnostics.map { ($0.line ?? 0, $0) })
        #expect(file.diagnostics.count == 10, "\(file.diagnostics)")
        #expect(byLine[1]?.key == "theme")
        #expect(byLine[1]?.message == "expected a string, found 3")
        #expect(byLine[2]?.message == "expected a whole number from 20 to 1000, found 5")
        #expect(byLine[3]?.message == "expected a whole number from 8 to 80, found the string \"wide\"")
        #expect(byLine[4]?.message.hasPrefix("unknown directive %Q") == true)
        #expect(byLine[5]?.message == "expected a non-empty string without control characters")
        #expect(byLine[6]?.key == "refresh-concurrency")
        #expect(byLine[7]?.message == "expected seconds between 1 and 600, found 9000")
        #expect(byLine[8]?.message == "expected true or false, found the string \"yes\"")
        #expect(byLine[8]?.description == "/etc/c.toml:8: unread-only: expected true or false, found the string \"yes\"")
        #expect(byLine[9]?.message == "expected a whole number from 0 to 10000000, found -1")
        #expect(byLine[10]?.message == "expected a whole number from 0 to 365000, found 1.5")
        #expect(file.config == Config())
    }

    @Test func unknownKeysAreReportedWithAHint() {
        let file = ConfigFile.parse("""
            theme = "dark"

            max_text_width = 60
            colour = "red"
            [keys]
            "j" = 3
            """, file: "c.toml")
        #expect(file.config.theme == "dark")
        #expect(file.config.maxTextWidth == 80)
        let d = file.diagnostics
        #expect(d.count == 3, "\(d)")
        #expect(d.first { $0.line == 3 }?.message.hasPrefix("unknown setting, ignored (did you mean \"max-text-width\"?)") == true)
        #expect(d.first { $0.line == 4 }?.key == "colour")
        #expect(d.first { $0.line == 6 }?.key == "keys.j")
    }

    @Test func syntaxErrorGivesDefaultsAndTheLine() {
        let file = ConfigFile.parse("theme = \"dark\"\nmax-text-width = = 3\n", file: "c.toml")
        #expect(file.config == Config())
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first?.line == 2)
        #expect(file.diagnostics.first?.message.hasPrefix("not valid TOML, using the defaults") == true)
    }

    @Test func keysTableMustBeATable() {
        let file = ConfigFile.parse("keys = \"vim\"", file: "c.toml")
        #expect(file.diagnostics.first?.line == 1)
        #expect(file.diagnostics.first?.key == "keys")
    }

    @Test func loadsFromXDGAndExplicitPaths() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "nr-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["XDG_CONFIG_HOME": dir.path, "HOME": "/nonexistent"]
        // No file at the standard place: defaults, no complaint.
        let missing = ConfigFile.load(explicitPath: nil, environment: env)
        #expect(!missing.exists && missing.diagnostics.isEmpty)
        #expect(missing.path == dir.path + "/newsreader/config.toml")

        try FileManager.default.createDirectory(at: dir.appending(path: "newsreader"), withIntermediateDirectories: true)
        try "theme = \"gruvbox\"\n".write(to: dir.appending(path: "newsreader/config.toml"), atomically: true, encoding: .utf8)
        let standard = ConfigFile.load(explicitPath: nil, environment: env)
        #expect(standard.exists && standard.config.theme == "gruvbox")

        // --config PATH overrides, and must exist.
        let other = dir.appending(path: "other.toml")
        try "theme = \"nord\"\n".write(to: other, atomically: true, encoding: .utf8)
        #expect(ConfigFile.load(explicitPath: other.path, environment: env).config.theme == "nord")
        let absent = ConfigFile.load(explicitPath: dir.appending(path: "nope.toml").path, environment: env)
        #expect(absent.diagnostics.first?.message == "cannot read the config file")

        #expect(ConfigLocation.configDirectory(environment: ["HOME": "/home/ann"]).path == "/home/ann/.config/newsreader")
        #expect(ConfigLocation.configDirectory(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "relative"]).path == "/home/ann/.config/newsreader")
        #expect(ThemeRegistry.themesDirectory(environment: env).path == dir.path + "/newsreader/themes")
    }

    @Test func userThemesAreReadFromTheThemesFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "nr-themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let themes = dir.appending(path: "newsreader/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "inherits = \"nord\"\n\"list.unread\" = { fg = \"#ff00ff\" }\n".write(to: themes.appending(path: "pink.toml"), atomically: true, encoding: .utf8)
        try "list = \"red\"\n".write(to: themes.appending(path: "mono.toml"), atomically: true, encoding: .utf8)
        try "ignored".write(to: themes.appending(path: "notes.txt"), atomically: true, encoding: .utf8)
        let registry = ThemeRegistry.standard(environment: ["XDG_CONFIG_HOME": dir.path])
        #expect(registry.names.contains("pink"))
        #expect(!registry.names.contains("notes"))
        let pink = registry.load("pink")
        #expect(pink.diagnostics.isEmpty)
        #expect(pink.theme.style("list.unread").fg == .rgb(255, 0, 255))
        #expect(pink.theme.style("pane") == registry.load("nord").theme.style("pane"))
        #expect(registry.load("mono").theme.style("list").fg == .ansi(1))
        #expect(registry.user["mono"]?.file == themes.appending(path: "mono.toml").path)
    }

    @Test func effectiveConfigRoundTrips() {
        var config = Config()
        config.theme = "light"
        config.browser = "open \"%u\""
        config.refreshTimeout = 2.5
        config.maxArticlesPerFeed = 250
        config.maxArticleAgeDays = 30
        config.keyOverrides = [KeyOverride(keys: "g g", action: "first", line: 3)]
        let text = config.tomlText
        let again = ConfigFile.parse(text, file: "x")
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics)\n\(text)")
        var expected = config
        expected.keyOverrides = [KeyOverride(keys: "g g", action: "first", line: 16)]
        #expect(again.config == expected, "\(text)")
        #expect(Config.quoted("a\u{1b}[31m") == "\"a\\u001B[31m\"")
    }

    @Test func dateFormat() {
        let date = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14 22:13:20 UTC, a Tuesday
        let utc = TimeZone(identifier: "UTC")!
        #expect(DateFormat("%Y-%m-%d %H:%M:%S").string(from: date, timeZone: utc) == "2023-11-14 22:13:20")
        #expect(DateFormat("%a %e %b %y, %I:%M %p (%j) 100%%").string(from: date, timeZone: utc) == "Tue 14 Nov 23, 10:13 PM (318) 100%")
        #expect(DateFormat("%A %B").string(from: date, timeZone: utc) == "Tuesday November")
        #expect(DateFormat.problem(in: "%Y %q") != nil)
        #expect(DateFormat.problem(in: "50%") == "ends with a lone %")
        #expect(DateFormat.problem(in: "%d.%m.") == nil)
    }

    /// `[keys.list]`, `[keys.pane]`…: entries carry their context and line; `[keys]` has none.
    @Test func keyContextTables() {
        let text = """
            [keys]
            "J" = "half-page-down"

            [keys.list]
            "<Esc>" = "quit"

            [keys.pane]
            "x" = "close"
            "y" = 3
            """
        let file = ConfigFile.parse(text, file: "c.toml")
        #expect(file.config.keyOverrides == [
            KeyOverride(keys: "J", action: "half-page-down", line: 2),
            KeyOverride(keys: "<Esc>", action: "quit", line: 5, context: "list"),
            KeyOverride(keys: "x", action: "close", line: 8, context: "pane"),
        ])
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first?.key == "keys.pane.y")
        #expect(file.diagnostics.first?.line == 9)
        // Written back with the same tables.
        let again = ConfigFile.parse(file.config.tomlText, file: "again.toml")
        #expect(again.config.keyOverrides.map { [$0.keys, $0.action, $0.context ?? "-"] }
                == file.config.keyOverrides.map { [$0.keys, $0.action, $0.context ?? "-"] })
    }
}
