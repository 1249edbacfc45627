import CTextWidth

/// One drawable unit: what occupies one terminal cell (width 1) or two (width 2).
/// `text` is a spacing character plus any combining marks, already safe to send to a terminal.
public struct DisplayUnit: Sendable, Hashable {
    public var text: String
    public var width: Int
    public init(text: String, width: Int) {
        self.text = text
        self.width = width
    }
}

/// Terminal column widths, measured the way ncurses measures (glibc wcwidth in a UTF-8 locale),
/// after normalising the scalars terminals disagree about (ZWJ, variation selectors, skin-tone
/// modifiers, soft hyphens) so that layout and terminal always agree.
public enum DisplayWidth {
    /// Width of one scalar: 0 for combining marks, 2 for wide, -1 for controls.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7f { return 1 }
        return Int(nr_wcwidth(v))
    }

    /// Scalars dropped before display: they change width differently in different terminals.
    @inline(__always)
    public static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x00AD, 0x1F3FB...0x1F3FF, 0x200B, 0x2060, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Bidi controls: dropped so outside text cannot reorder what the terminal shows.
    @inline(__always)
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Sum of unit widths of `text` as it will be displayed.
    public static func width(_ text: String) -> Int {
        var total = 0
        var allASCII = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7f { allASCII = false; break }
        if allASCII { return text.utf8.count }
        forEachUnit(text) { total += $0.width }
        return total
    }

    /// Splits text into display units. Controls become visible `^X` / `<U+0085>` style units;
    /// zero-width scalars attach to the previous unit; dropped scalars vanish.
    public static func units(_ text: String) -> [DisplayUnit] {
        var result: [DisplayUnit] = []
        result.reserveCapacity(text.utf8.count)
        forEachUnit(text) { result.append($0) }
        return result
    }

    public static func forEachUnit(_ text: String, _ body: (DisplayUnit) -> Void) {
        var pending: String? = nil
        var pendingWidth = 0
        var marks = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7f {
                if let p = pending { body(DisplayUnit(text: p, width: pendingWidth)) }
                pending = String(scalar); pendingWidth = 1; marks = 0
                continue
            }
            if isDropped(scalar) || isBidiControl(scalar) { continue }
            let w = of(scalar)
            if w < 0 || v < 0x20 || (v >= 0x7f && v < 0xa0) {
                if let p = pending { body(DisplayUnit(text: p, width: pendingWidth)); pending = nil }
                for unit in visibleControl(scalar) { body(unit) }
                continue
            }
            if w == 0 {
                // Combining mark: ncurses keeps at most CCHARW_MAX-1 (4) per cell.
                if pending != nil && marks < 4 { pending!.unicodeScalars.append(scalar); marks += 1 }
                continue
            }
            if let p = pending { body(DisplayUnit(text: p, width: pendingWidth)) }
            pending = String(scalar); pendingWidth = w; marks = 0
        }
        if let p = pending { body(DisplayUnit(text: p, width: pendingWidth)) }
    }

    /// How a control character is shown: caret notation for C0 and DEL, `<XX>` for C1.
    static func visibleControl(_ scalar: Unicode.Scalar) -> [DisplayUnit] {
        let v = scalar.value
        let shown: String
        if v == 0x09 { shown = " " }
        else if v < 0x20 { shown = "^" + String(UnicodeScalar(UInt8(v + 0x40))) }
        else if v == 0x7f { shown = "^?" }
        else { shown = "<" + String(v, radix: 16, uppercase: true) + ">" }
        return shown.unicodeScalars.map { DisplayUnit(text: String($0), width: 1) }
    }
}
