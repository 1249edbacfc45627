import Testing
import Screen
import Theming
@testable import Reader

/// The same screen under two themes, on 16 colours and under NO_COLOR: the text never
/// changes, the styles follow the theme, and every state stays visible.
@Suite struct ThemedSnapshotTests {
    static let registry = ThemeRegistry(builtIn: ThemeRegistry.embeddedSources, user: [])

    func render(_ state: AppState, _ styles: StyleProvider) -> Buffer {
        var terminal = Terminal(backend: TestBackend(width: state.width, height: state.height))
        terminal.draw(state.view(styles: styles), cursor: state.cursorPosition)
        return terminal.backend.buffer
    }

    /// A screen with the sidebar, the list and an open article (the pane has focus).
    func state() -> AppState {
        var state = Fixtures.state(width: 120, height: 16)
        Fixtures.type("<Enter>", into: &state)
        return state
    }

    func cells(_ screen: Buffer) -> [(x: Int, y: Int, cell: Cell)] {
        var all: [(Int, Int, Cell)] = []
        for y in 0..<screen.height { for x in 0..<screen.width { all.append((x, y, screen[x, y])) } }
        return all
    }

    @Test func twoThemesSameTextDifferentStyles() {
        let state = state()
        let dark = Self.registry.load("dark").theme
        let light = Self.registry.load("light").theme
        let darkScreen = render(state, dark)
        let lightScreen = render(state, light)
        #expect(darkScreen.lines == lightScreen.lines)
        #expect(darkScreen.lines == render(state, PlainStyles()).lines)
        // Backgrounds come from each theme: the sidebar, the list and the pane.
        let g = state.geometry
        for (screen, theme) in [(darkScreen, dark), (lightScreen, light)] {
            #expect(screen[g.sidebar!.x, g.sidebar!.maxY - 1].style.bg == theme.style("sidebar").bg)
            #expect(screen[g.pane!.maxX - 1, g.pane!.maxY - 1].style.bg == theme.style("pane").bg)
            // The open article's row is the focused selection.
            let selected = theme.style(state.focus == .list ? "list.selected.focused" : "list.selected")
            #expect(screen[g.list!.x + 2, g.list!.y + state.list.cursor - state.list.offset].style.bg == selected.bg)
        }
        #expect(darkScreen[g.pane!.maxX - 1, g.pane!.maxY - 1].style.bg != lightScreen[g.pane!.maxX - 1, g.pane!.maxY - 1].style.bg)
    }

    @Test(arguments: ["dark", "gruvbox", "nord", "solarized-dark", "light", "solarized-light", "default"])
    func sixteenColoursOnlyANSIAndTextStaysVisible(name: String) {
        let state = state()
        let theme = Self.registry.load(name).theme.mapped(to: .colors16)
        let screen = render(state, theme)
        #expect(screen.lines == render(state, PlainStyles()).lines)
        for (x, y, cell) in cells(screen) {
            for color in [cell.style.fg, cell.style.bg] {
                switch color {
                case .ansi(let n): #expect(n < 16)
                case .terminalDefault: break
                default: Issue.record("\(name): cell \(x),\(y) has \(color) on 16 colours")
                }
            }
            if cell.text != " ", cell.style.bg != .terminalDefault, !cell.style.attributes.contains(.reverse) {
                #expect(cell.style.fg != cell.style.bg, "\(name): \(cell.text) at \(x),\(y) is invisible")
            }
        }
        // The focused selection differs from the rows around it.
        let g = state.geometry
        let row = g.list!.y + state.list.cursor - state.list.offset
        let other = row == g.list!.y ? row + 1 : g.list!.y
        #expect(screen[g.list!.x + 2, row].style != screen[g.list!.x + 2, other].style)
    }

    @Test func noColorIsMonoWithoutAnyColour() {
        let state = state()
        let name = ThemeRegistry.themeName(configured: "nord", environment: ["NO_COLOR": "1"], depth: .none)
        #expect(name == "mono")
        let screen = render(state, Self.registry.load(name).theme.mapped(to: .none))
        #expect(screen.lines == render(state, PlainStyles()).lines)
        #expect(cells(screen).allSatisfy { $0.cell.style.fg == .terminalDefault && $0.cell.style.bg == .terminalDefault })
        let g = state.geometry
        let row = g.list!.y + state.list.cursor - state.list.offset
        // The article is open, so the pane has focus: the list's selection is underlined
        // (mono's unfocused mark), the focused one would be reversed.
        #expect(state.focus == .pane)
        #expect(screen[g.list!.x + 2, row].style.attributes.contains(.underline), "selection is marked")
        var listFocused = state
        Fixtures.type("<Esc>", into: &listFocused)
        #expect(listFocused.focus == .list)
        let again = render(listFocused, Self.registry.load(name).theme.mapped(to: .none))
        let g2 = listFocused.geometry
        #expect(again[g2.list!.x + 2, g2.list!.y + listFocused.list.cursor - listFocused.list.offset].style.attributes.contains(.reverse),
                "focused selection is reversed")
        // The status line is reversed too, and stays apart from the list.
        #expect(screen[0, state.height - 1].style.attributes.contains(.reverse))
    }
}
