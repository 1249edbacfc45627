import NewsModel

/// Lookups over one inline text for the Markdown inline parser: matching brackets and
/// parentheses (computed once, with a stack), closing backtick runs and emphasis closers
/// (with memoised failures). Unmatched openers therefore cost O(1) after the first miss, so
/// hostile input like ten thousand `[` or `*a ` stays linear.
final class MarkdownInlineScan {
    let chars: [Character]
    private lazy var brackets: [Int: Int] = pairs(open: "[", close: "]")
    private lazy var parens: [Int: Int] = pairs(open: "(", close: ")")
    /// Run length → the position from which no closing backtick run of that length exists.
    private var backtickMissFrom: [Int: Int] = [:]
    /// (delimiter, use) → the position from which no closer exists.
    private var closerMissFrom: [String: Int] = [:]

    init(_ chars: [Character]) {
        self.chars = chars
    }

    struct EmphasisSpan {
        var emphasis: InlineRun.Emphasis
        var innerStart: Int, innerEnd: Int, end: Int
    }

    func runLength(at start: Int) -> Int {
        var i = start
        while i < chars.count, chars[i] == chars[start] { i += 1 }
        return i - start
    }

    func matchingBracket(_ start: Int) -> Int? { brackets[start] }
    func matchingParen(_ start: Int) -> Int? { parens[start] }

    /// Backslash-escaped characters do not count.
    private func pairs(open: Character, close: Character) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var stack: [Int] = []
        var i = 0
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case open: stack.append(i)
            case close: if let opener = stack.popLast() { result[opener] = i }
            default: break
            }
            i += 1
        }
        return result
    }

    /// The start of the next backtick run of exactly `length` at or after `start`.
    func backtickRun(from start: Int, length: Int) -> Int? {
        if let miss = backtickMissFrom[length], start >= miss { return nil }
        var i = start
        while i < chars.count {
            if chars[i] == "`" {
                let run = runLength(at: i)
                if run == length { return i }
                i += run
            } else {
                i += 1
            }
        }
        backtickMissFrom[length] = min(backtickMissFrom[length] ?? start, start)
        return nil
    }

    /// A delimiter run at `start` that opens emphasis and has a closer: `***` → bold italic,
    /// `**` → bold, `*` → italic. `_` does not open or close inside a word.
    func emphasisSpan(at start: Int) -> EmphasisSpan? {
        let delimiter = chars[start]
        let length = runLength(at: start)
        let after = start + length
        guard after < chars.count, !chars[after].isWhitespace else { return nil }
        if delimiter == "_", start > 0, chars[start - 1].isLetter || chars[start - 1].isNumber { return nil }
        for use in stride(from: min(length, 3), through: 1, by: -1) {
            if let close = closer(delimiter: delimiter, use: use, from: after) {
                // Extra opening delimiters beyond `use` stay literal (rare; e.g. `**a*`).
                guard length == use else { return nil }
                let emphasis: InlineRun.Emphasis = use == 3 ? [.bold, .italic] : use == 2 ? .bold : .italic
                return EmphasisSpan(emphasis: emphasis, innerStart: after, innerEnd: close, end: close + use)
            }
        }
        return nil
    }

    private func closer(delimiter: Character, use: Int, from start: Int) -> Int? {
        let key = "\(delimiter)\(use)"
        if let miss = closerMissFrom[key], start >= miss { return nil }
        var i = start
        while i < chars.count {
            let char = chars[i]
            if char == "\\" { i += 2; continue }
            if char == "`" {
                let length = runLength(at: i)
                if let close = backtickRun(from: i + length, length: length) { i = close + length } else { i += length }
                continue
            }
            if char == delimiter {
                let length = runLength(at: i)
                let rightFlanking = i > start && !chars[i - 1].isWhitespace
                let nextIsWord = i + length < chars.count && (chars[i + length].isLetter || chars[i + length].isNumber)
                let intraword = delimiter == "_" && nextIsWord
                if rightFlanking, !intraword, length == use { return i }
                i += length
                continue
            }
            i += 1
        }
        closerMissFrom[key] = min(closerMissFrom[key] ?? start, start)
        return nil
    }
}
