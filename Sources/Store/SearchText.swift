import Foundation

/// How text is prepared for the FTS5 index and how user queries become MATCH expressions.
///
/// The index uses the `unicode61` tokenizer, which splits on spaces and punctuation but keeps a
/// run of Japanese (or Chinese, Korean) characters as one token. So before indexing, every CJK
/// run is expanded into overlapping bigrams plus its last character alone:
/// "日本語を" → "日本 本語 語を を". A query of 2+ CJK characters becomes the phrase of its
/// bigrams ("日本語" → `"日本 本語"`), which matches exactly where the run occurs; a single
/// character becomes a prefix query (`"日"*`) that finds it at any position.
enum SearchText {
    struct Fields {
        var title: String
        var text: String
        var tags: String
    }

    static func indexFields(title: String, text: String, tags: [String]) -> Fields {
        Fields(title: indexForm(title), text: indexForm(text), tags: indexForm(tags.joined(separator: " ; ")))
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3005...0x3007,      // 々 〆 〇
             0x3041...0x3096,      // hiragana
             0x309D...0x309F,
             0x30A1...0x30FA,      // katakana
             0x30FC...0x30FF,      // ー ヽ ヾ ヿ
             0x31F0...0x31FF,
             0x3400...0x4DBF,      // CJK extension A
             0x4E00...0x9FFF,      // CJK unified ideographs
             0xF900...0xFAFF,
             0xFF66...0xFF9F,      // half-width katakana
             0x1100...0x11FF, 0x3131...0x318E, 0xAC00...0xD7A3, // hangul
             0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Text with each CJK run replaced by its bigrams and last character, space separated.
    ///
    /// Works on UTF-8 bytes (a scalar-by-scalar String build cost ~10% of a feed refresh).
    static func indexForm(_ text: String) -> String {
        // Every CJK scalar is at or above U+1100, whose UTF-8 lead byte is 0xE1 or more.
        guard text.utf8.contains(where: { $0 >= 0xE1 }) else { return text }
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 2 + 16)
            func copy(_ range: Range<Int>) { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range])) }
            // Byte ranges of the scalars of the current CJK run; start of the pending other bytes.
            var run: [Range<Int>] = []
            var plainStart: Int? = 0
            func flushRun() {
                guard !run.isEmpty else { return }
                out.append(0x20)
                for i in 0..<(run.count - 1) {
                    copy(run[i])
                    copy(run[i + 1])
                    out.append(0x20)
                }
                copy(run[run.count - 1])
                out.append(0x20)
                run.removeAll(keepingCapacity: true)
            }
            var i = 0
            let n = bytes.count
            while i < n {
                let lead = bytes[i]
                // ASCII, 2-byte scalars and U+0800–U+0FFF (lead below 0xE1) are never CJK.
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let end = min(n, i + length)
                var isCJK = false
                if lead >= 0xE1 {
                    var value = UInt32(lead & (length == 3 ? 0x0F : 0x07))
                    for j in (i + 1)..<end { value = value << 6 | UInt32(bytes[j] & 0x3F) }
                    isCJK = Unicode.Scalar(value).map(Self.isCJK) ?? false
                }
                if isCJK {
                    if let start = plainStart { copy(start..<i); plainStart = nil }
                    run.append(i..<end)
                } else if plainStart == nil {
                    flushRun()
                    plainStart = i
                }
                i = end
            }
            if let start = plainStart { copy(start..<n) }
            flushRun()
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// One searchable piece of a query: a word or a CJK run.
    enum Term: Hashable {
        case word(String)
        case cjk(String)

        var text: String {
            switch self {
            case .word(let s), .cjk(let s): return s
            }
        }
    }

    /// Splits a query into words (letters and digits) and CJK runs; everything else separates.
    static func terms(_ query: String) -> [Term] {
        var terms: [Term] = []
        var word = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty { terms.append(.word(String(word))); word.removeAll() }
            if !run.isEmpty { terms.append(.cjk(String(run))); run.removeAll() }
        }
        for scalar in query.unicodeScalars {
            if isCJK(scalar) {
                if !word.isEmpty { flush() }
                run.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || scalar.properties.generalCategory == .nonspacingMark {
                if !run.isEmpty { flush() }
                word.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return terms
    }

    /// The FTS5 MATCH expression for a user query (all terms must match), nil when the query
    /// has nothing searchable. Words of 3+ characters match as prefixes ("secur" → security).
    static func matchExpression(_ query: String) -> String? {
        let parts = terms(query).map { term -> String in
            switch term {
            case .word(let w):
                return w.unicodeScalars.count >= 3 ? "\"\(w)\"*" : "\"\(w)\""
            case .cjk(let run):
                let scalars = Array(run.unicodeScalars)
                if scalars.count == 1 { return "\"\(run)\"*" }
                var bigrams: [String] = []
                for i in 0..<(scalars.count - 1) {
                    var s = String.UnicodeScalarView()
                    s.append(scalars[i])
                    s.append(scalars[i + 1])
                    bigrams.append(String(s))
                }
                return "\"" + bigrams.joined(separator: " ") + "\""
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// About `width` characters of `text` around the first place any term occurs, on one line;
    /// the start of the text when no term occurs in it (the match was in the title or tags).
    static func snippet(_ text: String, terms: [Term], width: Int = 160) -> String {
        var first: Range<String.Index>?
        for term in terms {
            let needle = term.text
            if let r = text.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]),
               first == nil || r.lowerBound < first!.lowerBound {
                first = r
            }
        }
        var start = text.startIndex
        if let first {
            // Up to ~a quarter of the window before the match, starting at a word boundary.
            start = text.index(first.lowerBound, offsetBy: -(width / 4), limitedBy: text.startIndex) ?? text.startIndex
            if start != text.startIndex, let space = text[start..<first.lowerBound].firstIndex(where: \.isWhitespace) {
                start = text.index(after: space)
            }
        }
        let end = text.index(start, offsetBy: width, limitedBy: text.endIndex) ?? text.endIndex
        var piece = text[start..<end]
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        if start != text.startIndex { piece = "…" + piece }
        if end != text.endIndex { piece += "…" }
        return piece
    }
}
