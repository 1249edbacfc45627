import Screen
import TerminalText
import Testing
@testable import Reader

/// Screens rendered through the pure view into a TestBackend, asserted as text and styles.
@Suite struct ScreenSnapshotTests {
    let styles = PlainStyles()

    func render(_ state: AppState) -> Buffer {
        var terminal = Terminal(backend: TestBackend(width: state.width, height: state.height))
        terminal.draw(state.view(styles: styles), cursor: state.cursorPosition)
        return terminal.backend.buffer
    }

    @Test func wideTerminalShowsThreePanesWithSidebarCounts() {
        let screen = render(Fixtures.state(width: 120, height: 16))
        let lines = screen.lines
        #expect(lines[0].hasPrefix(" All         45/120 │"))
        #expect(lines[1].hasPrefix(" Unread          45 │"))
        #expect(lines[2].hasPrefix(" Bookmarks        3 │"))
        #expect(lines[3].hasPrefix(" Sections           │"))
        #expect(lines[4].hasPrefix("  SECURITY    10/40 │"))
        #expect(lines[5].hasPrefix("   Cybersecur… 4/25 │"))
        #expect(lines[6].hasPrefix("  SCIENCE     35/80 │"))
        #expect(lines[7].hasPrefix(" Tags               │"))
        #expect(lines[8].hasPrefix("  #swift       2/12 │"))
        #expect(lines[9].hasPrefix("  #日本           5 │"))
        #expect(lines[0].contains("Select an article and press Enter"))
        #expect(lines[15].hasPrefix(" All · 1/6"))
        #expect(lines[15].hasSuffix("F1 help "))
        // Heading style and selection.
        #expect(screen.style(of: "Sections", row: 3)?.attributes.contains(.bold) == true)
        #expect(screen[1, 0].style.attributes.contains(.reverse))
    }

    @Test func listColumnsLineUpWithJapaneseAndEmojiTitles() {
        for width in [120, 160] {
            let state = Fixtures.state(width: width, height: 10)
            let screen = render(state)
            let list = state.geometry.list!
            var sourceColumns: Set<Int> = []
            for y in 0..<6 {
                #expect(screen.column(of: "Nov 27", row: y) == list.x + 1, "date column in row \(y)")
                #expect(screen[list.maxX, y].text == "│", "row \(y) overruns the list: \(screen.lines[y])")
                if width >= 160 {
                    guard let source = screen.column(of: "Example Feed", row: y) else {
                        Issue.record("row \(y) has no source: \(screen.lines[y])")
                        continue
                    }
                    sourceColumns.insert(source)
                }
            }
            if width >= 160 { #expect(sourceColumns.count == 1, "source column differs: \(screen.lines.prefix(6))") }
            // Unread dot and bookmark star in fixed columns; row 2 is read (no dot).
            let flags = list.x + 8
            #expect(screen[flags, 0].text == "●")
            #expect(screen[flags + 1, 1].text == "★")
            #expect(screen[flags, 2].text == " ")
            // Titles start in one column whatever their script, and wide ones are cut with "…".
            for y in 0..<6 { #expect(screen[flags + 3, y].text != " ", "title column in row \(y)") }
            #expect(screen.lines[1].contains("日本語のニュース"))
            #expect(screen.lines[1].contains("…"))
        }
    }

    @Test func paneReflowsAt40And80And120Columns() {
        for width in [40, 80, 120] {
            var state = Fixtures.state(width: width, height: 30)
            Fixtures.type("<Enter>", into: &state)
            let screen = render(state)
            let pane = state.geometry.pane!
            let textWidth = min(pane.width - 2, 80)
            #expect(state.pane.layoutWidth == textWidth)
            let body = screen.lines[pane.y..<pane.maxY]
            #expect(body.contains { $0.contains("Introduction") }, "width \(width): \(screen.lines)")
            // Paragraph text fills lines to near the text width and never beyond it.
            let layout = state.pane.content!.layout
            let paragraphLines = layout.lines.filter { $0.blockIndex == 1 && $0.kind == .text }.map(\.text)
            #expect(paragraphLines.count >= 2)
            for line in paragraphLines { #expect(DisplayWidth.width(line) <= textWidth) }
            #expect(DisplayWidth.width(paragraphLines[0]) > textWidth - 12)
            #expect(paragraphLines.joined(separator: " ") == Fixtures.paragraph)
        }
    }

    @Test func narrowTerminalGivesThePaneTheScreenAndStacksWhileBrowsing() {
        var state = Fixtures.state(width: 60, height: 20)
        #expect(state.geometry.list == Rect(x: 0, y: 0, width: 60, height: 19))
        Fixtures.type("<Enter>", into: &state)
        #expect(state.focus == .pane)
        #expect(state.geometry.pane == Rect(x: 0, y: 0, width: 60, height: 19))
        #expect(render(state).lines[0].contains("A long article title"))
        Fixtures.type("h", into: &state)
        #expect(state.focus == .list)
        #expect(state.geometry.list!.height == 6)
        #expect(state.geometry.pane!.y == 7)
        let screen = render(state)
        #expect(screen.lines[6].allSatisfy { $0 == "─" })
    }

    @Test func searchHighlightsEveryMatchAndTheCurrentOneDistinctly() {
        var state = Fixtures.state(width: 120, height: 30)
        Fixtures.type("<Enter>/fox<Enter>", into: &state)
        let screen = render(state)
        #expect(state.pane.search.matches.count == 7)
        #expect(state.pane.search.current == 0)
        #expect(screen.lines[29].contains("match 1/7"))
        var current = 0, other = 0
        for y in 0..<29 {
            for x in 0..<(screen.width - 2) {
                let word = (0..<3).map { screen[x + $0, y].text }.joined().lowercased()
                guard word == "fox" else { continue }
                let attributes = screen[x, y].style.attributes
                if attributes.contains(.reverse) { current += 1 } else if attributes.contains(.underline) { other += 1 }
            }
        }
        #expect(current == 1)
        #expect(other >= 2)
    }

    @Test func aMatchAcrossAWrapIsHighlightedOnBothLinesAndSurvivesResize() {
        var state = Fixtures.state(width: 60, height: 30)
        Fixtures.type("<Enter>/reading pane wraps every word<Enter>", into: &state)
        #expect(state.pane.search.matches.count == 1)
        // Find a width where the phrase is broken across two lines.
        var found = false
        for width in 40...90 {
            _ = state.update(.resize(width: width, height: 30))
            guard let match = state.pane.search.matches.first, match.segments.count == 2 else { continue }
            found = true
            #expect(state.pane.search.current == 0, "the current match is kept across the re-wrap")
            let screen = render(state)
            let pane = state.geometry.pane!
            let x0 = PaneView.textOrigin(pane, textWidth: state.pane.layoutWidth)
            for seg in match.segments {
                let y = pane.y + state.pane.headerHeight + seg.line - state.pane.top
                for x in (x0 + seg.startColumn)..<(x0 + seg.endColumn) {
                    #expect(screen[x, y].style.attributes.contains(.reverse), "width \(width) cell \(x),\(y)")
                }
            }
            #expect(screen.lines[29].contains("match 1/1"))
            break
        }
        #expect(found, "no width broke the phrase across lines")
    }

    @Test func helpScreenIsGeneratedFromTheKeymap() {
        let (map, _) = Keymap.standard.applying(overrides: [(keys: "J", action: "half-page-down")])
        var state = Fixtures.state(width: 100, height: 40, keymap: map)
        Fixtures.type("<F1>", into: &state)
        let screen = render(state)
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("newsreader keys"))
        #expect(screen.lines.contains { $0.hasPrefix("  j  <Down>") && $0.contains("Move down") })
        #expect(screen.lines.contains { $0.contains("C-d  J") && $0.contains("Half a page down") })
        #expect(screen.style(of: "Everywhere", row: screen.row(containing: "Everywhere")!)?.attributes.contains(.bold) == true)
        // The commands are at the end (G scrolls there).
        Fixtures.type("G", into: &state)
        #expect(render(state).lines.joined(separator: "\n").contains(":theme NAME"))
        Fixtures.type("q", into: &state)
        #expect(state.helpTop == nil)
        #expect(!state.quitRequested)
    }

    @Test func tinyTerminalsSayTooSmallAndNeverCrash() {
        var one = Fixtures.state(width: 1, height: 1)
        #expect(render(one).lines == ["…"])
        let small = render(Fixtures.state(width: 10, height: 3))
        #expect(small.lines[0] == "Terminal …")
        #expect(small.lines[1] == "10x3, nee…")
        // A resize storm with keys in between, down to zero and back.
        var sizes: [(Int, Int)] = []
        for i in 0..<200 { sizes.append(((i * 37) % 150, (i * 13) % 50)) }
        for (i, (w, h)) in sizes.enumerated() {
            _ = one.update(.resize(width: w, height: h))
            Fixtures.type(i % 3 == 0 ? "<Enter>" : i % 3 == 1 ? "j" : "G", into: &one)
            let screen = render(one)
            #expect(screen.width == w && screen.height == h)
        }
    }

    @Test func controlCharactersInTitlesAreShownNotSent() {
        var rows = Fixtures.rows(3)
        rows[0].title = "Evil \u{1b}[2J title\u{07} with \u{202e}bidi"
        let screen = render(Fixtures.state(width: 120, height: 8, rows: rows))
        #expect(screen.lines[0].contains("Evil ^[[2J title^G with bidi"))
        for cell in screen.cells { #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202e}" }) }
    }
}

