/// Part of a match on one line: columns `startColumn..<endColumn`, counted like
/// `LayoutSpan.column` (from the left edge of the text area, indent included).
public struct HighlightSegment: Sendable, Hashable {
    public var line: Int
    public var startColumn: Int
    public var endColumn: Int

    public init(line: Int, startColumn: Int, endColumn: Int) {
        self.line = line
        self.startColumn = startColumn
        self.endColumn = endColumn
    }
}

/// One occurrence of the query; a match broken by a wrap has a segment on each line.
public struct SearchMatch: Sendable, Hashable {
    public var segments: [HighlightSegment]
    /// The line the match starts on.
    public var line: Int { segments.first?.line ?? 0 }
    public var lastLine: Int { segments.last?.line ?? 0 }

    public init(segments: [HighlightSegment]) {
        self.segments = segments
    }
}

/// A highlight to draw on one line, and which match it belongs to (to style the current one).
public struct LineHighlight: Sendable, Hashable {
    public var startColumn: Int
    public var endColumn: Int
    public var matchIndex: Int
}

public enum SearchDirection: Sendable, Hashable {
    case forward, backward
}

/// Where `n` / `N` lands: the match index, and whether the search went past an end of the
/// article and continued from the other ("search hit BOTTOM, continuing at TOP").
public struct SearchStep: Sendable, Hashable {
    public var index: Int
    public var wrapped: Bool

    public init(index: Int, wrapped: Bool) {
        self.index = index
        self.wrapped = wrapped
    }
}

/// All matches of one query in one layout. Search again after a re-layout: the text searched
/// is the same at every width, so the same matches come back with new positions.
public struct SearchResult: Sendable {
    public let query: String
    public let isCaseSensitive: Bool
    public let matches: [SearchMatch]
    private let byLine: [Int: [LineHighlight]]

    public init(query: String, isCaseSensitive: Bool, matches: [SearchMatch]) {
        self.query = query
        self.isCaseSensitive = isCaseSensitive
        self.matches = matches
        var byLine: [Int: [LineHighlight]] = [:]
        for (index, match) in matches.enumerated() {
            for s in match.segments {
                byLine[s.line, default: []].append(
                    LineHighlight(startColumn: s.startColumn, endColumn: s.endColumn, matchIndex: index))
            }
        }
        self.byLine = byLine
    }

    public var count: Int { matches.count }
    public var isEmpty: Bool { matches.isEmpty }

    /// Highlights on `line`, left to right.
    public func highlights(onLine line: Int) -> [LineHighlight] {
        byLine[line] ?? []
    }

    /// The next match in `direction`. With a `current` match, steps from it (wrapping at
    /// either end). Without one (a new search), starts from `line` (the top visible line):
    /// forward finds the first match starting on or after it, backward the last one
    /// starting above it. Nil when there are no matches.
    public func step(from current: Int?, line: Int, direction: SearchDirection) -> SearchStep? {
        guard !matches.isEmpty else { return nil }
        let count = matches.count
        if let current, current >= 0, current < count {
            switch direction {
            case .forward:
                return current + 1 < count ? SearchStep(index: current + 1, wrapped: false)
                                           : SearchStep(index: 0, wrapped: true)
            case .backward:
                return current > 0 ? SearchStep(index: current - 1, wrapped: false)
                                   : SearchStep(index: count - 1, wrapped: true)
            }
        }
        switch direction {
        case .forward:
            if let i = firstIndex(startingAtOrAfter: line) { return SearchStep(index: i, wrapped: false) }
            return SearchStep(index: 0, wrapped: true)
        case .backward:
            if let i = firstIndex(startingAtOrAfter: line) {
                return i > 0 ? SearchStep(index: i - 1, wrapped: false) : SearchStep(index: count - 1, wrapped: true)
            }
            return SearchStep(index: count - 1, wrapped: false)
        }
    }

    /// Index of the first match starting on `line` or below (binary search; matches are in
    /// reading order).
    public func firstIndex(startingAtOrAfter line: Int) -> Int? {
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            if matches[mid].line < line { low = mid + 1 } else { high = mid }
        }
        return low < matches.count ? low : nil
    }
}
