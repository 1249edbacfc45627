import Foundation

/// newsboat's `urls` file: `URL "tag" tag "~Title" "!"`, `#` comments; `query:`, `exec:` and
/// `filter:` sources are reported as unsupported.
public enum NewsboatURLs {
    public static func parse(_ text: String) -> SubscriptionList {
        var entries: [SubscriptionEntry] = []
        var unsupported: [String] = []
        var seen = Set<String>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let tokens = tokenize(line)
            guard let url = tokens.first else { continue }
            let lower = url.lowercased()
            if lower.hasPrefix("query:") || lower.hasPrefix("exec:") || lower.hasPrefix("filter:") {
                let kind = lower.prefix(while: { $0 != ":" })
                unsupported.append("line \(index + 1): \(kind): feeds are not supported (\(url))")
                continue
            }
            var entry = SubscriptionEntry(url: url)
            for token in tokens.dropFirst() {
                if token == "!" {
                    entry.hidden = true
                } else if token.hasPrefix("~") {
                    entry.title = nonEmpty(String(token.dropFirst()))
                } else if !token.isEmpty, !entry.tags.contains(token) {
                    entry.tags.append(token)
                }
            }
            if seen.insert(url).inserted { entries.append(entry) }
        }
        return SubscriptionList(entries: entries, unsupported: unsupported)
    }

    /// Whitespace-separated tokens; double quotes group, backslash escapes inside quotes.
    static func tokenize(_ line: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inQuotes = false
        var escaping = false
        var hasToken = false
        for ch in line {
            if escaping { current.append(ch); escaping = false; continue }
            if inQuotes {
                if ch == "\\" { escaping = true } else if ch == "\"" { inQuotes = false } else { current.append(ch) }
            } else if ch == "\"" {
                inQuotes = true
                hasToken = true
            } else if ch == " " || ch == "\t" {
                if hasToken || !current.isEmpty { tokens.append(current) }
                current = ""
                hasToken = false
            } else {
                current.append(ch)
            }
        }
        if hasToken || !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// A `urls` file for the entries (newsboat can read it back).
    public static func export(_ entries: [SubscriptionEntry]) -> String {
        entries.map { entry in
            var parts = [entry.url]
            parts += entry.tags.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            if let title = entry.title { parts.append("\"~" + title.replacingOccurrences(of: "\"", with: "\\\"") + "\"") }
            if entry.hidden { parts.append("\"!\"") }
            return parts.joined(separator: " ")
        }.joined(separator: "\n") + "\n"
    }
}
