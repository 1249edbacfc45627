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
        // Appended into one buffer: a String per block and per run, then `joined`, was ~3 % of
        // a feed refresh (this runs for every stored article).
        var out = ""
        var capacity = 0
        for block in self {
            capacity += 8
            for run in block.runs { capacity += run.text.utf8.count }
        }
        out.reserveCapacity(capacity)
        forEachPlainTextPiece { out += $0 }
        return out
    }

    /// True when `plainText == text`, without building `plainText`.
    public func plainTextEquals(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            var equal = true
            forEachPlainTextPiece { piece in
                guard equal else { return }
                var piece = piece
                piece.withUTF8 { p in
                    if p.count > bytes.count - offset || memcmpEqual(p, bytes, at: offset) == false {
                        equal = false
                    }
                }
                offset += piece.utf8.count
            }
            return equal && offset == bytes.count
        }
    }

    /// The pieces of `plainText` in order (separators, markers and run texts).
    private func forEachPlainTextPiece(_ body: (String) -> Void) {
        for (index, block) in enumerated() {
            if index > 0 { body("\n\n") }
            switch block.kind {
            case .listItem(let depth, let marker):
                if depth > 1 { body(String(repeating: "  ", count: depth - 1)) }
                body(marker)
                body(" ")
            case .quote:
                body("> ")
            case .rule:
                body("---")
                continue
            default:
                break
            }
            for run in block.runs { body(run.text) }
        }
    }
}

/// `piece` equals `bytes[offset..<offset + piece.count]` (the caller checked the length).
private func memcmpEqual(_ piece: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    var i = 0
    while i < piece.count {
        if piece[i] != bytes[offset + i] { return false }
        i += 1
    }
    return true
}
