import Screen

/// Where each pane goes for a terminal size. Wide terminals (≥ 100 columns) show
/// sidebar | list | pane; narrower ones show the sidebar only while it has focus, stack the
/// list over the pane while browsing, and give the pane the whole screen while reading.
public struct Geometry: Sendable, Hashable {
    public static let minWidth = 30
    public static let minHeight = 6
    public static let wideWidth = 100

    public var sidebar: Rect?
    public var list: Rect?
    public var pane: Rect?
    /// Separator columns (x, y, height) and rows (x, y, width) between panes.
    public var verticalSeparators: [Rect] = []
    public var horizontalSeparators: [Rect] = []
    public var status: Rect
    public var tooSmall: Bool

    /// `sidebarWidth`: the configured width on wide terminals (nil: a sixth of the width).
    /// `zoomed` (z): the focused pane alone has the screen.
    public init(width: Int, height: Int, focus: Focus, articleOpen: Bool, sidebarWidth: Int? = nil, zoomed: Bool = false) {
        tooSmall = width < Geometry.minWidth || height < Geometry.minHeight
        status = Rect(x: 0, y: max(0, height - 1), width: width, height: height > 0 ? 1 : 0)
        guard !tooSmall else { return }
        let body = Rect(x: 0, y: 0, width: width, height: height - 1)
        if zoomed {
            switch focus {
            case .sidebar: sidebar = body
            case .list: list = body
            case .pane: if articleOpen { pane = body } else { list = body }
            }
            return
        }
        if width >= Geometry.wideWidth {
            let sidebarWidth = min(max(8, sidebarWidth ?? min(28, max(18, width / 6))), width / 3)
            let listWidth = min(80, max(36, (width - sidebarWidth) * 9 / 20))
            let (s, rest) = body.splitLeft(sidebarWidth)
            let (sep1, rest2) = rest.splitLeft(1)
            let (l, rest3) = rest2.splitLeft(listWidth)
            let (sep2, p) = rest3.splitLeft(1)
            sidebar = s; list = l; pane = p
            verticalSeparators = [sep1, sep2]
            return
        }
        switch focus {
        case .sidebar:
            let (s, rest) = body.splitLeft(min(28, width / 2))
            let (sep, l) = rest.splitLeft(1)
            sidebar = s; list = l
            verticalSeparators = [sep]
        case .pane where articleOpen:
            pane = body
        default:
            if articleOpen {
                let (l, rest) = body.splitTop(max(3, body.height / 3))
                let (sep, p) = rest.splitTop(1)
                list = l; pane = p
                horizontalSeparators = [sep]
            } else {
                list = body
            }
        }
    }

    public func rect(for focus: Focus) -> Rect? {
        switch focus {
        case .sidebar: return sidebar
        case .list: return list
        case .pane: return pane
        }
    }

    /// Columns the body text is wrapped to: the pane minus a one-column margin each side,
    /// capped at `maxTextWidth`.
    public func textWidth(maxTextWidth: Int) -> Int {
        guard let pane else { return 0 }
        return max(1, min(pane.width - 2, maxTextWidth))
    }
}
