/// Stable article ids: 16 hex digits of FNV-1a-64 over "source\u{0}guid".
/// Short enough to type on the command line (`newsreader show 3f9c…`), stable across runs and
/// machines (Swift's Hasher is seeded per process, so it cannot be used).
public enum ArticleID {
    public static func make(source: String, guid: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0) &* 0x100_0000_01b3
        for byte in guid.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
