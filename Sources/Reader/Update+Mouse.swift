import Foundation
import Screen

/// Clicks select (a sidebar entry, an article), a double click opens, the wheel scrolls the
/// pane under the pointer; borders, the status line and empty space ignore clicks.
extension AppState {
    static let wheelStep = 3

    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        // Over the help, a question or the link list, only the help scrolls.
        if helpTop != nil {
            switch event.kind {
            case .wheelUp: return perform(.moveUp, count: AppState.wheelStep)
            case .wheelDown: return perform(.moveDown, count: AppState.wheelStep)
            default: return []
            }
        }
        guard prompt == nil, confirmation == nil, linkPicker == nil else { return [] }
        let g = geometry
        func inside(_ r: Rect?) -> Rect? {
            guard let r, event.x >= r.x, event.x < r.maxX, event.y >= r.y, event.y < r.maxY else { return nil }
            return r
        }
        pendingKeys = []; count = nil
        if let r = inside(g.sidebar) { return mouseInSidebar(event, row: event.y - r.y) }
        if let r = inside(g.list) { return mouseInList(event, row: event.y - r.y) }
        if inside(g.pane) != nil { return mouseInPane(event) }
        return []
    }

    private mutating func mouseInSidebar(_ event: MouseEvent, row: Int) -> [Effect] {
        switch event.kind {
        case .wheelUp, .wheelDown:
            let h = g().sidebar?.height ?? 1
            let delta = event.kind == .wheelUp ? -AppState.wheelStep : AppState.wheelStep
            sidebar.offset = max(0, min(sidebar.offset + delta, sidebar.items.count - h))
            return []
        case .click, .doubleClick:
            let index = sidebar.offset + row
            guard sidebar.items.indices.contains(index), !sidebar.items[index].isHeading else { return [] }
            var effects = focus == .sidebar ? [] : setFocus(.sidebar)
            effects += moveSidebar(by: index - sidebar.cursor)
            if event.kind == .doubleClick { effects += setFocus(.list) }
            return effects
        }
    }

    private mutating func mouseInList(_ event: MouseEvent, row: Int) -> [Effect] {
        switch event.kind {
        case .wheelUp, .wheelDown:
            // Scroll the rows; the cursor stays on screen.
            let h = listHeight
            let delta = event.kind == .wheelUp ? -AppState.wheelStep : AppState.wheelStep
            list.offset = max(0, min(list.offset + delta, knownTotal - h))
            let cursor = min(max(list.cursor, list.offset), list.offset + h - 1)
            if cursor != list.cursor { return moveList(to: cursor) }
            return ensureListWindow()
        case .click, .doubleClick:
            let index = list.offset + row
            guard index < knownTotal else { return [] }
            var effects = focus == .list ? [] : setFocus(.list)
            effects += moveList(to: index)
            if event.kind == .doubleClick, let row = list.selected { effects += openRow(row) }
            return effects
        }
    }

    private mutating func mouseInPane(_ event: MouseEvent) -> [Effect] {
        switch event.kind {
        case .wheelUp: scrollPane(to: pane.top - AppState.wheelStep)
        case .wheelDown: scrollPane(to: pane.top + AppState.wheelStep)
        case .click, .doubleClick:
            if focus != .pane, pane.article != nil { return setFocus(.pane) }
        }
        return []
    }

    private func g() -> Geometry { geometry }
}
