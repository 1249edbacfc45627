/// Library search highlights: every word of the query, case-insensitive, merged in reading order
/// so `n` / `N` step through all of them.
extension SearchIndex {
    public func search(anyOf words: [String], limit: Int = .max) -> SearchResult {
        var matches: [SearchMatch] = []
        var seen = Set<HighlightSegment>()
        for word in Set(words.map { $0.lowercased() }) where !word.isEmpty {
            for match in search(word, limit: limit).matches {
                // A word inside another ("東京" in "東京都"): keep the first match at a place.
                guard let first = match.segments.first, seen.insert(first).inserted else { continue }
                matches.append(match)
            }
        }
        matches.sort { a, b in
            let x = a.segments[0], y = b.segments[0]
            return x.line != y.line ? x.line < y.line : x.startColumn < y.startColumn
        }
        if matches.count > limit { matches.removeLast(matches.count - limit) }
        return SearchResult(query: words.joined(separator: " "), isCaseSensitive: false, matches: matches)
    }
}
