import NewsModel

/// What `:set` changes, for this session.
enum ReaderOption: String, CaseIterable, Sendable {
    case unreadOnly = "unread-only"
    case sort
    case maxTextWidth = "max-text-width"
    case sidebarWidth = "sidebar-width"
    case dateFormat = "date-format"

    /// Values offered by Tab completion.
    func values(_ state: AppState) -> [String] {
        switch self {
        case .unreadOnly: return ["true", "false"]
        case .sort: return state.sortCycle.map(\.rawValue)
        case .dateFormat: return ["auto", "%Y-%m-%d", "%b %d"]
        case .maxTextWidth, .sidebarWidth: return []
        }
    }

    func current(_ state: AppState) -> String {
        switch self {
        case .unreadOnly: return String(state.list.query.unreadOnly)
        case .sort: return state.list.query.order.rawValue
        case .maxTextWidth: return String(state.maxTextWidth)
        case .sidebarWidth: return state.sidebarWidth.map(String.init) ?? "auto"
        case .dateFormat: return state.dateFormat ?? "auto"
        }
    }
}
