import Screen
import Testing
@testable import Theming

/// Parsing, cascading, inheritance and error handling, on themes written here.
@Suite struct ThemeFileTests {
    /// A registry with only the given themes as built-ins (plus the real default theme,
    /// which fallbacks need) and the given user themes.
    func registry(builtIn: [String: String] = [:], user: [String: String] = [:]) -> ThemeRegistry {
        var sources = ThemeRegistry.embeddedSources.filter { $0.name == "default" }
        for (name, text) in builtIn {
            sources.removeAll { $0.name == name }
            sources.append(.init(name: name, file: "Themes/\(name).toml", text: text, isUser: false))
        }
        let users = user.map { ThemeRegistry.Source(name: $0.key, file: "/home/u/.config/newsreader/themes/\($0.key).toml", text: $0.value, isUser: true) }
        return ThemeRegistry(builtIn: sources, user: users)
    }

    @Test func fallsBackAlongTheDots() {
        let theme = registry(builtIn: ["t": """
            list = { fg = "red" }
            "list.unread" = { fg = "blue", modifiers = ["bold"] }
            """]).load("t").theme
        #expect(theme.style("list.unread.selected") == Style(fg: .ansi(4), attributes: .bold))
        #expect(theme.style("list.unread") == Style(fg: .ansi(4), attributes: .bold))
        #expect(theme.style("list.read") == Style(fg: .ansi(1)))
        #expect(theme.style("list") == Style(fg: .ansi(1)))
        #expect(theme.style("pane.body") == .plain)
        #expect(theme.style("no.such.scope") == .plain)
        #expect(theme.definingScope(for: "list.unread.selected") == "list.unread")
        #expect(theme.definingScope(for: "pane.body") == nil)
    }

    @Test func unsetFieldsComeFromTheNearestAncestor() {
        let theme = registry(builtIn: ["t": """
            pane = { fg = "#aabbcc", bg = "#102030", modifiers = ["italic"] }
            "pane.quote" = { fg = "green" }
            "pane.code" = { modifiers = [] }
            """]).load("t").theme
        #expect(theme.style("pane.quote") == Style(fg: .ansi(2), bg: .rgb(0x10, 0x20, 0x30), attributes: .italic))
        // An explicit empty list clears the inherited modifiers.
        #expect(theme.style("pane.code") == Style(fg: .rgb(0xaa, 0xbb, 0xcc), bg: .rgb(0x10, 0x20, 0x30)))
        // A scope the theme does not write falls back to the nearest written one.
        #expect(theme.style("pane.quote.nested") == theme.style("pane.quote"))
    }

    @Test func colourForms() {
        let theme = registry(builtIn: ["t": """
            "list.unread" = "bright-blue"
            "list.read" = 244
            "list.date" = 3
            "list.source" = { fg = "#abc", bg = "default" }
            "list.flag" = { fg = "accent", bg = "light_red" }
            "pane.title" = { fg = "grey" }
            [palette]
            accent = "#ff8800"
            """]).load("t")
        #expect(theme.diagnostics.isEmpty, "\(theme.diagnostics)")
        let t = theme.theme
        #expect(t.style("list.unread").fg == .ansi(12))
        #expect(t.style("list.read").fg == .indexed(244))
        #expect(t.style("list.date").fg == .ansi(3))
        #expect(t.style("list.source") == Style(fg: .rgb(0xaa, 0xbb, 0xcc), bg: .terminalDefault))
        #expect(t.style("list.flag") == Style(fg: .rgb(0xff, 0x88, 0), bg: .ansi(9)))
        #expect(t.style("pane.title").fg == .ansi(8))
    }

    @Test func tableHeadersAndUnquotedDottedKeysAreScopes() {
        let loaded = registry(builtIn: ["t": """
            pane.quote = { fg = "green" }
            [list]
            fg = "red"
            unread = { modifiers = ["bold"] }
            [palette]
            x = "blue"
            """]).load("t")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.theme.style("list") == Style(fg: .ansi(1)))
        #expect(loaded.theme.style("list.unread") == Style(fg: .ansi(1), attributes: .bold))
        #expect(loaded.theme.style("pane.quote").fg == .ansi(2))
    }

    @Test func paletteNamesShadowANSINames() {
        let theme = registry(builtIn: ["t": """
            error = "red"
            [palette]
            red = "#cc241d"
            """]).load("t").theme
        #expect(theme.style("error").fg == .rgb(0xcc, 0x24, 0x1d))
    }

    @Test func badEntriesWarnWithFileLineAndKeyAndTheRestStillWorks() {
        let text = """
            # a theme with mistakes
            list = { fg = "red" }
            "list.unread" = { fg = "chartreuse", modifiers = ["bold", "blink"] }
            "list.raed" = "not-a-colour-either"
            "pane.body" = { fg = "green", shade = 3 }
            "pane.title" = 300
            [palette]
            broken = "#12345"
            """
        let loaded = registry(user: ["oops": text]).load("oops")
        #expect(!loaded.fellBack)
        let file = "/home/u/.config/newsreader/themes/oops.toml"
        func has(_ line: Int, _ key: String, _ message: String) -> Bool {
            loaded.diagnostics.contains { $0.line == line && $0.key == key && $0.message.hasPrefix(message) }
        }
        let found = loaded.diagnostics.map(\.description)
        #expect(loaded.diagnostics.allSatisfy { $0.file == file })
        #expect(has(3, "list.unread.modifiers", "unknown modifier \"blink\""), "\(found)")
        #expect(has(3, "list.unread.fg", "unknown colour \"chartreuse\""), "\(found)")
        #expect(has(4, "list.raed", "unknown scope"), "\(found)")
        #expect(has(5, "pane.body.shade", "unknown style field"), "\(found)")
        #expect(has(6, "pane.title", "colour index 300 is outside 0–255"), "\(found)")
        #expect(has(8, "palette.broken", "\"#12345\" is not a colour"), "\(found)")
        #expect(loaded.diagnostics.count == 6, "\(found)")
        #expect(found.contains(file + ":4: list.raed: unknown scope, ignored (known scopes: `newsreader themes --scopes`)"))
        // The good parts are used: bold survives the bad modifier, fg falls back to list's.
        #expect(loaded.theme.style("list.unread") == Style(fg: .ansi(1), attributes: .bold))
        #expect(loaded.theme.style("pane.body").fg == .ansi(2))
    }

    @Test func stylesWrittenAfterThePaletteHeaderAreExplained() {
        let loaded = registry(builtIn: ["t": """
            [palette]
            fg = "#ffffff"
            list = { fg = "fg" }
            """]).load("t")
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.line == 3)
        #expect(loaded.diagnostics.first?.message.contains("must come before the [palette] header") == true)
    }

    @Test func unparseableThemeFallsBackToDefaultWithTheLine() {
        let loaded = registry(user: ["bad": "list = { fg = \"red\" }\n\"pane\" = { fg = \n"]).load("bad")
        #expect(loaded.fellBack)
        #expect(loaded.theme.name == "default")
        let first = loaded.diagnostics.first
        #expect(first?.file == "/home/u/.config/newsreader/themes/bad.toml")
        #expect(first?.line == 2)
        #expect(first?.message.hasPrefix("not valid TOML") == true)
        #expect(loaded.diagnostics.contains { $0.message.contains("using the default theme instead of \"bad\"") })
    }

    @Test func unknownThemeFallsBackToDefault() {
        let loaded = registry().load("nope")
        #expect(loaded.fellBack)
        #expect(loaded.theme.name == "default")
        #expect(loaded.diagnostics.first?.message.contains("no theme named \"nope\"") == true)
    }

    @Test func inheritanceMergesOverTheParent() {
        let r = registry(builtIn: [
            "base": """
                list = { fg = "fg", bg = "bg" }
                "list.unread" = { fg = "hot", modifiers = ["bold"] }
                "list.date" = { fg = "cyan" }
                [palette]
                fg = "#dddddd"
                bg = "#111111"
                hot = "#ff0000"
                """,
            "child": """
                inherits = "base"
                "list.date" = { fg = "magenta", modifiers = ["italic"] }
                [palette]
                bg = "#000033"
                """,
        ])
        let loaded = r.load("child")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let t = loaded.theme
        #expect(t.name == "child")
        // The child's palette changes the parent's styles…
        #expect(t.style("list") == Style(fg: .rgb(0xdd, 0xdd, 0xdd), bg: .rgb(0, 0, 0x33)))
        // …parent styles it does not touch remain…
        #expect(t.style("list.unread") == Style(fg: .rgb(0xff, 0, 0), bg: .rgb(0, 0, 0x33), attributes: .bold))
        // …and a scope it writes replaces the parent's entry.
        #expect(t.style("list.date") == Style(fg: .ansi(5), bg: .rgb(0, 0, 0x33), attributes: .italic))
        // The parent itself is unchanged.
        #expect(r.load("base").theme.style("list").bg == .rgb(0x11, 0x11, 0x11))
    }

    @Test func inheritanceCyclesAreDetected() {
        let loaded = registry(user: [
            "a": "inherits = \"b\"\nlist = \"red\"\n",
            "b": "\n\ninherits = \"c\"\n",
            "c": "inherits = \"a\"\n",
        ]).load("a")
        #expect(loaded.fellBack)
        #expect(loaded.theme.name == "default")
        let cycle = loaded.diagnostics.first { $0.message.contains("cycle") }
        #expect(cycle?.message == "inheritance cycle: a → b → c → a")
        #expect(cycle?.key == "inherits")
        #expect(cycle?.file.hasSuffix("/c.toml") == true)
        #expect(cycle?.line == 1)
    }

    @Test func selfInheritanceIsACycleForBuiltInThemes() {
        let loaded = registry(builtIn: ["x": "inherits = \"x\"\n"]).load("x")
        #expect(loaded.fellBack)
        #expect(loaded.diagnostics.contains { $0.message == "inheritance cycle: x → x" })
    }

    @Test func missingParentFallsBackWithLine() {
        let loaded = registry(user: ["k": "list = \"red\"\ninherits = \"ghost\"\n"]).load("k")
        #expect(loaded.fellBack)
        let d = loaded.diagnostics.first
        #expect(d?.line == 2)
        #expect(d?.message.hasPrefix("no theme named \"ghost\" to inherit from") == true)
    }

    @Test func userThemesAddAndOverride() {
        let r = registry(builtIn: ["dark": "list = \"red\"\n", "gruv": "inherits = \"dark\"\n"],
                         user: ["dark": "list = \"blue\"\n", "mine": "inherits = \"dark\"\npane = \"green\"\n"])
        #expect(r.names == ["dark", "default", "gruv", "mine"])
        #expect(r.load("dark").theme.style("list").fg == .ansi(4))
        // A user theme inheriting a name gets the user's version…
        #expect(r.load("mine").theme.style("list").fg == .ansi(4))
        #expect(r.load("mine").theme.style("pane").fg == .ansi(2))
        // …but built-in themes keep their built-in parents.
        #expect(r.load("gruv").theme.style("list").fg == .ansi(1))
    }

    @Test func userThemeMayInheritTheBuiltInOfItsOwnName() {
        let r = registry(builtIn: ["dark": "list = \"red\"\npane = \"cyan\"\n"],
                         user: ["dark": "inherits = \"dark\"\nlist = \"blue\"\n"])
        let loaded = r.load("dark")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.theme.style("list").fg == .ansi(4))
        #expect(loaded.theme.style("pane").fg == .ansi(6))
    }

    @Test func brokenUserDefaultFallsBackToBuiltInDefault() {
        let loaded = registry(user: ["default": "list = [\n"]).load("default")
        #expect(loaded.fellBack)
        #expect(loaded.theme == ThemeRegistry(builtIn: ThemeRegistry.embeddedSources, user: []).load("default").theme)
    }

    @Test func noColorPicksMono() {
        #expect(ThemeRegistry.themeName(configured: "nord", environment: ["NO_COLOR": "1"], depth: .truecolor) == "mono")
        #expect(ThemeRegistry.themeName(configured: "nord", environment: ["NO_COLOR": ""], depth: .colors256) == "nord")
        #expect(ThemeRegistry.themeName(configured: "nord", environment: [:], depth: .none) == "mono")
        #expect(ThemeRegistry.themeName(configured: nil, environment: [:], depth: .colors16) == "default")
    }

    @Test func activeThemeIsMappedToTheTerminal() {
        let r = ThemeRegistry(builtIn: ThemeRegistry.embeddedSources, user: [])
        let nord16 = r.active(configured: "nord", environment: [:], depth: .colors16)
        #expect(nord16.theme.name == "nord")
        for scope in ThemeScopes.all {
            let s = nord16.theme.style(scope)
            for c in [s.fg, s.bg] {
                if case .rgb = c { Issue.record("\(scope) still RGB") }
                if case .indexed = c { Issue.record("\(scope) still indexed") }
            }
        }
        let noColor = r.active(configured: "nord", environment: ["NO_COLOR": "1"], depth: .none)
        #expect(noColor.theme.name == "mono")
        #expect(ThemeScopes.all.allSatisfy { noColor.theme.style($0).fg == .terminalDefault && noColor.theme.style($0).bg == .terminalDefault })
        #expect(noColor.theme.style("list.selected.focused") != noColor.theme.style("list.selected"))
    }

    @Test func mappingRepairsStatesThatMerge() {
        // Two greys that both become black on 8 colours.
        let theme = registry(builtIn: ["t": """
            list = { fg = "#eeeeee", bg = "#101010" }
            "list.selected" = { bg = "#202020" }
            "list.selected.focused" = { bg = "#303030" }
            "list.date" = { fg = "#080808" }
            """]).load("t").theme
        let eight = theme.mapped(to: .colors8)
        #expect(eight.style("list") == Style(fg: .ansi(7), bg: .ansi(0)))
        #expect(eight.style("list.selected") == Style(fg: .ansi(7), bg: .ansi(0), attributes: .underline))
        #expect(eight.style("list.selected.focused") == Style(fg: .ansi(7), bg: .ansi(0), attributes: .reverse))
        // Near-black text on a near-black background becomes visible.
        #expect(eight.style("list.date") == Style(fg: .ansi(7), bg: .ansi(0)))
        // At full colour nothing is touched.
        #expect(theme.mapped(to: .truecolor) == theme)
    }
}
