import NewsModel

/// A problem found in a theme or config file. Never fatal: the reader starts anyway, skipping
/// the bad entry (or the whole file when it does not parse) and shows these.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user knows it: a path, or `Themes/NAME.toml` for built-in themes.
    public var file: String
    /// 1-based line, when the entry could be found in the text.
    public var line: Int?
    /// The TOML key (dotted path) the problem is about, if any.
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `file:line: key: message`, the form compilers use, so editors can jump to it.
    /// Control characters from the files (a key could hold an escape sequence) are shown as
    /// `\u{…}` so they never reach the terminal.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let key { s += "\(key): " }
        return Self.printable(s + message)
    }

    /// `text` with C0/C1 control characters and DEL written as `\u{XX}`.
    public static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if ControlCharacter.isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
