import CTextWidth

/// glibc's widths for the first two planes, read once (about 1 ms) so the hot path never
/// switches locales; scalars beyond are asked for directly. Public (and inlinable) for the
/// wrapper in TextLayout, which measures scalar by scalar.
public enum WidthTable {
    @usableFromInline static let size: UInt32 = 0x20000
    @usableFromInline static let table: [Int8] = [Int8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
        nr_wcwidth_fill(buffer.baseAddress, size)
        count = Int(size)
    }

    /// glibc's wcwidth of `v`: 0 for combining marks, 2 for wide, -1 for controls/unassigned.
    @inlinable
    public static func width(_ v: UInt32) -> Int {
        if v < size { return Int(table[Int(v)]) }
        return beyondTable(v)
    }

    @usableFromInline
    static func beyondTable(_ v: UInt32) -> Int { Int(nr_wcwidth(v)) }
}
