/// SplitMix64: a small deterministic generator, so a failing random test can be replayed.
public struct SeededRandom: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random text mixing the things that break layouts: CJK, emoji sequences, combining marks,
/// controls, long words, URLs.
public enum RandomText {
    public static let pieces: [String] = [
        "the", "quick", "brown", "fox", "jumps", " ", " ", " ", "  ", "\n", "\t",
        "日本語", "吾輩は猫である。", "「名前」", "、", "。", "ニャー", "한국어",
        "🙂", "👨\u{200D}👩\u{200D}👧", "👍🏽", "🇯🇵", "❤\u{FE0F}",
        "e\u{301}", "\u{301}", "a\u{308}\u{301}\u{302}\u{303}\u{304}\u{305}",
        "\u{1B}[31m", "\u{85}", "\u{7F}", "\u{202E}", "\u{AD}", "\u{200B}", "\u{A0}",
        "supercalifragilisticexpialidocious", "https://example.com/a/very/long/path?with=query&and=more",
        "(", ")", "[", "]", ".", ",", "-", "—", "…", "Ünïcödé", "İstanbul", "ß",
    ]

    public static func mixed(_ rng: inout SeededRandom, length: Int) -> String {
        var s = ""
        for _ in 0..<length { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
        return s
    }
}
