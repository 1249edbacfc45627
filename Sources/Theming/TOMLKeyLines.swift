import Foundation

/// Finds the line a TOML key is written on. TOMLKit does not report positions for values, so
/// this scans the source: `[table]` headers and `key = …` lines (bare, quoted and dotted keys),
/// skipping multi-line strings. Good enough to point a user at the right line.
public struct TOMLKeyLines: Sendable {
    private var entries: [(path: [String], line: Int)] = []

    public init(_ text: String) {
        var table: [String] = []
        var openMultiline: String?  // the delimiter of a multi-line string we are inside
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if let delimiter = openMultiline {
                if Self.count(of: delimiter, in: line) % 2 == 1 { openMultiline = nil }
                continue
            }
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }
                if let (path, after) = Self.keyPath(inner), !path.isEmpty, after.first == "]" {
                    table = path
                    entries.append((path, index + 1))
                }
                continue
            }
            guard let (path, rest) = Self.keyPath(line), !path.isEmpty, rest.first == "=" else { continue }
            entries.append((table + path, index + 1))
            for delimiter in ["\"\"\"", "'''"] where Self.count(of: delimiter, in: rest) % 2 == 1 {
                openMultiline = delimiter
            }
        }
    }

    /// The line of `path`, or else of the longest written key that contains it (an inline
    /// table's line for one of its fields).
    public func line(for path: [String]) -> Int? {
        var best: (length: Int, line: Int)?
        for entry in entries where entry.path.count <= path.count && Array(path.prefix(entry.path.count)) == entry.path {
            if best == nil || entry.path.count > best!.length { best = (entry.path.count, entry.line) }
        }
        return best?.line
    }

    /// Parses `a."b.c".'d'` up to the first character that is not part of the key, returning
    /// the components (escapes decoded, as TOML reads them) and what follows (whitespace
    /// skipped). Scalars, not Characters: a quote followed by a combining mark is still a quote.
    private static func keyPath(_ s: Substring) -> ([String], Substring)? {
        var rest = s.unicodeScalars[...]
        var path: [String] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { return nil }
            if first == "\"" || first == "'" {
                rest = rest.dropFirst()
                var component = String.UnicodeScalarView()
                var closed = false
                while let c = rest.first {
                    rest = rest.dropFirst()
                    if c == first { closed = true; break }
                    if c == "\\" && first == "\"" {
                        guard let decoded = unescape(rest) else { return nil }
                        component.append(decoded.scalar)
                        rest = decoded.rest
                    } else {
                        component.append(c)
                    }
                }
                guard closed else { return nil }
                path.append(String(component))
            } else {
                let bare = rest.prefix { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
                guard !bare.isEmpty else { return nil }
                path.append(String(String.UnicodeScalarView(bare)))
                rest = rest.dropFirst(bare.count)
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.first == "." { rest = rest.dropFirst(); continue }
            return (path, Substring(rest))
        }
    }

    /// The escape after a backslash in a basic string (`\t`, `\"`, `\u00E9`, `\U0001F600`…)
    /// and what follows it; nil for an invalid one.
    private static func unescape(_ s: Substring.UnicodeScalarView) -> (scalar: Unicode.Scalar, rest: Substring.UnicodeScalarView)? {
        guard let c = s.first else { return nil }
        let simple: [Unicode.Scalar: Unicode.Scalar] = ["b": "\u{8}", "t": "\t", "n": "\n", "f": "\u{C}", "r": "\r",
                                                        "e": "\u{1B}", "\"": "\"", "\\": "\\"]
        if let scalar = simple[c] { return (scalar, s.dropFirst()) }
        let width = c == "u" ? 4 : c == "U" ? 8 : 0
        let hex = s.dropFirst().prefix(width)
        guard width > 0, hex.count == width, let value = UInt32(String(String.UnicodeScalarView(hex)), radix: 16),
              let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, s.dropFirst(1 + width))
    }

    private static func count(of needle: String, in s: Substring) -> Int {
        var count = 0
        var rest = s
        while let range = rest.range(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
