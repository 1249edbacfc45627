import Foundation

/// The line-level judgements of the plain-text article format, kept apart so each can be
/// tested and tuned on its own.
enum PlainTextHeuristics {
    // MARK: Chrome

    /// Words that make up share/print toolbars saved along with a page.
    static let chromeWords: Set<String> = [
        "print", "share", "email", "e-mail", "mail", "tweet", "twitter", "facebook", "linkedin",
        "reddit", "whatsapp", "pinterest", "save", "saved", "bookmark", "comment", "comments",
        "copy", "link", "url", "listen", "gift", "subscribe", "follow", "menu", "search", "close",
        "font", "size", "text", "a", "a+", "a-", "aa", "this", "article", "story", "page", "on", "x",
        "|", "/", "·", "•", "-",
    ]
    /// At least one of these must appear, so "Text size" alone is not mistaken for "Print".
    static let chromeCoreWords: Set<String> = [
        "print", "share", "email", "e-mail", "mail", "tweet", "facebook", "linkedin", "reddit",
        "whatsapp", "pinterest", "save", "bookmark", "comment", "comments", "listen", "gift",
        "subscribe", "font", "a+", "a-", "aa",
    ]

    /// A short line made only of toolbar words: `Print PRINT`, `Share`, `Email | Print`.
    static func isChrome(_ line: String) -> Bool {
        guard !line.isEmpty, line.count <= 48 else { return false }
        let words = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty, words.count <= 6 else { return false }
        var sawCore = false
        for word in words {
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ":()[]"))
            guard chromeWords.contains(bare) else { return false }
            if chromeCoreWords.contains(bare) { sawCore = true }
        }
        return sawCore
    }

    // MARK: Breadcrumb

    static let breadcrumbSeparators: Set<Character> = [">", "›", "»"]
    /// Characters a section name does not contain but a sentence or headline might.
    static let sentencePunctuation: Set<Character> = [
        "?", "!", ";", ",", "\"", "“", "”", "。", "、", "？", "！", "：", "(", ")", "=", "<",
    ]
    static let maxSegmentWords = 4
    static let maxSegmentCharacters = 32

    /// `SECTION > Subsection > …` → ["SECTION", "Subsection", …], or nil when the line reads
    /// like a headline that merely contains `>`. Every segment must be short (≤ 4 words,
    /// ≤ 32 characters), contain a letter, not start lowercase, and carry no sentence
    /// punctuation (`?!,;:` quotes, brackets, a period ending a word — abbreviations like
    /// `U.S.` excepted). Only one kind of separator may be used, surrounded by spaces.
    static func breadcrumb(_ line: String) -> [String]? {
        guard let separator = line.first(where: { breadcrumbSeparators.contains($0) }) else { return nil }
        let parts = line.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        // Other separator kinds mixed in, or `>>`, mean this is not a plain breadcrumb.
        var segments: [String] = []
        for (offset, raw) in parts.enumerated() {
            // The separator must be surrounded by spaces: "a>b" is markup or maths, not a path.
            if offset > 0, raw.first != " " { return nil }
            if offset < parts.count - 1, raw.last != " " { return nil }
            let segment = raw.trimmingWhitespace()
            guard isSectionName(segment) else { return nil }
            segments.append(segment)
        }
        return segments
    }

    static func isSectionName(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment.count <= maxSegmentCharacters else { return false }
        let words = segment.split(separator: " ")
        guard words.count <= maxSegmentWords else { return false }
        guard segment.contains(where: { $0.isLetter }) else { return false }
        // The first letter decides, so "2 matters for you" (from "Why 3 > 2 matters for you")
        // fails like "matters for you" would.
        if let firstLetter = segment.first(where: { $0.isLetter }), firstLetter.isLowercase { return false }
        if segment.contains(where: { sentencePunctuation.contains($0) || breadcrumbSeparators.contains($0) }) { return false }
        if segment.contains(": ") || segment.hasSuffix(":") { return false }
        // A word ending in "." is a sentence end unless it is an abbreviation like U.S.
        for word in words where word.hasSuffix(".") {
            let dots = word.filter { $0 == "." }.count
            if dots < 2 { return false }
        }
        return true
    }

    /// Headlines are short; a body paragraph is one long line.
    static let maxTitleCharacters = 160

    /// A title is short and does not end a sentence with a period (`U.S.` and `...` excepted);
    /// a line that does is a body paragraph, so whatever preceded it was not a breadcrumb.
    static func isTitleLike(_ line: String) -> Bool {
        guard line.count <= maxTitleCharacters else { return false }
        if line.hasSuffix("。") { return false }
        if line.hasSuffix(".") {
            let lastWord = line.split(separator: " ").last ?? ""
            if lastWord.filter({ $0 == "." }).count < 2 { return false }
        }
        return true
    }

    // MARK: Bullets

    static let bulletCharacters: Set<Character> = ["•", "*", "-", "·", "‣", "◦", "–"]
    /// Bullets that also start ordinary body lists: as tags they must be indented (`  - Tag`),
    /// the way the format writes tags, or they stay list items of the body.
    static let bulletsNeedingIndentForTags: Set<Character> = ["*", "-", "–"]

    /// A line of the trailing tag list: a bullet item that reads like a tag, indented unless
    /// its bullet is one that only tags use unindented (`•`, `·`).
    static func tagItem(_ line: String, indent: Int) -> String? {
        guard let item = bulletItem(line), isTagLike(item.text) else { return nil }
        if indent == 0, let bullet = line.first, bulletsNeedingIndentForTags.contains(bullet) { return nil }
        return item.text
    }

    /// `• Tag`, `* Tag`, `- Tag`, `· Tag` → ("Tag", marker nil). The bullet must be followed by
    /// a space, so `-5 degrees` or `*emphasis*` are text.
    static func bulletItem(_ line: String) -> (text: String, marker: String?)? {
        guard let first = line.first, bulletCharacters.contains(first) else { return nil }
        let rest = line.dropFirst()
        guard let space = rest.first, space == " " || space == "\u{00A0}" else { return nil }
        let text = rest.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        return (text, nil)
    }

    /// `1. Item` / `2) Item` (1–3 digits, so a year opening a sentence is not a list).
    static func numberedItem(_ line: String) -> (text: String, marker: String?)? {
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, line[index].isASCII, line[index].isNumber {
            digits += 1
            index = line.index(after: index)
        }
        guard digits >= 1, digits <= 3, index < line.endIndex, line[index] == "." || line[index] == ")" else { return nil }
        let markerEnd = line.index(after: index)
        guard markerEnd < line.endIndex, line[markerEnd] == " " else { return nil }
        let text = line[markerEnd...].trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        return (text, String(line[..<markerEnd]))
    }

    /// Tags are short labels, not sentences.
    static func isTagLike(_ text: String) -> Bool {
        guard text.count <= 48 else { return false }
        guard text.split(separator: " ").count <= 6 else { return false }
        if let last = text.last, ".!?;:。".contains(last) { return false }
        return true
    }

    /// The marker drawn for an unordered item at `depth` (1-based).
    static func bulletMarker(depth: Int) -> String {
        switch depth {
        case ...1: return "•"
        case 2: return "◦"
        default: return "▪"
        }
    }
}
