import Foundation
import Screen
import Testing
@testable import Theming

/// The themes in `Themes/`, as embedded into the binary.
@Suite struct ShippedThemesTests {
    static let registry = ThemeRegistry(builtIn: ThemeRegistry.embeddedSources, user: [])
    static let names = registry.names

    @Test func everyFileInThemesFolderIsEmbedded() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Themes")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(Self.names == onDisk)
        for name in onDisk {
            let text = try String(contentsOf: folder.appending(path: name + ".toml"), encoding: .utf8)
            #expect(Self.registry.builtIn[name]?.text == text, "embedded \(name) differs from Themes/\(name).toml")
        }
    }

    @Test func theRequiredThemesShip() {
        for name in ["default", "light", "dark", "solarized-dark", "gruvbox", "nord", "mono"] {
            #expect(Self.names.contains(name), "missing theme \(name)")
        }
    }

    @Test(arguments: names) func parsesWithoutWarningsAndResolvesEveryScope(name: String) {
        let loaded = Self.registry.load(name)
        #expect(loaded.diagnostics.isEmpty, "\(name): \(loaded.diagnostics.map(\.description))")
        let fellBack = loaded.fellBack, loadedName = loaded.theme.name
        #expect(!fellBack)
        #expect(loadedName == name)
        for scope in ThemeScopes.all {
            #expect(loaded.theme.definingScope(for: scope) != nil, "\(name) does not style \(scope)")
        }
    }

    @Test func defaultUsesOnlyANSIAndTerminalColours() {
        let theme = Self.registry.load("default").theme
        for scope in ThemeScopes.all {
            let style = theme.style(scope)
            for color in [style.fg, style.bg] {
                switch color {
                case .terminalDefault, .ansi: break
                default: Issue.record("default: \(scope) uses \(color)")
                }
            }
            #expect(style.mapped(to: .colors16) == style, "\(scope) changes on 16 colours")
        }
    }

    @Test func monoUsesNoColourAndStillMarksStates() {
        let theme = Self.registry.load("mono").theme
        for scope in ThemeScopes.all {
            #expect(theme.style(scope).fg == .terminalDefault && theme.style(scope).bg == .terminalDefault, "\(scope)")
        }
        #expect(theme.style("list.selected") != theme.style("list.selected.focused"))
        #expect(theme.style("search.match") != theme.style("search.current"))
        #expect(theme.style("list.unread") != theme.style("list.read"))
    }

    /// Pairs that must look different at every colour depth: the user must always see which
    /// row is selected in the focused pane, and which search match is the current one.
    static let distinctPairs = [
        ("list.selected", "list.selected.focused"), ("sidebar.selected", "sidebar.selected.focused"),
        ("search.match", "search.current"), ("list.unread", "list.read"), ("list", "list.selected"),
        ("sidebar", "sidebar.selected"), ("pane.body", "search.match"),
    ]

    @Test(arguments: names) func statesStayDistinctAtEveryDepth(name: String) {
        let theme = Self.registry.load(name).theme
        for depth in [ColorDepth.truecolor, .colors256, .colors16, .colors8] {
            let mapped = theme.mapped(to: depth)
            for (a, b) in Self.distinctPairs {
                #expect(mapped.style(a) != mapped.style(b), "\(name) at \(depth): \(a) looks like \(b): bg \(ColorLiteral.format(theme.style(a).bg)) / \(ColorLiteral.format(theme.style(b).bg)) → \(ColorLiteral.format(mapped.style(a).bg))")
            }
        }
    }

    /// On 16 colours and up the themes themselves keep states apart; the attribute repair of
    /// `Theme.mapped(to:)` is only for 8-colour terminals.
    @Test(arguments: names) func statesNeedNoRepairOn16ColoursAndUp(name: String) {
        let theme = Self.registry.load(name).theme
        for depth in [ColorDepth.truecolor, .colors256, .colors16] {
            for (a, b) in Self.distinctPairs {
                #expect(theme.style(a).mapped(to: depth) != theme.style(b).mapped(to: depth),
                        "\(name) at \(depth): \(a) looks like \(b): bg \(ColorLiteral.format(theme.style(a).bg)) / \(ColorLiteral.format(theme.style(b).bg))")
            }
            for scope in ThemeScopes.all {
                let s = theme.style(scope).mapped(to: depth)
                #expect(s.bg == .terminalDefault || s.fg != s.bg, "\(name) at \(depth): \(scope) fg = bg")
            }
        }
    }

    /// Text must not vanish into its background when colours are reduced.
    @Test(arguments: names) func foregroundNeverEqualsBackgroundAtLowDepths(name: String) {
        let theme = Self.registry.load(name).theme
        for depth in [ColorDepth.truecolor, .colors256, .colors16, .colors8] {
            let mapped = theme.mapped(to: depth)
            for scope in ThemeScopes.all {
                let s = mapped.style(scope)
                guard s.bg != .terminalDefault else { continue }
                #expect(s.fg != s.bg, "\(name) at \(depth): \(scope) has fg = bg = \(s.fg) (from \(ColorLiteral.format(theme.style(scope).fg)) on \(ColorLiteral.format(theme.style(scope).bg)))")
            }
        }
    }

    /// WCAG contrast of text on its background, for the themes that set both in RGB.
    @Test(arguments: names) func textIsReadable(name: String) {
        let theme = Self.registry.load(name).theme
        let decorative: Set = ["border", "pane.rule"]
        for scope in ThemeScopes.all where !decorative.contains(scope) {
            let s = theme.style(scope)
            guard case .rgb(let fr, let fg, let fb) = s.fg, case .rgb(let br, let bg, let bb) = s.bg else { continue }
            let ratio = Self.contrast((fr, fg, fb), (br, bg, bb))
            let body: Set = ["pane.body", "list", "list.unread", "pane.title", "sidebar", "help"]
            let minimum = body.contains(scope) ? 4.5 : 3.0
            #expect(ratio >= minimum, "\(name): \(scope) \(ColorLiteral.format(s.fg)) on \(ColorLiteral.format(s.bg)) contrast \(String(format: "%.2f", ratio)) < \(minimum)")
        }
    }

    static func contrast(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Double {
        func luminance(_ c: (UInt8, UInt8, UInt8)) -> Double {
            func ch(_ v: UInt8) -> Double {
                let x = Double(v) / 255
                return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
        }
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
