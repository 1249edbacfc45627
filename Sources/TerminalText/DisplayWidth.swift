import NewsModel

/// Terminal column widths, measured the way ncurses measures (glibc wcwidth in a UTF-8 locale),
/// after normalising the scalars terminals disagree about (ZWJ, variation selectors, skin-tone
/// modifiers, soft hyphens, tag characters) so that layout and terminal always agree:
/// - a ZWJ sequence (👨‍👩‍👧) is shown as its parts, each 2 columns; a flag (🇯🇵) as two
///   regional indicators of 1 column each (2 in all, what terminals draw);
/// - combining marks join the previous unit (at most 4, as ncurses keeps);
/// - C0/DEL controls are shown as `^X`, C1 and unassigned scalars as `<85>`, tab as one space;
/// - bidi controls are dropped so outside text cannot reorder the screen.
public enum DisplayWidth {
    /// Width of one scalar as glibc measures it: 0 for combining marks, 2 for wide, -1 for
    /// controls and unassigned scalars.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if ControlCharacter.isPrintableASCII(v) { return 1 }
        return WidthTable.width(v)
    }

    /// Scalars dropped before display: they change width differently in different terminals.
    @inlinable
    public static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD,                 // soft hyphen (wcwidth 1, most terminals 0)
             0x200B, 0x200D, 0x2060, 0xFEFF, // zero-width space, ZWJ, word joiner, BOM
             0xFE00...0xFE0F,        // variation selectors (VS16 widens in some terminals only)
             0x1F3FB...0x1F3FF,      // skin-tone modifiers
             0xE0000...0xE007F,      // tag characters (subdivision flags)
             0xE0100...0xE01EF:      // ideographic variation selectors
            return true
        default:
            return false
        }
    }

    /// True when `text` is printable ASCII only: its width is its byte count.
    @inline(__always)
    public static func isPrintableASCII(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable(isPrintableASCII) { return answer }
        for byte in text.utf8 where !ControlCharacter.isPrintableASCII(byte: byte) { return false }
        return true
    }

    /// `ControlCharacter.isPrintableASCII(byte:)` for every byte, eight bytes at a time (no
    /// byte ≥ 0x80, < 0x20 or == 0x7F); PrintableASCIITests hold it to the byte-wise answer.
    public static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        let n = bytes.count
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while i + 8 <= n {
                let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let belowSpace = (x &- ones &* 0x20) & ~x & highs
                let y = x ^ (ones &* 0x7F)
                let isDel = (y &- ones) & ~y & highs
                if (x & highs) | belowSpace | isDel != 0 { return false }
                i += 8
            }
        }
        while i < n {
            let b = bytes[i]
            if !ControlCharacter.isPrintableASCII(byte: b) { return false }
            i += 1
        }
        return true
    }

    /// Sum of unit widths of `text` as it will be displayed. Allocation-free.
    public static func width(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for scalar in text.unicodeScalars { total += displayedWidth(of: scalar) }
        return total
    }

    /// Columns one scalar adds in `forEachUnit` (0 when dropped or combining).
    @inline(__always)
    static func displayedWidth(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if ControlCharacter.isPrintableASCII(v) { return 1 }
        if isDropped(scalar) || ControlCharacter.isBidiControl(scalar) { return 0 }
        let w = WidthTable.width(v)
        if w < 0 || ControlCharacter.isControl(v) { return visibleControlWidth(v) }
        return w
    }

    /// Splits text into display units. Controls become visible `^X` / `<85>` style units;
    /// zero-width scalars attach to the previous unit; dropped scalars vanish.
    public static func units(_ text: String) -> [DisplayUnit] {
        var result: [DisplayUnit] = []
        result.reserveCapacity(text.utf8.count)
        forEachUnit(text) { result.append($0) }
        return result
    }

    public static func forEachUnit(_ text: String, _ body: (DisplayUnit) -> Void) {
        forEachScalarUnit(text) { unit, _ in body(unit) }
    }

    /// Like `forEachUnit`, also giving the offset (in Unicode scalars of `text`) of the scalar
    /// each unit starts with; the layout uses it to map lines back to source positions.
    static func forEachScalarUnit(_ text: String, _ body: (DisplayUnit, Int) -> Void) {
        var builder = UnitBuilder()
        var offset = 0
        for scalar in text.unicodeScalars {
            builder.push(scalar, offset: offset, body)
            offset += 1
        }
        builder.flush(body)
    }

    /// The text as it will be displayed: controls made visible, dropped scalars removed.
    public static func sanitize(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        forEachUnit(text) { out += $0.text }
        return out
    }

    /// `text` cut to at most `width` columns; when cut, it ends with `ellipsis` (if that fits).
    /// The result is sanitised (see `sanitize`) and never splits a wide glyph.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if isPrintableASCII(text) {
            if text.utf8.count <= width { return text }
        } else if Self.width(text) <= width {
            return sanitize(text)
        }
        let ellipsisText = sanitize(ellipsis)
        let ellipsisWidth = Self.width(ellipsisText)
        let keepWidth = ellipsisWidth <= width ? width - ellipsisWidth : width
        var out = ""
        var col = 0
        var full = false
        forEachUnit(text) { unit in
            guard !full else { return }
            if col + unit.width > keepWidth { full = true; return }
            out += unit.text
            col += unit.width
        }
        if ellipsisWidth <= width { out += ellipsisText }
        return out
    }

    /// How a control character is shown: caret notation for C0 and DEL, `<XX>` for C1 and
    /// unassigned scalars, one space for tab.
    @usableFromInline
    static func visibleControl(_ scalar: Unicode.Scalar) -> [DisplayUnit] {
        visibleControlText(scalar.value).unicodeScalars.map { DisplayUnit(text: String($0), width: 1) }
    }

    public static func visibleControlText(_ v: UInt32) -> String {
        v == 0x09 ? " " : ControlCharacter.visibleForm(v)
    }

    @inline(__always)
    static func visibleControlWidth(_ v: UInt32) -> Int {
        if v == 0x09 { return 1 }
        if ControlCharacter.isC0(v) || ControlCharacter.isDelete(v) { return 2 }
        var digits = 1
        var rest = v >> 4
        while rest > 0 { digits += 1; rest >>= 4 }
        return digits + 2
    }
}
