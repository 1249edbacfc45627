import Testing
@testable import TextLayout

@Suite struct DisplayWidthTests {
    @Test func asciiJapaneseEmojiAndCombiningMarks() {
        #expect(DisplayWidth.width("abc") == 3)
        #expect(DisplayWidth.width("日本語") == 6)
        #expect(DisplayWidth.width("e\u{301}") == 1)
        #expect(DisplayWidth.width("🙂") == 2)
    }

    @Test func controlsAreShownNotSent() {
        let units = DisplayWidth.units("a\u{1B}[31mb\u{85}\u{202E}c")
        let text = units.map(\.text).joined()
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x85 || $0.value == 0x202E })
        #expect(text == "a^[[31mb<85>c")
    }
}
