import TerminalText
/// The searchable text of laid-out lines: what the reader sees (decoration such as quote bars,
/// list markers and rules left out), with wrapped lines joined back together — a space where
/// the wrap ate one, nothing where a word or CJK run was broken — so a match can span a wrap.
/// A hard line break separates like a new block: no match spans it.
/// Build it once per layout; each query is then one linear scan.
public struct SearchIndex: Sendable {
    /// Where a display unit sits on screen.
    struct UnitPlace: Sendable {
        var line: Int32
        var column: Int32
        var width: Int32
    }

    /// Text as scalars plus, per scalar, the index of the unit it belongs to.
    struct Track: Sendable {
        var scalars: [UInt32] = []
        var units: [Int32] = []
    }

    /// Separates pieces of text that never join (blocks, preformatted lines): matches nothing.
    static let separator: UInt32 = 0xFFFF_FFFF

    var places: [UnitPlace] = []
    var exact = Track()
    var folded = Track()

    public init(layout: ArticleLayout) {
        self.init(lines: layout.lines)
    }

    public init(lines: [LayoutLine]) {
        let estimate = lines.reduce(0) { $0 + $1.width }
        places.reserveCapacity(estimate)
        exact.scalars.reserveCapacity(estimate); exact.units.reserveCapacity(estimate)
        folded.scalars.reserveCapacity(estimate); folded.units.reserveCapacity(estimate)
        var lastLineEnd: (line: Int, column: Int)? = nil
        for (index, line) in lines.enumerated() {
            guard line.kind == .text else { lastLineEnd = nil; continue }
            switch line.join {
            case .start, .lineBreak:
                appendSeparator()
            case .space:
                if let end = lastLineEnd {
                    // The space the wrap removed, zero columns wide at the end of the line above.
                    appendUnit(" ", place: UnitPlace(line: Int32(end.line), column: Int32(end.column), width: 0))
                } else {
                    appendSeparator()
                }
            case .direct:
                if lastLineEnd == nil { appendSeparator() }
            }
            var end = line.indent
            for span in line.spans where !span.role.isDecoration {
                var column = span.column
                if DisplayWidth.isPrintableASCII(span.text) {
                    // Fast path: one byte, one unit, one column; appended in bulk.
                    let utf8 = span.text.utf8
                    let first = Int32(places.count), count = Int32(utf8.count), line = Int32(index)
                    let firstColumn = Int32(column)
                    for i in 0..<count { places.append(UnitPlace(line: line, column: firstColumn + i, width: 1)) }
                    let copied: Void? = utf8.withContiguousStorageIfAvailable { buffer in
                        exact.scalars.append(contentsOf: buffer.lazy.map { UInt32($0) })
                        folded.scalars.append(contentsOf: buffer.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? UInt32($0) + 0x20 : UInt32($0) })
                    }
                    if copied == nil {
                        for byte in utf8 {
                            exact.scalars.append(UInt32(byte))
                            folded.scalars.append(byte >= 0x41 && byte <= 0x5A ? UInt32(byte) + 0x20 : UInt32(byte))
                        }
                    }
                    exact.units.append(contentsOf: first..<first + count)
                    folded.units.append(contentsOf: first..<first + count)
                    column += Int(count)
                } else {
                    DisplayWidth.forEachUnit(span.text) { unit in
                        appendUnit(unit.text, place: UnitPlace(line: Int32(index), column: Int32(column), width: Int32(unit.width)))
                        column += unit.width
                    }
                }
                end = column
            }
            lastLineEnd = (index, end)
        }
    }

    private mutating func appendSeparator() {
        if exact.scalars.last == Self.separator || exact.scalars.isEmpty { return }
        exact.scalars.append(Self.separator); exact.units.append(-1)
        folded.scalars.append(Self.separator); folded.units.append(-1)
    }

    private mutating func appendUnit(_ text: String, place: UnitPlace) {
        let unit = Int32(places.count)
        places.append(place)
        for scalar in text.unicodeScalars {
            exact.scalars.append(scalar.value); exact.units.append(unit)
            Self.fold(scalar) { folded.scalars.append($0); folded.units.append(unit) }
        }
    }

    /// Case folding only (lowercase mapping): no accent stripping, no normalisation.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, _ body: (UInt32) -> Void) {
        let v = scalar.value
        if v < 0x80 {
            body(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
        } else if scalar.properties.changesWhenLowercased {
            for s in scalar.properties.lowercaseMapping.unicodeScalars { body(s.value) }
        } else {
            body(v)
        }
    }

    /// Smartcase: case-sensitive only when the query has an uppercase letter.
    public static func isCaseSensitive(_ query: String) -> Bool {
        query.unicodeScalars.contains { $0.properties.changesWhenLowercased }
    }

    /// All non-overlapping matches of `query`, in reading order. Matches start and end on
    /// whole display units (a base letter never matches without its combining marks).
    /// Stops after `limit` matches (huge articles: counting them all costs seconds per keystroke).
    public func search(_ query: String, limit: Int = .max) -> SearchResult {
        let caseSensitive = Self.isCaseSensitive(query)
        var needle: [UInt32] = []
        for scalar in query.unicodeScalars {
            if caseSensitive { needle.append(scalar.value) } else { Self.fold(scalar) { needle.append($0) } }
        }
        let track = caseSensitive ? exact : folded
        var matches: [SearchMatch] = []
        let m = needle.count, n = track.scalars.count
        guard m > 0, m <= n else {
            return SearchResult(query: query, isCaseSensitive: caseSensitive, matches: [])
        }
        let first = needle[0]
        track.scalars.withUnsafeBufferPointer { hay in
            track.units.withUnsafeBufferPointer { units in
                var i = 0
                while i <= n - m && matches.count < limit {
                    if hay[i] != first || (i > 0 && units[i] == units[i - 1]) { i += 1; continue }
                    var k = 1
                    while k < m && hay[i + k] == needle[k] { k += 1 }
                    if k == m && (i + m == n || units[i + m] != units[i + m - 1]) {
                        if let match = makeMatch(units: units, from: i, to: i + m) { matches.append(match) }
                        i += m
                    } else {
                        i += 1
                    }
                }
            }
        }
        return SearchResult(query: query, isCaseSensitive: caseSensitive, matches: matches)
    }

    /// Highlight segments, one per line the match touches.
    private func makeMatch(units: UnsafeBufferPointer<Int32>, from: Int, to: Int) -> SearchMatch? {
        var segments: [HighlightSegment] = []
        var previous: Int32 = -1
        for i in from..<to where units[i] != previous {
            previous = units[i]
            let place = places[Int(units[i])]
            let line = Int(place.line), start = Int(place.column), end = Int(place.column + place.width)
            if let last = segments.last, last.line == line {
                segments[segments.count - 1].endColumn = max(last.endColumn, end)
            } else {
                segments.append(HighlightSegment(line: line, startColumn: start, endColumn: end))
            }
        }
        segments.removeAll { $0.startColumn >= $0.endColumn }
        return segments.isEmpty ? nil : SearchMatch(segments: segments)
    }
}

/// Convenience entry point: `SearchMatcher.search("word", in: layout)`.
public enum SearchMatcher {
    public static func search(_ query: String, in layout: ArticleLayout) -> SearchResult {
        SearchIndex(layout: layout).search(query)
    }

    /// Smartcase: case-sensitive only when the query has an uppercase letter.
    public static func isCaseSensitive(_ query: String) -> Bool {
        SearchIndex.isCaseSensitive(query)
    }
}
