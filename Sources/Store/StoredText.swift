import GRDB

/// Large text columns (`articleBody.summary`, `contentHTML`) stored compressed.
///
/// A value shorter than `threshold` bytes stays TEXT (rows written before compression are TEXT
/// too); a longer one becomes a BLOB: varint byte length of the UTF-8 text, then raw DEFLATE.
/// Feed HTML shrinks to about a third, and inflating one article's HTML takes microseconds.
enum StoredText {
    static let threshold = 200

    static func value(_ text: String?) -> BulkValue {
        guard var text else { return .null }
        guard text.utf8.count >= threshold else { return .text(text) }
        let packed: [UInt8]? = text.withUTF8 { utf8 in
            guard let deflated = Deflate.compress(UnsafeRawBufferPointer(utf8)) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(deflated.count + 5)
            var n = UInt64(utf8.count)
            while n >= 0x80 { out.append(UInt8(truncatingIfNeeded: n) | 0x80); n >>= 7 }
            out.append(UInt8(n))
            out += deflated
            return out
        }
        return packed.map { .blob($0) } ?? .text(text)
    }

    /// The text from a stored column value (TEXT as is, BLOB inflated; damage gives nil).
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let s): return s
        case .blob(let data): return data.withUnsafeBytes { text(packed: $0) }
        default: return nil
        }
    }

    static func text(packed bytes: UnsafeRawBufferPointer) -> String? {
        var size: UInt64 = 0
        var shift: UInt64 = 0
        var offset = 0
        while true {
            guard offset < bytes.count, shift < 35 else { return nil }
            let b = bytes[offset]
            offset += 1
            size |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        guard let raw = Deflate.decompress(UnsafeRawBufferPointer(rebasing: bytes[offset...]), size: Int(size)) else {
            return nil
        }
        return String(decoding: raw, as: UTF8.self)
    }
}
