/// The one definition of "control character" for the whole program. Outside text (feeds, files,
/// config, command lines) reaches a terminal, SQLite and JSON, and every one of them needs the
/// same answer to "is this scalar safe to show raw?"; a hand-written range in each place drifted
/// (one forgot DEL, another the C1 range), so the ranges live here only.
public enum ControlCharacter {
    /// C0 controls: U+0000–U+001F (tab, LF and CR included; callers that keep them say so).
    @inlinable public static func isC0(_ value: UInt32) -> Bool { value < 0x20 }
    @inlinable public static func isC0(_ scalar: Unicode.Scalar) -> Bool { isC0(scalar.value) }

    /// DEL, U+007F.
    @inlinable public static func isDelete(_ value: UInt32) -> Bool { value == 0x7F }
    @inlinable public static func isDelete(_ scalar: Unicode.Scalar) -> Bool { isDelete(scalar.value) }

    /// C1 controls: U+0080–U+009F (a terminal may read U+009B as CSI).
    @inlinable public static func isC1(_ value: UInt32) -> Bool { value >= 0x80 && value <= 0x9F }
    @inlinable public static func isC1(_ scalar: Unicode.Scalar) -> Bool { isC1(scalar.value) }

    /// C0, DEL or C1: Unicode's general category Cc.
    @inlinable public static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (value >= 0x7F && value <= 0x9F)
    }
    @inlinable public static func isControl(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar.value) }

    /// Bidi embedding/override/isolate/mark controls: they reorder what a terminal shows
    /// (Trojan Source), so outside text must not carry them to the screen.
    @inlinable public static func isBidiControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
    @inlinable public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool { isBidiControl(scalar.value) }

    /// LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks to some readers (and to JavaScript),
    /// not to a terminal.
    @inlinable public static func isLineSeparator(_ value: UInt32) -> Bool { value == 0x2028 || value == 0x2029 }
    @inlinable public static func isLineSeparator(_ scalar: Unicode.Scalar) -> Bool { isLineSeparator(scalar.value) }

    /// Anything that must not reach a terminal raw: controls, bidi controls, line separators.
    @inlinable public static func isUnsafe(_ value: UInt32) -> Bool {
        isControl(value) || isBidiControl(value) || isLineSeparator(value)
    }
    @inlinable public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { isUnsafe(scalar.value) }

    // MARK: UTF-8 bytes (scanners that never decode scalars)

    /// A C0 control byte or DEL.
    @inlinable public static func isControl(byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }

    /// A C0 control byte.
    @inlinable public static func isC0(byte: UInt8) -> Bool { byte < 0x20 }

    /// The UTF-8 of a C1 control: `C2 80`…`C2 9F`.
    @inlinable public static func isC1(lead: UInt8, next: UInt8) -> Bool {
        lead == 0xC2 && next >= 0x80 && next <= 0x9F
    }

    /// Printable ASCII including space: U+0020–U+007E.
    @inlinable public static func isPrintableASCII(byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }
    @inlinable public static func isPrintableASCII(_ value: UInt32) -> Bool { value >= 0x20 && value < 0x7F }

    /// Visible ASCII: printable and not a space, U+0021–U+007E.
    @inlinable public static func isVisibleASCII(byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
    @inlinable public static func isVisibleASCII(_ value: UInt32) -> Bool { value > 0x20 && value < 0x7F }

    /// How a control is written out when it is shown rather than dropped: caret notation for
    /// C0 and DEL (`^[`, `^?`), `<XX>` in hex for anything else (`<9B>`).
    public static func visibleForm(_ value: UInt32) -> String {
        if value < 0x20 { return "^" + String(UnicodeScalar(UInt8(value + 0x40))) }
        if value == 0x7F { return "^?" }
        return "<" + String(value, radix: 16, uppercase: true) + ">"
    }
    public static func visibleForm(_ scalar: Unicode.Scalar) -> String { visibleForm(scalar.value) }
}
