import Testing
@testable import Theming

@Suite struct TOMLKeyLinesTests {
    let text = """
        # comment = not a key
        theme = "x"
        a.b = 1
        "quoted.key" = { fg = "red" }
        'lit' = 2
        long = \"\"\"
        fake = 3
        \"\"\"
        after = 4
        arr = [
          [1, 2],
        ]
        [keys]
        "g g" = "first"
        j = "down"
        [ "sp ace" . inner ]
        k = 5
        """
    var lines: TOMLKeyLines { TOMLKeyLines(text) }

    /// Found by fuzzing (Fuzz/, target config): escapes in a quoted key were kept as written
    /// (`\t` as "t"), so such a key had no line, its warnings none, and `[keys]` overrides
    /// with one were reordered when `config --check` wrote them back.
    @Test func quotedKeysAreFoundByTheirDecodedName() {
        let lines = TOMLKeyLines("a = 1\n\"tab\\there\" = 2\n\"\\u00e9t\\u00E9 \\\"q\\\"\" = 3\n\"\u{301}x\" = 4\n")
        #expect(lines.line(for: ["tab\there"]) == 2)
        #expect(lines.line(for: ["\u{e9}t\u{e9} \"q\""]) == 3)
        #expect(lines.line(for: ["\u{301}x"]) == 4)
    }

    @Test func findsKeysOfEveryForm() {
        #expect(lines.line(for: ["theme"]) == 2)
        #expect(lines.line(for: ["a", "b"]) == 3)
        #expect(lines.line(for: ["quoted.key"]) == 4)
        #expect(lines.line(for: ["quoted.key", "fg"]) == 4)  // inside an inline table
        #expect(lines.line(for: ["lit"]) == 5)
        #expect(lines.line(for: ["keys", "g g"]) == 14)
        #expect(lines.line(for: ["keys", "j"]) == 15)
        #expect(lines.line(for: ["keys"]) == 13)
        #expect(lines.line(for: ["sp ace", "inner", "k"]) == 17)
    }

    @Test func skipsMultilineStringsAndArrayRows() {
        #expect(lines.line(for: ["fake"]) == nil)
        #expect(lines.line(for: ["after"]) == 9)
        #expect(lines.line(for: ["1"]) == nil)
        #expect(lines.line(for: ["arr"]) == 10)
        #expect(lines.line(for: ["comment"]) == nil)
        #expect(lines.line(for: ["nowhere"]) == nil)
    }
}
