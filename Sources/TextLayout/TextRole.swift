/// What a piece of laid-out text is, so a theme can style it. Layout never picks colours.
public enum TextRole: Sendable, Hashable {
    case body
    case heading(level: Int)
    /// The `═══` / `───` line under a level 1 / level 2 heading.
    case headingRule
    case emphasis
    case strong
    case code
    /// Text of a link run.
    case link
    /// The `[n]` marker after a link, and the numbers in the Links list.
    case linkReference
    /// A URL in the Links list at the end of the article.
    case linkURL
    /// The `│ ` bars before quoted text (one per depth level).
    case quoteBar
    case quote
    /// `•`, `1.`, `a)` before a list item (with its trailing space).
    case listMarker
    case preformatted
    case image
    /// A horizontal rule block.
    case rule

    /// Decoration is drawn but not part of the text: search skips it.
    public var isDecoration: Bool {
        switch self {
        case .quoteBar, .listMarker, .headingRule, .rule: return true
        default: return false
        }
    }
}
