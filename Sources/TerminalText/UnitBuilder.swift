import NewsModel

/// Turns scalars into display units one at a time (see `DisplayWidth.forEachUnit`), so the
/// layout can interleave its own handling of whitespace. Inlinable: it runs once per scalar
/// of every wrapped article.
public struct UnitBuilder {
    @usableFromInline var pending: String? = nil
    @usableFromInline var pendingWidth = 0
    @usableFromInline var pendingOffset = 0
    @usableFromInline var marks = 0

    public init() {}

    @inlinable
    public mutating func push(_ scalar: Unicode.Scalar, offset: Int, _ body: (DisplayUnit, Int) -> Void) {
        let v = scalar.value
        if ControlCharacter.isPrintableASCII(v) {
            if let p = pending { body(DisplayUnit(text: p, width: pendingWidth), pendingOffset) }
            pending = String(scalar); pendingWidth = 1; pendingOffset = offset; marks = 0
            return
        }
        if DisplayWidth.isDropped(scalar) || ControlCharacter.isBidiControl(scalar) { return }
        let w = WidthTable.width(v)
        if w < 0 || ControlCharacter.isControl(v) {
            flush(body)
            for unit in DisplayWidth.visibleControl(scalar) { body(unit, offset) }
            return
        }
        if w == 0 {
            // Combining mark: ncurses keeps at most CCHARW_MAX-1 (4) per cell; a mark with
            // nothing to attach to is dropped rather than drawn over a neighbour.
            if pending != nil && marks < 4 { pending!.unicodeScalars.append(scalar); marks += 1 }
            return
        }
        if let p = pending { body(DisplayUnit(text: p, width: pendingWidth), pendingOffset) }
        pending = String(scalar); pendingWidth = w; pendingOffset = offset; marks = 0
    }

    /// Emits the unit still waiting for combining marks.
    @inlinable
    public mutating func flush(_ body: (DisplayUnit, Int) -> Void) {
        if let p = pending { body(DisplayUnit(text: p, width: pendingWidth), pendingOffset) }
        pending = nil
        marks = 0
    }
}
