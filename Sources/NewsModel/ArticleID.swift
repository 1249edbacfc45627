/// Stable article ids: 32 hex digits (128 bits) of SHA-256 over "source\u{0}guid".
///
/// Stable across runs and machines (Swift's Hasher is seeded per process), and nobody can craft
/// a feed whose items collide with another source's ids (FNV-1a-64, used before, could be steered
/// into collisions). Ids are still typed as prefixes on the command line (`newsreader show 3f9c…`).
public enum ArticleID {
    public static func make(source: String, guid: String) -> String {
        var message = Array(source.utf8)
        message.append(0)
        message += guid.utf8
        return String(SHA256.hex(message).prefix(32))
    }

    /// The previous scheme: 16 hex digits of FNV-1a-64 over the same bytes. Libraries written
    /// with it are migrated to `make`; feed items without a guid keep their synthesized
    /// "hash:" guid from it so they are still recognised.
    public static func legacy(source: String, guid: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0) &* 0x100_0000_01b3
        for byte in guid.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
