/// A pass over a TOML document's brackets, quotes, keys and values before toml++ sees it.
///
/// Why: toml++ (inside TOMLKit) asserts, and so aborts the whole process, on some malformed
/// input instead of reporting an error: a table header without a name (`[=`), a value that is
/// missing (`modifiers = [}`, `a = ,`). Found by fuzzing (Fuzz/, targets theme and config).
/// This scanner refuses such documents with a line and a reason. It only refuses what is not
/// valid TOML anyway; anything it is unsure about is left to toml++'s own errors.
enum TOMLStructureCheck {
    /// The first structural problem, or nil when toml++ may parse the text.
    static func firstProblem(in text: String) -> TOMLSyntaxError? {
        var scanner = Scanner(Array(text.unicodeScalars))
        return scanner.run()
    }

    private struct Scanner {
        enum Expect { case lineStart, value, arrayValueOrEnd, keyOrEnd, key, afterValue }

        let s: [Unicode.Scalar]
        var i = 0
        var line = 1
        var expect = Expect.lineStart
        /// Open `[` arrays and `{` inline tables, innermost last, with the line each opened on.
        var open: [(bracket: Unicode.Scalar, line: Int)] = []

        init(_ scalars: [Unicode.Scalar]) {
            s = scalars
            if s.first == "\u{FEFF}" { i = 1 }
        }

        func error(_ message: String, line: Int? = nil) -> TOMLSyntaxError {
            TOMLSyntaxError(line: line ?? self.line, message: message)
        }

        func shown(_ c: Unicode.Scalar) -> String {
            c.value < 0x20 || c.value == 0x7F || !c.isASCII ? "U+" + String(c.value, radix: 16, uppercase: true) : "'\(c)'"
        }

        static func isBareKey(_ c: Unicode.Scalar) -> Bool {
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_")
        }

        static func isKeyStart(_ c: Unicode.Scalar) -> Bool { isBareKey(c) || c == "\"" || c == "'" }

        /// What a TOML value can begin with: strings, arrays, inline tables, numbers, dates,
        /// true/false/inf/nan (other letters are left to toml++, which reports them).
        static func isValueStart(_ c: Unicode.Scalar) -> Bool {
            isBareKey(c) || c == "\"" || c == "'" || c == "[" || c == "{" || c == "+" || c == "."
        }

        mutating func run() -> TOMLSyntaxError? {
            while i < s.count {
                let c = s[i]
                if c == "\n" {
                    if open.isEmpty {
                        switch expect {
                        case .value: return error("a value is missing after '='")
                        default: expect = .lineStart
                        }
                    }
                    line += 1
                    i += 1
                    continue
                }
                if c == " " || c == "\t" { i += 1; continue }
                if c == "\r" {
                    // toml++ takes a lone CR for a line break where its parser does not expect one.
                    guard i + 1 < s.count, s[i + 1] == "\n" else { return error("a carriage return (CR) without a line feed after it") }
                    i += 1
                    continue
                }
                if c == "#" {
                    if expect == .value { return error("a value is missing after '='") }
                    while i < s.count, s[i] != "\n" { i += 1 }
                    continue
                }
                if let problem = step(c) { return problem }
            }
            if let string = openString { return error("a string is not closed", line: string) }
            if let last = open.last { return error("'\(last.bracket)' is not closed", line: last.line) }
            if expect == .value { return error("a value is missing after '='") }
            return nil
        }

        /// Set when the input ends inside a string: the line it opened on.
        var openString: Int?

        mutating func step(_ c: Unicode.Scalar) -> TOMLSyntaxError? {
            switch expect {
            case .lineStart:
                if c == "[" { return header() }
                guard Self.isKeyStart(c) else { return error("expected a key, a [table] or a comment, found \(shown(c))") }
                return keyThenEquals()
            case .key:
                guard Self.isKeyStart(c) else { return error("expected a key, found \(shown(c))") }
                return keyThenEquals()
            case .keyOrEnd:
                if c == "}" { return close(c) }
                guard Self.isKeyStart(c) else { return error("expected a key or '}', found \(shown(c))") }
                return keyThenEquals()
            case .value, .arrayValueOrEnd:
                if c == "]", expect == .arrayValueOrEnd { return close(c) }
                guard Self.isValueStart(c) else { return error("a value is missing before \(shown(c))") }
                return value(c)
            case .afterValue:
                if c == "," {
                    guard let top = open.last else { return error("',' after a value outside an array or inline table") }
                    expect = top.bracket == "[" ? .arrayValueOrEnd : .key
                    i += 1
                    return nil
                }
                if c == "]" || c == "}" { return close(c) }
                // The rest of a value toml++ will judge ("1979-05-27 07:32:00" has a space).
                i += 1
                return nil
            }
        }

        mutating func close(_ c: Unicode.Scalar) -> TOMLSyntaxError? {
            guard let top = open.last else { return error("\(shown(c)) closes nothing") }
            let wanted: Unicode.Scalar = top.bracket == "[" ? "]" : "}"
            guard c == wanted else {
                return error("\(shown(c)) does not close the '\(top.bracket)' opened on line \(top.line)")
            }
            open.removeLast()
            i += 1
            expect = .afterValue
            return nil
        }

        mutating func value(_ c: Unicode.Scalar) -> TOMLSyntaxError? {
            switch c {
            case "[": open.append(("[", line)); i += 1; expect = .arrayValueOrEnd
            case "{": open.append(("{", line)); i += 1; expect = .keyOrEnd
            case "\"", "'":
                if let problem = string(multiline: true) { return problem }
                expect = .afterValue
            default:
                while i < s.count, !" \t\r\n,]}#".unicodeScalars.contains(s[i]) { i += 1 }
                expect = .afterValue
            }
            return nil
        }

        /// `[name]` or `[[name]]`, closed on its own line.
        mutating func header() -> TOMLSyntaxError? {
            i += 1
            let isArray = i < s.count && s[i] == "["
            if isArray { i += 1 }
            skipBlanks()
            guard i < s.count, Self.isKeyStart(s[i]) else {
                return error("a [table] header needs a name" + (i < s.count ? ", found \(shown(s[i]))" : ""))
            }
            if let problem = key() { return problem }
            skipBlanks()
            for _ in 0..<(isArray ? 2 : 1) {
                guard i < s.count, s[i] == "]" else { return error("a [table] header is not closed with ']'") }
                i += 1
            }
            expect = .afterValue
            return nil
        }

        mutating func keyThenEquals() -> TOMLSyntaxError? {
            if let problem = key() { return problem }
            skipBlanks()
            guard i < s.count, s[i] == "=" else {
                return error("expected '=' after a key" + (i < s.count && s[i] != "\n" ? ", found \(shown(s[i]))" : ""))
            }
            i += 1
            expect = .value
            return nil
        }

        /// A bare, quoted or dotted key, on one line.
        mutating func key() -> TOMLSyntaxError? {
            while true {
                guard i < s.count, Self.isKeyStart(s[i]) else {
                    return error("expected a key" + (i < s.count && s[i] != "\n" ? ", found \(shown(s[i]))" : ""))
                }
                if s[i] == "\"" || s[i] == "'" {
                    if let problem = string(multiline: false) { return problem }
                } else {
                    while i < s.count, Self.isBareKey(s[i]) { i += 1 }
                }
                skipBlanks()
                guard i < s.count, s[i] == "." else { return nil }
                i += 1
                skipBlanks()
            }
        }

        /// A basic ("…", """…""") or literal ('…', '''…''') string starting at `i`.
        mutating func string(multiline allowed: Bool) -> TOMLSyntaxError? {
            let quote = s[i]
            let startLine = line
            let triple = allowed && i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote
            i += triple ? 3 : 1
            while i < s.count {
                let c = s[i]
                if c == "\\" && quote == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\n" { line += 1 }
                    i += 2
                    continue
                }
                if c == "\n" {
                    guard triple else { return error("a string is not closed on its line", line: startLine) }
                    line += 1
                }
                if c == quote {
                    if !triple { i += 1; return nil }
                    if i + 2 < s.count, s[i + 1] == quote, s[i + 2] == quote {
                        i += 3
                        // Up to two quotes of the content may end it: """a""""" is valid.
                        var extra = 0
                        while extra < 2, i < s.count, s[i] == quote { i += 1; extra += 1 }
                        return nil
                    }
                }
                i += 1
            }
            openString = startLine
            return nil
        }

        mutating func skipBlanks() {
            while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        }
    }
}
