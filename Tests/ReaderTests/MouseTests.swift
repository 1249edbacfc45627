import Foundation
import NewsModel
import Screen
import Testing
@testable import Reader

/// Clicks select, a double click opens, the wheel scrolls the pane under the pointer, and
/// clicks on borders and the status line change nothing.
@Suite struct MouseTests {
    static func send(_ event: MouseEvent, _ state: inout AppState, rows: [ArticleSummary] = Fixtures.rows(60)) {
        MemoryLibrary(rows: rows, counts: Fixtures.counts, articles: [Fixtures.article()])
            .run(state.update(.key(.mouse(event))), on: &state)
    }

    @Test func clickSelectsAndDoubleClickOpens() throws {
        let rows = Fixtures.rows(60)
        var state = Fixtures.state(width: 120, height: 30, rows: rows)
        let list = try #require(state.geometry.list)
        Self.send(MouseEvent(.click, x: list.x + 5, y: list.y + 3), &state)
        #expect(state.list.cursor == 3)
        #expect(state.focus == .list)
        #expect(state.pane.article == nil, "a click only selects")
        Self.send(MouseEvent(.doubleClick, x: list.x + 5, y: list.y + 0), &state)
        #expect(state.list.cursor == 0)
        #expect(state.focus == .pane)
        #expect(state.pane.article?.id == rows[0].id)
        // The sidebar: a click selects the entry and shows its list; headings do nothing.
        let sidebar = try #require(state.geometry.sidebar)
        Self.send(MouseEvent(.click, x: sidebar.x + 2, y: sidebar.y + 2), &state)
        #expect(state.focus == .sidebar)
        #expect(state.list.filter == .bookmarks)
        Self.send(MouseEvent(.click, x: sidebar.x + 2, y: sidebar.y + 3), &state)
        #expect(state.list.filter == .bookmarks, "the Sections heading is not selectable")
        Self.send(MouseEvent(.doubleClick, x: sidebar.x + 2, y: sidebar.y + 0), &state)
        #expect(state.list.filter == .all)
        #expect(state.focus == .list)
    }

    @Test func wheelScrollsThePaneUnderThePointer() throws {
        let rows = Fixtures.rows(60)
        var state = Fixtures.state(width: 120, height: 30, rows: rows)
        Fixtures.type("<Enter>", into: &state, rows: rows)
        let pane = try #require(state.geometry.pane)
        let list = try #require(state.geometry.list)
        Self.send(MouseEvent(.wheelDown, x: pane.x + 3, y: pane.y + 3), &state)
        #expect(state.pane.top == 3)
        Self.send(MouseEvent(.wheelUp, x: pane.x + 3, y: pane.y + 3), &state)
        #expect(state.pane.top == 0)
        // Over the list, the list scrolls (focus stays in the pane); the cursor stays on screen.
        for _ in 0..<5 { Self.send(MouseEvent(.wheelDown, x: list.x + 3, y: list.y + 3), &state) }
        #expect(state.list.offset == 15)
        #expect(state.list.cursor == 15)
        #expect(state.focus == .pane)
        #expect(state.pane.top == 0)
    }

    @Test func bordersAndTheStatusLineAreHarmless() throws {
        var state = Fixtures.state(width: 120, height: 30)
        let before = (state.list.cursor, state.focus, state.list.filter, state.sidebar.cursor)
        let g = state.geometry
        for event in [MouseEvent(.click, x: g.verticalSeparators[0].x, y: 4), MouseEvent(.doubleClick, x: g.verticalSeparators[1].x, y: 2),
                      MouseEvent(.click, x: 10, y: 29), MouseEvent(.doubleClick, x: 60, y: 29), MouseEvent(.wheelDown, x: 5, y: 29),
                      MouseEvent(.click, x: 500, y: 500), MouseEvent(.click, x: -1, y: -1)] {
            Self.send(event, &state, rows: Fixtures.rows(6))
        }
        #expect(state.list.cursor == before.0 && state.focus == before.1 && state.list.filter == before.2 && state.sidebar.cursor == before.3)
        // A click past the last row selects nothing.
        let list = try #require(g.list)
        Self.send(MouseEvent(.click, x: list.x + 3, y: list.y + 20), &state, rows: Fixtures.rows(6))
        #expect(state.list.cursor == 0)
    }
}
