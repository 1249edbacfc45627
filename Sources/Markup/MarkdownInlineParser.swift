import Foundation
import NewsModel

/// Markdown inline syntax → runs: `*em*`/`_em_`, `**strong**`/`__strong__`, `` `code` ``,
/// `[text](url)`, reference links `[text][ref]`, autolinks `<https://…>` and bare http(s) URLs,
/// images `![alt](src)` → `[image: alt]`, backslash escapes, inline HTML tags dropped
/// (`<br>` is a line break). Unmatched delimiters stay literal text.
struct MarkdownInlineParser {
    /// Lowercased reference label → URL, from `[label]: url` lines.
    var references: [String: String] = [:]
    var baseURL: URL?

    func parse(_ text: String) -> [InlineRun] {
        var output = RunCollector()
        parse(Array(text), emphasis: [], link: nil, depth: 0, into: &output)
        return output.runs
    }

    struct RunCollector {
        var runs: [InlineRun] = []
        mutating func append(_ text: String, _ emphasis: InlineRun.Emphasis, _ link: String?) {
            guard !text.isEmpty else { return }
            if let last = runs.last, last.emphasis == emphasis, last.link == link {
                runs[runs.count - 1].text += text
            } else {
                runs.append(InlineRun(text, emphasis: emphasis, link: link))
            }
        }
    }

    private static let escapable = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

    /// Nested emphasis deeper than this is literal text (stack safety).
    static let maxDepth = 16

    private func parse(_ chars: [Character], emphasis: InlineRun.Emphasis, link: String?, depth: Int, into output: inout RunCollector) {
        let scan = MarkdownInlineScan(chars)
        var literal = ""
        func flush() { output.append(literal, emphasis, link); literal = "" }
        var i = 0
        while i < chars.count {
            let char = chars[i]
            switch char {
            case "\\" where i + 1 < chars.count && Self.escapable.contains(chars[i + 1]):
                literal.append(chars[i + 1])
                i += 2
            case "`":
                let length = scan.runLength(at: i)
                if let close = scan.backtickRun(from: i + length, length: length) {
                    flush()
                    var code = String(chars[(i + length)..<close].map { $0 == "\n" ? " " : $0 })
                    if code.count >= 2, code.first == " ", code.last == " ", !code.allSatisfy({ $0 == " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    output.append(code, emphasis.union(.code), link)
                    i = close + length
                } else {
                    literal += String(repeating: "`", count: length)
                    i += length
                }
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                if let parsed = linkAt(scan, i + 1) {
                    flush()
                    let alt = InlineAccumulator.collapsed(String(parsed.text))
                    output.append(alt.isEmpty ? "[image]" : "[image: \(alt)]", emphasis, link)
                    i = parsed.end
                } else {
                    literal.append(char)
                    i += 1
                }
            case "[" where link == nil:
                if let parsed = linkAt(scan, i) {
                    flush()
                    parse(parsed.text, emphasis: emphasis, link: parsed.url, depth: depth + 1, into: &output)
                    i = parsed.end
                } else {
                    literal.append(char)
                    i += 1
                }
            case "<":
                if let (url, text, end) = Self.autolink(chars, i), link == nil {
                    flush()
                    output.append(text, emphasis, url)
                    i = end
                } else if let (isBreak, end) = Self.inlineTag(chars, i) {
                    if isBreak { literal.append("\n") }
                    i = end
                } else {
                    literal.append(char)
                    i += 1
                }
            case "*", "_":
                if depth < Self.maxDepth, let span = scan.emphasisSpan(at: i) {
                    flush()
                    parse(Array(chars[span.innerStart..<span.innerEnd]), emphasis: emphasis.union(span.emphasis), link: link,
                          depth: depth + 1, into: &output)
                    i = span.end
                } else {
                    let length = scan.runLength(at: i)
                    literal += String(chars[i..<(i + length)])
                    i += length
                }
            case "h" where link == nil && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)):
                if let (url, end) = Self.bareURL(chars, i) {
                    flush()
                    output.append(url, emphasis, url)
                    i = end
                } else {
                    literal.append(char)
                    i += 1
                }
            default:
                literal.append(char)
                i += 1
            }
        }
        flush()
    }

    static func plain(_ runs: [InlineRun]) -> String { runs.map(\.text).joined() }

    // MARK: Links

    /// `[text](url "title")`, `[text][ref]`, `[text][]`, `[ref]` at `start` (the `[`).
    private func linkAt(_ scan: MarkdownInlineScan, _ start: Int) -> (text: [Character], url: String?, end: Int)? {
        let chars = scan.chars
        guard let close = scan.matchingBracket(start) else { return nil }
        let text = Array(chars[(start + 1)..<close])
        var next = close + 1
        if next < chars.count, chars[next] == "(" {
            guard let end = scan.matchingParen(next) else { return nil }
            var inside = String(chars[(next + 1)..<end]).trimmingWhitespace()
            if inside.hasPrefix("<"), let gt = inside.firstIndex(of: ">") {
                inside = String(inside[inside.index(after: inside.startIndex)..<gt])
            } else if let space = inside.firstIndex(where: { $0 == " " || $0 == "\n" }) {
                inside = String(inside[..<space])  // drop the "title"
            }
            return (text, LinkResolver.resolve(inside, against: baseURL), end + 1)
        }
        var label = String(text)
        if next < chars.count, chars[next] == "[", let refClose = scan.matchingBracket(next) {
            let explicit = String(chars[(next + 1)..<refClose])
            if !explicit.isEmpty { label = explicit }
            next = refClose + 1
        }
        let key = label.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard let url = references[key] else { return nil }
        return (text, LinkResolver.resolve(url, against: baseURL), next)
    }

    /// `<https://x>` or `<me@example.com>`.
    private static func autolink(_ chars: [Character], _ start: Int) -> (String, String, Int)? {
        var i = start + 1
        while i < chars.count, chars[i] != ">", chars[i] != "<", !chars[i].isWhitespace { i += 1 }
        guard i < chars.count, chars[i] == ">", i > start + 1 else { return nil }
        let inner = String(chars[(start + 1)..<i])
        if let colon = inner.firstIndex(of: ":"), inner[..<colon].count >= 2,
           inner[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
            return LinkResolver.resolve(inner, against: nil).map { ($0, inner, i + 1) }
        }
        if inner.contains("@"), !inner.contains("/"), inner.split(separator: "@").count == 2 {
            return ("mailto:" + inner, inner, i + 1)
        }
        return nil
    }

    /// An inline HTML tag to drop (`<kbd>`, `</span>`); `isBreak` for `<br>`.
    private static func inlineTag(_ chars: [Character], _ start: Int) -> (Bool, Int)? {
        var i = start + 1
        if i < chars.count, chars[i] == "/" { i += 1 }
        guard i < chars.count, chars[i].isASCII, chars[i].isLetter else { return nil }
        let nameStart = i
        while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || chars[i] == "-" { i += 1 }
        let name = String(chars[nameStart..<i]).lowercased()
        while i < chars.count, chars[i] != ">", chars[i] != "<" { i += 1 }
        guard i < chars.count, chars[i] == ">" else { return nil }
        return (name == "br", i + 1)
    }

    /// `http://…` / `https://…` up to whitespace, minus trailing punctuation and unbalanced `)`.
    private static func bareURL(_ chars: [Character], _ start: Int) -> (String, Int)? {
        let prefixes: [[Character]] = [Array("https://"), Array("http://")]
        guard prefixes.contains(where: { start + $0.count < chars.count && Array(chars[start..<(start + $0.count)]) == $0 }) else { return nil }
        var end = start
        while end < chars.count, !chars[end].isWhitespace, chars[end] != "<", chars[end] != ">" { end += 1 }
        // Counted once: recounting per stripped ")" was quadratic in a run of them.
        var opens = 0, closes = 0
        for c in chars[start..<end] { if c == "(" { opens += 1 } else if c == ")" { closes += 1 } }
        while end > start {
            let last = chars[end - 1]
            if ".,;:!?*_'\"".contains(last) { end -= 1; continue }
            if last == ")" && closes > opens { closes -= 1; end -= 1; continue }
            break
        }
        let url = String(chars[start..<end])
        guard url.count > 8 else { return nil }
        return (url, end)
    }
}
