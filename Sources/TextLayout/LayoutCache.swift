import NewsModel

/// Remembers the last few layouts by (article id, width, options), so redraws and going back
/// to an article do not lay it out again. A value type: keep it in the view state.
public struct LayoutCache: Sendable {
    public struct Key: Sendable, Hashable {
        public var articleID: String
        public var width: Int
        public var options: LayoutOptions

        public init(articleID: String, width: Int, options: LayoutOptions = LayoutOptions()) {
            self.articleID = articleID
            self.width = width
            self.options = options
        }
    }

    public let capacity: Int
    /// Most recently used last.
    private var entries: [(key: Key, layout: ArticleLayout)] = []

    public init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
    }

    /// The cached layout for `key`, or a new one of `blocks` (then remembered).
    public mutating func layout(for key: Key, blocks: @autoclosure () -> [Block]) -> ArticleLayout {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            let entry = entries.remove(at: i)
            entries.append(entry)
            return entry.layout
        }
        let layout = ArticleLayout(blocks: blocks(), width: key.width, options: key.options)
        if entries.count >= capacity { entries.removeFirst() }
        entries.append((key, layout))
        return layout
    }

    public mutating func removeAll() { entries.removeAll() }
}
