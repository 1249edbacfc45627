import NewsModel

/// C1 controls (U+0080–U+009F) in text are almost always windows-1252 bytes that went through a
/// Latin-1 decoder somewhere upstream; like browsers (WHATWG Encoding: the "latin1" label is
/// windows-1252), they are read as the windows-1252 characters. The five code points windows-1252
/// leaves undefined stay controls and are dropped by the callers.
public enum C1Controls {
    /// UTF-8 of the windows-1252 character for U+0080 + index; empty for the undefined five.
    private static let table: [[UInt8]] = [
        "€", "", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "", "Ž", "",
        "", "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", "", "ž", "Ÿ",
    ].map { Array($0.utf8) }

    /// The replacement for the C1 control whose UTF-8 is `C2 second` (second in 0x80…0x9F):
    /// its windows-1252 character's UTF-8, or empty when it has none.
    @inline(__always)
    public static func utf8(secondByte second: UInt8) -> [UInt8] {
        table[Int(second &- 0x80) & 0x1F]
    }

    /// The windows-1252 character for a C1 scalar, or nil when undefined.
    public static func scalar(for value: UInt32) -> Unicode.Scalar? {
        guard ControlCharacter.isC1(value) else { return nil }
        let bytes = table[Int(value - 0x80)]
        guard !bytes.isEmpty else { return nil }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.first
    }
}
