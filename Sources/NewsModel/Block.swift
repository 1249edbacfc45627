/// A run of inline text with emphasis and an optional link target.
public struct InlineRun: Sendable, Codable, Hashable {
    public struct Emphasis: OptionSet, Sendable, Codable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let italic = Emphasis(rawValue: 1)
        public static let bold = Emphasis(rawValue: 2)
        public static let code = Emphasis(rawValue: 4)
    }

    public var text: String
    public var emphasis: Emphasis
    /// Absolute URL when this run is a link.
    public var link: String?

    public init(_ text: String, emphasis: Emphasis = [], link: String? = nil) {
        self.text = text
        self.emphasis = emphasis
        self.link = link
    }
}

/// One structural block of an article body. Every importer (plain text, Markdown, HTML, feeds)
/// produces these; the reading pane lays them out; the store keeps them as JSON.
public struct Block: Sendable, Codable, Hashable {
    public enum Kind: Sendable, Codable, Hashable {
        case paragraph
        case heading(level: Int)
        /// `marker` is what is drawn before the item: "•", "1.", "a)".
        case listItem(depth: Int, marker: String)
        case quote(depth: Int)
        /// Not wrapped; line breaks kept.
        case preformatted
        case rule
    }

    public var kind: Kind
    public var runs: [InlineRun]

    public init(_ kind: Kind, _ runs: [InlineRun]) {
        self.kind = kind
        self.runs = runs
    }

    public init(_ kind: Kind, text: String) {
        self.init(kind, [InlineRun(text)])
    }

    /// The block's text without styling.
    public var plainText: String { runs.map(\.text).joined() }
}

extension Array where Element == Block {
    /// Readable plain text: blocks separated by one blank line.
    public var plainText: String {
        map { block -> String in
            switch block.kind {
            case .listItem(let depth, let marker):
                return String(repeating: "  ", count: Swift.max(0, depth - 1)) + marker + " " + block.plainText
            case .quote:
                return "> " + block.plainText
            case .rule:
                return "---"
            default:
                return block.plainText
            }
        }.joined(separator: "\n\n")
    }
}
