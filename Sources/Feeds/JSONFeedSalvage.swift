import Foundation

/// Recovers what it can from a JSON Feed that `JSONSerialization` rejects as a whole: a
/// truncated download keeps its complete items, and one unparsable item (`"id": 1e400`) is
/// skipped instead of losing them all. Each top-level value and each item is parsed on its own.
enum JSONFeedSalvage {
    struct Result {
        var object: [String: Any]
        var warnings: [String]
    }

    /// nil when not even the start of a JSON object is there; `failure` then says where it broke.
    static func salvage(_ data: Data) -> (result: Result?, failure: String) {
        let b = [UInt8](data)
        var i = 0
        var object: [String: Any] = [:]
        var warnings: [String] = []
        var items: [Any] = []
        var sawItems = false
        // Counted, not one warning each: 50 MB of commas would otherwise make millions of strings.
        var skippedItems = 0, firstSkippedItem = 0
        var skippedMembers: [String] = [], skippedMemberCount = 0
        func skipSpace() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
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
            guard b[i] == 0x22, let keyEnd = valueEnd(b, from: i),
                  let key = parse(b[i..<keyEnd]) as? String else { stop = "bad member name at byte \(i)"; break }
            i = keyEnd
            skipSpace()
            guard i < b.count, b[i] == 0x3A else { stop = i < b.count ? "expected ':' at byte \(i)" : "truncated at byte \(i)"; break }
            i += 1
            skipSpace()
            if key == "items", i < b.count, b[i] == 0x5B {
                sawItems = true
                i += 1
                elements: while true {
                    skipSpace()
                    guard i < b.count else { stop = "truncated at byte \(i)"; break members }
                    if b[i] == 0x5D { i += 1; break elements }
                    let start = i
                    guard let end = valueEnd(b, from: i) else { stop = "truncated at byte \(i) in item \(items.count + 1)"; break members }
                    if let item = parse(b[start..<end]) {
                        items.append(item)
                    } else {
                        if skippedItems == 0 { firstSkippedItem = start }
                        skippedItems += 1
                    }
                    i = end
                    skipSpace()
                    if i < b.count, b[i] == 0x2C { i += 1; continue }
                    if i < b.count, b[i] == 0x5D { i += 1; break elements }
                    stop = i < b.count ? "expected ',' or ']' at byte \(i)" : "truncated at byte \(i)"
                    break members
                }
            } else {
                let start = i
                guard let end = valueEnd(b, from: i) else { stop = "truncated at byte \(i)"; break }
                if let value = parse(b[start..<end]) {
                    object[key] = value
                } else {
                    skippedMemberCount += 1
                    if skippedMembers.count < 3 { skippedMembers.append("\"\(key.prefix(40))\" at byte \(start)") }
                }
                i = end
            }
            skipSpace()
            if i < b.count, b[i] == 0x2C { i += 1; continue }
            if i < b.count, b[i] == 0x7D { break }
            stop = i < b.count ? "expected ',' or '}' at byte \(i)" : "truncated at byte \(i)"
        }
        if sawItems { object["items"] = items }
        if skippedItems == 1 {
            warnings.append("skipped an unparsable item at byte \(firstSkippedItem)")
        } else if skippedItems > 1 {
            warnings.append("skipped \(skippedItems) unparsable items, the first at byte \(firstSkippedItem)")
        }
        if skippedMemberCount > 0 {
            let more = skippedMemberCount > skippedMembers.count ? " and \(skippedMemberCount - skippedMembers.count) more" : ""
            warnings.append("skipped the unparsable " + skippedMembers.joined(separator: ", ") + more)
        }
        if let stop {
            warnings.append("\(stop); kept the \(items.count) complete item(s) before it")
            if object.isEmpty { return (nil, stop) }
        }
        return (Result(object: object, warnings: warnings), stop ?? "")
    }

    private static func parse(_ bytes: ArraySlice<UInt8>) -> Any? {
        if bytes.isEmpty { return nil }  // an empty element (`[,,,]`): no parser call per comma
        return try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    /// The index just past the JSON value starting at `start`, or nil when the input ends first.
    /// Only the structure is checked (strings, nesting); the value itself is parsed later.
    static func valueEnd(_ b: [UInt8], from start: Int) -> Int? {
        var i = start
        var depth = 0
        var inString = false
        while i < b.count {
            let c = b[i]
            if inString {
                if c == 0x5C { i += 2; continue }  // backslash escape
                if c == 0x22 {
                    inString = false
                    if depth == 0 { return i + 1 }
                }
            } else {
                switch c {
                case 0x22: inString = true
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    if depth == 0 { return i }  // end of a scalar inside the enclosing container
                    depth -= 1
                    if depth == 0 { return i + 1 }
                case 0x2C, 0x20, 0x09, 0x0A, 0x0D:
                    if depth == 0 { return i }  // end of a scalar
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
