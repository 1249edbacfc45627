import Screen

/// Vim-like key notation: "j", "g g" (or "gg"), "C-d", "<Up>", "<Tab>", "<F1>", "<Enter>",
/// "<Space>", "<Esc>", "<BS>", "<PageDown>". Tokens are separated by spaces.
public enum KeyNotation {
    private static let named: [(String, KeyPress)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PageUp", .pageUp), ("PageDown", .pageDown), ("Home", .home), ("End", .end),
        ("Enter", .enter), ("Tab", .tab), ("S-Tab", .backTab), ("BS", .backspace),
        ("Esc", .escape), ("Del", .delete), ("Ins", .insert), ("Space", .char(" ")),
        ("lt", .char("<")),
    ]
    private static let aliases: [String: KeyPress] = [
        "cr": .enter, "return": .enter, "ret": .enter, "backspace": .backspace, "escape": .escape,
        "pgup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "pageup": .pageUp,
        "delete": .delete, "insert": .insert, "backtab": .backTab,
    ]

    /// Parses a key sequence; nil when any token is not valid notation.
    public static func parse(_ notation: String) -> [KeyPress]? {
        // Split on space scalars, not Characters: a combining mark after a space joins it into
        // one Character, and "a \u{301}" (what `format` writes for those two keys) must split.
        let tokens = notation.unicodeScalars.split(separator: " ")
        guard !tokens.isEmpty else { return nil }
        var keys: [KeyPress] = []
        for token in tokens {
            guard let parsed = parseToken(String(String.UnicodeScalarView(token))) else { return nil }
            keys += parsed
        }
        return keys
    }

    private static func parseToken(_ token: String) -> [KeyPress]? {
        if token.count == 1 { return [.char(token.first!)] }
        if token.hasPrefix("<") && token.hasSuffix(">") && token.count > 2 {
            return parseNamed(String(token.dropFirst().dropLast())).map { [$0] }
        }
        if let key = parseCtrl(token) { return [key] }
        // "gg": a run of plain characters without separators.
        if !token.contains("<") && !token.contains(">") && token.allSatisfy({ !$0.isWhitespace }) && !token.hasPrefix("C-") {
            return token.map { .char($0) }
        }
        return nil
    }

    /// For a bare multi-character token that reads as a named key ("Up", "F9", "F99", "Enter",
    /// "Pgdn"), which `parse` takes as typed characters: what to write instead. Nil otherwise.
    public static func namedKeyLookalike(_ token: String) -> String? {
        guard token.count > 1, !token.contains("<"), !token.contains(">"), parseCtrl(token) == nil else { return nil }
        if let key = parseNamed(token) { return format(key) }
        if token.first == "F" || token.first == "f", token.dropFirst().allSatisfy(\.isNumber) { return "<F1> … <F24>" }
        // A capitalised word ("Foo"): named keys are written so; plain key runs rarely are.
        if token.first!.isUppercase, token.dropFirst().allSatisfy({ $0.isLowercase }), token.allSatisfy(\.isLetter) {
            return "<\(token)> (if \(token) is a key name)"
        }
        return nil
    }

    private static func parseCtrl(_ token: String) -> KeyPress? {
        guard token.count == 3, token.hasPrefix("C-") || token.hasPrefix("c-") else { return nil }
        let ch = Character(token.last!.lowercased())
        guard ch.isASCII, ch.isLetter || ch == " " else { return nil }
        return .ctrl(ch)
    }

    private static func parseNamed(_ name: String) -> KeyPress? {
        if let key = named.first(where: { $0.0.lowercased() == name.lowercased() })?.1 { return key }
        if let key = aliases[name.lowercased()] { return key }
        if let key = parseCtrl(name) { return key }
        if name.count >= 2, name.first == "F" || name.first == "f", let n = Int(name.dropFirst()), (1...24).contains(n) {
            return .function(n)
        }
        return nil
    }

    /// The canonical notation of one key.
    public static func format(_ key: KeyPress) -> String {
        switch key {
        case .char(" "): return "<Space>"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-" + String(c)
        case .function(let n): return "<F\(n)>"
        case .resize: return "<Resize>"
        default:
            return named.first(where: { $0.1 == key }).map { "<\($0.0)>" } ?? "?"
        }
    }

    public static func format(_ keys: [KeyPress]) -> String {
        keys.map { format($0) }.joined(separator: " ")
    }
    /// Typed input for tests and scripts, helix style: every character is a key, except
    /// `<...>` groups ("/word<Enter>n", "5j", "gg", "<C-d>").
    public static func keystrokes(_ typed: String) -> [KeyPress] {
        var keys: [KeyPress] = []
        var rest = Substring(typed)
        while let c = rest.first {
            if c == "<", let close = rest.firstIndex(of: ">"), let key = parseNamed(String(rest[rest.index(after: rest.startIndex)..<close])) {
                keys.append(key)
                rest = rest[rest.index(after: close)...]
            } else {
                keys.append(.char(c))
                rest = rest.dropFirst()
            }
        }
        return keys
    }
}
