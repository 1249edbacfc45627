import Foundation

/// YAML-ish (`---`) or TOML-ish (`+++`) front matter at the very top of a Markdown file.
/// Only what articles use: scalar values, `[a, b]` lists, `- item` lists, and quoted strings.
struct MarkdownFrontMatter {
    var title: String?
    var tags: [String] = []
    var section: [String] = []
    var date: String?
    var author: String?
    var link: String?
    var summary: String?

    /// Splits front matter off `lines`; returns nil (and leaves the lines alone) when the file
    /// has none or it is never closed.
    static func extract(_ lines: [String]) -> (MarkdownFrontMatter, ArraySlice<String>)? {
        guard let first = lines.first?.trimmingWhitespace(), first == "---" || first == "+++" else { return nil }
        let closers: Set<String> = first == "---" ? ["---", "..."] : ["+++"]
        guard let end = lines.indices.dropFirst().first(where: { closers.contains(lines[$0].trimmingWhitespace()) }) else {
            return nil
        }
        var matter = MarkdownFrontMatter()
        var values: [String: [String]] = [:]
        var order: [String] = []
        var currentKey: String?
        for line in lines[1..<end] {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("- "), let key = currentKey, line.first == " " || line.first == "\t" || line.hasPrefix("-") {
                values[key, default: []].append(unquote(String(trimmed.dropFirst(2))))
                continue
            }
            guard let separator = trimmed.firstIndex(where: { $0 == ":" || $0 == "=" }) else { continue }
            let key = trimmed[..<separator].trimmingWhitespace().lowercased()
            let raw = trimmed[trimmed.index(after: separator)...].trimmingWhitespace()
            currentKey = key
            if !order.contains(key) { order.append(key) }
            if raw.isEmpty { values[key] = values[key] ?? []; continue }
            if raw.hasPrefix("["), raw.hasSuffix("]") {
                values[key] = raw.dropFirst().dropLast().split(separator: ",").map { unquote(String($0)) }.filter { !$0.isEmpty }
            } else {
                values[key] = [unquote(raw)]
            }
        }
        func scalar(_ keys: String...) -> String? {
            for key in keys { if let value = values[key]?.first, !value.isEmpty { return value } }
            return nil
        }
        matter.title = scalar("title")
        matter.author = scalar("author", "byline")
        matter.date = scalar("date", "published", "pubdate")
        matter.link = scalar("link", "url", "canonical", "source")
        matter.summary = scalar("summary", "description")
        for key in ["tags", "keywords", "categories"] {
            guard let list = values[key] else { continue }
            // `tags: a, b` is one scalar holding a comma list.
            let items = list.count == 1 ? list[0].split(separator: ",").map { $0.trimmingWhitespace() } : list
            for item in items where !item.isEmpty && !matter.tags.contains(item) { matter.tags.append(item) }
        }
        if let section = values["section"] ?? values["sections"] ?? values["breadcrumb"] {
            if section.count == 1 {
                matter.section = section[0].split(whereSeparator: { $0 == ">" || $0 == "›" || $0 == "/" })
                    .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            } else {
                matter.section = section.filter { !$0.isEmpty }
            }
        }
        return (matter, lines[(end + 1)...])
    }

    static func unquote(_ raw: String) -> String {
        let value = raw.trimmingWhitespace()
        if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
            let inner = String(value.dropFirst().dropLast())
            return first == "\"" ? inner.replacingOccurrences(of: "\\\"", with: "\"") : inner.replacingOccurrences(of: "''", with: "'")
        }
        return value
    }
}
