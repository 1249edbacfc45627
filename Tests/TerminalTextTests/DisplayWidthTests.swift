import Testing
import NewsModel
@testable import TerminalText
import TestSupport

@Suite struct DisplayWidthTests {
    @Test func asciiJapaneseEmojiAndCombiningMarks() {
        #expect(DisplayWidth.width("abc") == 3)
        #expect(DisplayWidth.width("") == 0)
        #expect(DisplayWidth.width("日本語") == 6)
        #expect(DisplayWidth.width("ｶﾀｶﾅ") == 4)          // half-width katakana
        #expect(DisplayWidth.width("ＡＢＣ") == 6)         // full-width Latin
        #expect(DisplayWidth.width("한국어") == 6)
        #expect(DisplayWidth.width("e\u{301}") == 1)
        #expect(DisplayWidth.units("e\u{301}") == [DisplayUnit(text: "e\u{301}", width: 1)])
        #expect(DisplayWidth.width("🙂") == 2)
        #expect(DisplayWidth.width("café") == 4)
    }

    @Test func emojiSequencesAreNormalisedNotGuessed() {
        // ZWJ family: ZWJ dropped, three emoji of two columns each, as the terminal will draw them.
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(DisplayWidth.width(family) == 6)
        #expect(DisplayWidth.units(family).map(\.text) == ["👨", "👩", "👧"])
        // Skin tone modifier dropped: the base emoji stays.
        #expect(DisplayWidth.units("👍🏽").map(\.text) == ["👍"])
        #expect(DisplayWidth.width("👍🏽") == 2)
        // VS16 dropped: the heart keeps its text width of 1, in layout and on screen alike.
        #expect(DisplayWidth.units("❤\u{FE0F}") == [DisplayUnit(text: "❤", width: 1)])
        // A flag is two regional indicators, one column each.
        #expect(DisplayWidth.width("🇯🇵") == 2)
        // Keycap: the enclosing mark joins its digit.
        #expect(DisplayWidth.units("1\u{FE0F}\u{20E3}") == [DisplayUnit(text: "1\u{20E3}", width: 1)])
        // England's subdivision flag: tag characters dropped.
        #expect(DisplayWidth.units("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}").map(\.text) == ["🏴"])
    }

    @Test func combiningMarksAreCappedAndNeverStandAlone() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 10)
        let units = DisplayWidth.units(zalgo)
        #expect(units.count == 1)
        #expect(units[0].text.unicodeScalars.count == 5)   // base + 4 marks, as ncurses keeps
        #expect(DisplayWidth.width("\u{301}x") == 1)         // a mark with no base is dropped
        #expect(DisplayWidth.units("\u{301}x").map(\.text) == ["x"])
    }

    @Test func controlsAreShownNotSent() {
        let units = DisplayWidth.units("a\u{1B}[31mb\u{85}\u{202E}c")
        let text = units.map(\.text).joined()
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x85 || $0.value == 0x202E })
        #expect(text == "a^[[31mb<85>c")
        #expect(DisplayWidth.sanitize("x\u{7F}y\u{7}") == "x^?y^G")
        #expect(DisplayWidth.sanitize("a\tb") == "a b")
        #expect(DisplayWidth.sanitize("soft\u{AD}hyphen\u{200B}") == "softhyphen")
        #expect(DisplayWidth.sanitize("\u{2066}left\u{2069}\u{200F}") == "left")
        #expect(DisplayWidth.width("\u{9B}") == 4)          // C1 CSI shown as <9B>
    }

    @Test func widthAlwaysEqualsTheSumOfUnits() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let text = RandomText.mixed(&rng, length: Int.random(in: 0...40, using: &rng))
            let units = DisplayWidth.units(text)
            #expect(DisplayWidth.width(text) == units.reduce(0) { $0 + $1.width }, "\(text.debugDescription)")
            #expect(DisplayWidth.width(DisplayWidth.sanitize(text)) == DisplayWidth.width(text))
            #expect(units.allSatisfy { $0.width == 1 || $0.width == 2 })
            // Sanitised text holds no control scalars at all.
            #expect(!DisplayWidth.sanitize(text).unicodeScalars.contains {
                $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) || ControlCharacter.isBidiControl($0)
            })
        }
    }

    @Test func truncateKeepsWithinWidthAndNeverSplitsWideGlyphs() {
        #expect(DisplayWidth.truncate("Hello", toWidth: 5) == "Hello")
        #expect(DisplayWidth.truncate("Hello, world", toWidth: 6) == "Hello…")
        #expect(DisplayWidth.truncate("日本語の記事", toWidth: 6) == "日本…")
        #expect(DisplayWidth.truncate("日本語", toWidth: 4) == "日…")
        #expect(DisplayWidth.truncate("日本語", toWidth: 6) == "日本語")
        #expect(DisplayWidth.truncate("abc", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 3, ellipsis: "...") == "...")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 2, ellipsis: "...") == "ab")
        #expect(DisplayWidth.truncate("a\u{1B}bcdef", toWidth: 4) == "a^[…")
        var rng = SeededRandom(seed: 11)
        for _ in 0..<300 {
            let text = RandomText.mixed(&rng, length: Int.random(in: 0...30, using: &rng))
            let limit = Int.random(in: 0...20, using: &rng)
            let cut = DisplayWidth.truncate(text, toWidth: limit)
            #expect(DisplayWidth.width(cut) <= limit)
            if DisplayWidth.width(text) <= limit { #expect(cut == DisplayWidth.sanitize(text)) }
        }
    }
}

@Suite struct PrintableASCIITests {
    @Test func wordAtATimeCheckAgreesWithTheByteLoop() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...40, using: &rng)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0x20...0x7E, using: &rng) }
            if !bytes.isEmpty && Bool.random(using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = [0x00, 0x09, 0x1B, 0x1F, 0x7F, 0x80, 0xC3, 0xFF][Int.random(in: 0..<8, using: &rng)]
            }
            let expected = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            #expect(bytes.withUnsafeBufferPointer(DisplayWidth.isPrintableASCII) == expected, "\(bytes)")
        }
    }
}
