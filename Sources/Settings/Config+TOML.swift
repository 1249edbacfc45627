import NewsModel

extension Config {
    /// The effective settings written back as TOML (what `newsreader config --check` prints).
    public var tomlText: String {
        var lines: [String] = []
        lines.append("theme = \(Self.quoted(theme ?? "default"))")
        lines.append("max-text-width = \(maxTextWidth)")
        lines.append("sidebar-width = \(sidebarWidth)")
        lines.append("date-format = \(Self.quoted(dateFormat))")
        lines.append(browser.map { "browser = \(Self.quoted($0))" } ?? "# browser: $BROWSER, else xdg-open")
        lines.append("refresh-concurrency = \(refreshConcurrency)")
        let timeout = refreshTimeout == refreshTimeout.rounded() ? String(Int(refreshTimeout)) : String(refreshTimeout)
        lines.append("refresh-timeout = \(timeout)")
        lines.append("max-articles-per-feed = \(maxArticlesPerFeed)")
        lines.append("max-article-age-days = \(maxArticleAgeDays)")
        lines.append("unread-only = \(unreadOnly)")
        lines.append("osc52 = \(osc52)")
        lines.append("mouse = \(mouse)")
        lines.append("hyperlinks = " + (hyperlinks == "auto" ? "\"auto\"" : hyperlinks))
        lines.append("")
        lines.append("[keys]")
        if keyOverrides.isEmpty { lines.append("# (no changes to the standard keys)") }
        for o in keyOverrides where o.context == nil { lines.append("\(Self.quoted(o.keys)) = \(Self.quoted(o.action))") }
        var contexts: [String] = []
        for o in keyOverrides { if let c = o.context, !contexts.contains(c) { contexts.append(c) } }
        for context in contexts {
            lines.append("")
            lines.append("[keys.\(Self.bareOrQuoted(context))]")
            for o in keyOverrides where o.context == context { lines.append("\(Self.quoted(o.keys)) = \(Self.quoted(o.action))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table name: bare when it can be, else quoted.
    static func bareOrQuoted(_ s: String) -> String {
        !s.isEmpty && s.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
            ? s : quoted(s)
    }

    /// A TOML basic string; control characters escaped so nothing odd reaches the terminal.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ControlCharacter.isControl(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
