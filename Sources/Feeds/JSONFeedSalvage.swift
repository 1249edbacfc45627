import Foundation

/// Reads a JSON Feed one top-level value and one item at a time, never the document whole:
/// memory follows what is kept, not the document's structure (50 MB of `{},` would be ~17
/// million dictionaries as one `JSONSerialization` object, gigabytes). It also recovers what it
/// can: a truncated download keeps its complete items, and one unparsable item (`"id": 1e400`)
/// is skipped instead of losing them all.
///
/// Two passes: `salvage` reads the top-level members and only walks the items (so the feed's
/// own fields, wherever they are written, are known before any item is built), then
/// `forEachItem` parses the first `limit` items one by one; the rest are only counted.
enum JSONFeedSalvage {
    struct Result {
        /// Top-level members except `items`.
        var object: [String: Any]
        var warnings: [String]
        /// Just past the `[` of `items`; nil when there is no items array.
        var itemsStart: Int?
        /// Non-empty elements of `items` (complete ones, up to a truncation).
        var itemCount = 0
        /// Empty elements (`[,,,]`), skipped without a parse.
        var emptyItems = 0
        var firstEmptyItem = 0
        /// Where and why reading stopped early (truncated, bad syntax); nil when it did not.
        var stop: String?
    }

    /// A value with more elements (containers, array or object members) than this is skipped
    /// unparsed: no JSON Feed item or feed field needs so many, and each costs an object.
    static let maxValueElements = 10_000

    /// nil when not even the start of a JSON object is there; `failure` then says where it broke.
    static func salvage(_ b: [UInt8]) -> (result: Result?, failure: String) {
        var i = 0
        var result = Result(object: [:], warnings: [])
        var skippedMembers: [String] = [], skippedMemberCount = 0
        func skipSpace() {
            while i < b.count, isSpace(b[i]) { i += 1 }
        }
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipSpace()
        guard i < b.count, b[i] == 0x7B else { return (nil, "no JSON object at byte \(i)") }
        i += 1
        var stop: String?
        members: while stop == nil {
            skipSpace()
            guard i < b.count else { stop = "truncated at byte \(i)"; break }
            if b[i] == 0x7D { break }
            guard b[i] == 0x22, let keyEnd = valueExtent(b, from: i)?.end,
                  let key = parse(b[i..<keyEnd]) as? String else { stop = "bad member name at byte \(i)"; break }
            i = keyEnd
            skipSpace()
            guard i < b.count, b[i] == 0x3A else { stop = i < b.count ? "expected ':' at byte \(i)" : "truncated at byte \(i)"; break }
            i += 1
            skipSpace()
            if key == "items", i < b.count, b[i] == 0x5B {
                i += 1
                result.itemsStart = i  // a repeated "items" replaces the earlier one, as in JSONSerialization
                result.itemCount = 0
                result.emptyItems = 0
                // Walked, not parsed: `forEachItem` parses the ones kept.
                let walk = walkElements(b, from: i) { start, end, _ in
                    if end == start {
                        if result.emptyItems == 0 { result.firstEmptyItem = start }
                        result.emptyItems += 1
                    } else {
                        result.itemCount += 1
                    }
                    return true
                }
                i = walk.end
                if let problem = walk.stop {
                    stop = problem == "truncated" ? "truncated at byte \(i) in item \(result.itemCount + 1)" : problem
                    break members
                }
            } else {
                let start = i
                guard let extent = valueExtent(b, from: i) else { stop = "truncated at byte \(i)"; break }
                if extent.elements <= maxValueElements, let value = parse(b[start..<extent.end]) {
                    result.object[key] = value
                } else {
                    skippedMemberCount += 1
                    if skippedMembers.count < 3 { skippedMembers.append("\"\(key.prefix(40))\" at byte \(start)") }
                }
                i = extent.end
            }
            skipSpace()
            if i < b.count, b[i] == 0x2C { i += 1; continue }
            if i < b.count, b[i] == 0x7D { break }
            stop = i < b.count ? "expected ',' or '}' at byte \(i)" : "truncated at byte \(i)"
        }
        if skippedMemberCount > 0 {
            let more = skippedMemberCount > skippedMembers.count ? " and \(skippedMemberCount - skippedMembers.count) more" : ""
            result.warnings.append("skipped the unparsable " + skippedMembers.joined(separator: ", ") + more)
        }
        result.stop = stop
        if let stop, result.object.isEmpty, result.itemsStart == nil { return (nil, stop) }
        return (result, stop ?? "")
    }

    /// Parses the first `limit` non-empty items after `start` (from `salvage`) and hands each to
    /// `body`: one item's objects at a time. Returns the items that did not parse (or were too
    /// big to try) and where the first of them was.
    static func forEachItem(_ b: [UInt8], from start: Int, limit: Int, _ body: (Any) -> Void)
        -> (skipped: Int, firstSkipped: Int) {
        var seen = 0, skipped = 0, firstSkipped = 0
        _ = walkElements(b, from: start) { from, end, elements in
            guard end > from else { return true }  // empty element: counted by `salvage`
            seen += 1
            if elements <= maxValueElements, let item = parse(b[from..<end]) {
                body(item)
            } else {
                if skipped == 0 { firstSkipped = from }
                skipped += 1
            }
            return seen < limit
        }
        return (skipped, firstSkipped)
    }

    /// Walks the elements of an array whose `[` is just before `start`, calling `element` with
    /// each one's byte range (empty for `[,,]`) and element count until it returns false. Returns where the walk
    /// ended (just past `]`) and why it stopped early: "truncated" or a syntax message.
    private static func walkElements(_ b: [UInt8], from start: Int, _ element: (Int, Int, Int) -> Bool)
        -> (end: Int, stop: String?) {
        var i = start
        while true {
            while i < b.count, isSpace(b[i]) { i += 1 }
            guard i < b.count else { return (i, "truncated") }
            if b[i] == 0x5D { return (i + 1, nil) }
            let from = i
            guard let (end, elements) = valueExtent(b, from: i) else { return (i, "truncated") }
            if !element(from, end, elements) { return (end, nil) }
            i = end
            while i < b.count, isSpace(b[i]) { i += 1 }
            if i < b.count, b[i] == 0x2C { i += 1; continue }
            if i < b.count, b[i] == 0x5D { return (i + 1, nil) }
            return (i, i < b.count ? "expected ',' or ']' at byte \(i)" : "truncated")
        }
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    private static func parse(_ bytes: ArraySlice<UInt8>) -> Any? {
        if bytes.isEmpty { return nil }  // an empty element (`[,,,]`): no parser call per comma
        return try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    /// The index just past the JSON value starting at `start`, or nil when the input ends first.
    static func valueEnd(_ b: [UInt8], from start: Int) -> Int? { valueExtent(b, from: start)?.end }

    /// The end of the value at `start` and how many elements (containers and the members or
    /// items after a comma inside them) it holds. Only the structure is checked (strings,
    /// nesting, iteratively: depth costs no stack); the value itself is parsed later.
    static func valueExtent(_ b: [UInt8], from start: Int) -> (end: Int, elements: Int)? {
        var i = start
        var depth = 0
        var elements = 0
        var inString = false
        while i < b.count {
            let c = b[i]
            if inString {
                if c == 0x5C { i += 2; continue }  // backslash escape
                if c == 0x22 {
                    inString = false
                    if depth == 0 { return (i + 1, elements) }
                }
            } else {
                switch c {
                case 0x22: inString = true
                case 0x7B, 0x5B:
                    depth += 1
                    elements += 1
                case 0x7D, 0x5D:
                    if depth == 0 { return (i, elements) }  // end of a scalar inside the enclosing container
                    depth -= 1
                    if depth == 0 { return (i + 1, elements) }
                case 0x2C:
                    if depth == 0 { return (i, elements) }  // end of a scalar
                    elements += 1
                case 0x20, 0x09, 0x0A, 0x0D:
                    if depth == 0 { return (i, elements) }
                default: break
                }
            }
            i += 1
        }
        // A scalar running to the very end is complete only if the container around it is not
        // needed, which never happens here: treat it as truncated.
        return nil
    }
}
