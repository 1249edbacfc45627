/// Resolves a dotted style scope ("list.unread.selected") to a style. Implementations fall back
/// along the dots (list.unread.selected → list.unread → list) so views can ask for the most
/// specific scope. Theming's resolved themes implement this; `PlainStyles` is the built-in
/// fallback (attributes only) for when no theme is loaded.
public protocol StyleProvider: Sendable {
    func style(_ scope: String) -> Style
}

/// Attributes-only styles: readable on any terminal, used when no theme is available.
public struct PlainStyles: StyleProvider {
    public init() {}
    public func style(_ scope: String) -> Style {
        for s in ScopeFallback(scope) {
            switch s {
            case "list.unread", "pane.title", "pane.heading", "sidebar.heading", "help.heading", "pane.strong":
                return Style(attributes: .bold)
            case "list.selected", "sidebar.selected", "status", "search.current":
                return Style(attributes: .reverse)
            case "search.match", "pane.link":
                return Style(attributes: .underline)
            case "pane.meta", "list.date", "list.source", "sidebar.count", "border", "pane.quote", "pane.linkref":
                return Style(attributes: .dim)
            case "pane.emphasis":
                return Style(attributes: .italic)
            default:
                continue
            }
        }
        return .plain
    }
}
