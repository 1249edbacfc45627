import NewsModel
import TerminalText

/// One display unit of flowing text: a byte range of the wrapper's display text, with what
/// the wrapper needs to know about it. No per-character strings: spans are cut from `bytes`.
struct Atom {
    var start: Int32
    var end: Int32
    /// Scalar offset in the block's `plainText`.
    var offset: Int32
    var width: Int32
    var flags: UInt8
    var role: TextRole

    static let space: UInt8 = 1
    static let wide: UInt8 = 2
    static let noStart: UInt8 = 4
    static let noEnd: UInt8 = 8
    /// "-" or "‐": a line may break after it inside a word ("well-|known").
    static let hyphen: UInt8 = 16
    /// Letter or digit (ASCII, or a narrow non-ASCII character).
    static let wordChar: UInt8 = 32
    /// A hard line break ("\n" in a run): zero columns, no bytes; the line must end here.
    static let lineBreak: UInt8 = 64

    @inline(__always) var isSpace: Bool { flags & Atom.space != 0 }
    @inline(__always) var isLineBreak: Bool { flags & Atom.lineBreak != 0 }
}

/// What comes before the text on a line: blank columns, then maybe a marker or quote bars.
struct LinePrefix {
    var indent: Int
    var text: String = ""
    var role: TextRole = .body
    var width: Int = 0

    var columns: Int { indent + width }

    /// The prefix shrunk (indent first, then its text) to at most `maxColumns`.
    func fitted(to maxColumns: Int) -> LinePrefix {
        if columns <= maxColumns { return self }
        var p = self
        if p.width > maxColumns {
            p.text = DisplayWidth.truncate(p.text, toWidth: maxColumns, ellipsis: "")
            p.width = DisplayWidth.width(p.text)
        }
        p.indent = max(0, maxColumns - p.width)
        return p
    }
}

/// Wraps the inline runs of one block into lines of at most `avail` content columns.
/// Reuses its buffers between blocks so laying out an article allocates little.
struct BlockWrapper {
    var atoms: [Atom] = []
    /// The block's display text (sanitised UTF-8, whitespace collapsed, markers included);
    /// atoms are consecutive ranges of it.
    var bytes: [UInt8] = []

    /// Fills `atoms` from `runs`: whitespace collapsed and trimmed, controls made visible,
    /// a `[n]` marker after each link (via `linkNumber`), units wider than `avail` replaced.
    /// A "\n" is a hard line break: spaces around it dropped, none at either end of the block.
    /// Same units as `DisplayWidth.forEachUnit`, without building a string per character.
    mutating func collect(_ runs: [InlineRun], base: TextRole, avail: Int,
                          linkNumber: ((String) -> Int?)?) {
        atoms.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        var spacePending = false
        var spaceOffset: Int32 = 0
        var offset: Int32 = 0
        var attachable = false   // the last atom may take combining marks
        var marks = 0

        func flushSpace() {
            guard spacePending else { return }
            spacePending = false
            guard let last = atoms.last, !last.isLineBreak else { return }
            let at = Int32(bytes.count)
            bytes.append(0x20)
            atoms.append(Atom(start: at, end: at + 1, offset: spaceOffset, width: 1, flags: Atom.space, role: base))
        }

        for (index, run) in runs.enumerated() {
            let runRole = Self.role(for: run, base: base)
            var role = runRole
            attachable = false
            // Importers write images as "[image: alt]" text: give them their own role.
            let images = run.link == nil ? Self.imagePlaceholders(in: run.text) : []
            var nextImage = 0
            var local = 0
            for scalar in run.text.unicodeScalars {
                defer { offset += 1; local += 1 }
                if nextImage < images.count {
                    if local >= images[nextImage].upperBound { nextImage += 1; role = runRole }
                    if nextImage < images.count && images[nextImage].contains(local) { role = .image }
                }
                let v = scalar.value
                if ControlCharacter.isVisibleASCII(v) {
                    flushSpace()
                    let at = Int32(bytes.count)
                    bytes.append(UInt8(truncatingIfNeeded: v))
                    var flags: UInt8 = 0
                    switch v {
                    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: flags = Atom.wordChar
                    case 0x2D: flags = Atom.hyphen
                    default:
                        if LineBreakRules.isNoStart(scalar) { flags |= Atom.noStart }
                        if LineBreakRules.isNoEnd(scalar) { flags |= Atom.noEnd }
                    }
                    atoms.append(Atom(start: at, end: at + 1, offset: offset, width: 1, flags: flags, role: role))
                    attachable = true; marks = 0
                    continue
                }
                if v == 0x0A {
                    // Hard break: the space before it is not shown; consecutive ones leave empty lines.
                    spacePending = false
                    attachable = false
                    if !atoms.isEmpty {
                        let at = Int32(bytes.count)
                        atoms.append(Atom(start: at, end: at, offset: offset, width: 0, flags: Atom.lineBreak, role: role))
                    }
                    continue
                }
                if LineBreakRules.isCollapsibleSpace(scalar) {
                    if !spacePending { spacePending = true; spaceOffset = offset }
                    attachable = false
                    continue
                }
                if DisplayWidth.isDropped(scalar) || ControlCharacter.isBidiControl(scalar) { continue }
                let w = WidthTable.width(v)
                if w < 0 || ControlCharacter.isControl(v) {
                    flushSpace()
                    for byte in DisplayWidth.visibleControlText(v).utf8 {
                        let at = Int32(bytes.count)
                        bytes.append(byte)
                        atoms.append(Atom(start: at, end: at + 1, offset: offset, width: 1, flags: 0, role: role))
                    }
                    attachable = false
                    continue
                }
                if w == 0 {
                    // Combining mark: at most 4 per cell (as ncurses keeps); none without a base.
                    if attachable && marks < 4 {
                        UTF8.encode(scalar) { bytes.append($0) }
                        atoms[atoms.count - 1].end = Int32(bytes.count)
                        marks += 1
                    }
                    continue
                }
                flushSpace()
                let at = Int32(bytes.count)
                var flags: UInt8 = w == 2 ? Atom.wide : (v == 0x2010 ? Atom.hyphen : (scalar.properties.isAlphabetic ? Atom.wordChar : 0))
                if LineBreakRules.isNoStart(scalar) { flags |= Atom.noStart }
                if LineBreakRules.isNoEnd(scalar) { flags |= Atom.noEnd }
                var width = Int32(w)
                if w > avail {
                    // Cannot fit even alone (a wide glyph at width 1): show an ellipsis.
                    bytes.append(contentsOf: [0xE2, 0x80, 0xA6])
                    width = 1
                    attachable = false
                } else {
                    UTF8.encode(scalar) { bytes.append($0) }
                    attachable = true
                }
                marks = 0
                atoms.append(Atom(start: at, end: Int32(bytes.count), offset: offset, width: width, flags: flags, role: role))
            }
            // The `[n]` marker follows the last run of a link, glued to it.
            if let url = run.link, let number = linkNumber?(url),
               index + 1 == runs.count || runs[index + 1].link != url {
                for byte in "[\(number)]".utf8 {
                    let at = Int32(bytes.count)
                    bytes.append(byte)
                    atoms.append(Atom(start: at, end: at + 1, offset: offset, width: 1, flags: Atom.noStart,
                                      role: .linkReference))
                }
                attachable = false
            }
        }
        while let last = atoms.last, last.isLineBreak { atoms.removeLast() }
    }

    /// Scalar ranges of "[image]" and "[image: …]" placeholders in `text`.
    static func imagePlaceholders(in text: String) -> [Range<Int>] {
        guard text.utf8.contains(0x5B) else { return [] }
        let scalars = Array(text.unicodeScalars)
        let prefix = Array("[image".unicodeScalars)
        var ranges: [Range<Int>] = []
        var i = 0
        while i + prefix.count < scalars.count {
            if scalars[i] == "[" && Array(scalars[i..<i + prefix.count]) == prefix,
               scalars[i + prefix.count] == "]" || scalars[i + prefix.count] == ":" {
                // No "]" after this one means none after any later one either: stop, or every
                // unclosed "[image:" would scan to the end again (quadratic, a frozen frame).
                guard let close = scalars[(i + prefix.count)...].firstIndex(of: "]") else { break }
                ranges.append(i..<close + 1)
                i = close + 1
            } else {
                i += 1
            }
        }
        return ranges
    }

    static func role(for run: InlineRun, base: TextRole) -> TextRole {
        if run.link != nil { return .link }
        if case .heading = base { return base }
        if run.emphasis.contains(.code) { return .code }
        if run.emphasis.contains(.bold) { return .strong }
        if run.emphasis.contains(.italic) { return .emphasis }
        return base
    }

    /// May a line break between `atoms[j - 1]` and `atoms[j]` (neither a space)? Between CJK
    /// characters unless kinsoku forbids it, and after a hyphen between two word characters.
    @inline(__always)
    func canBreak(before j: Int) -> Bool {
        let before = atoms[j - 1], after = atoms[j]
        if after.flags & Atom.noStart != 0 || before.flags & Atom.noEnd != 0 { return false }
        if (before.flags | after.flags) & Atom.wide != 0 { return true }
        return before.flags & Atom.hyphen != 0 && after.flags & Atom.wordChar != 0
            && j >= 2 && atoms[j - 2].flags & Atom.wordChar != 0
    }

    /// Greedy wrap of `atoms` into lines: at spaces, between CJK characters (kinsoku kept),
    /// hard at the edge for words longer than a line, and always at a hard line break (the
    /// next line gets the `rest` prefix and join `.lineBreak`).
    mutating func wrap(first: LinePrefix, rest: LinePrefix, avail: Int, base: TextRole,
                       blockIndex: Int, into lines: inout [LayoutLine]) {
        let n = atoms.count
        var start = 0
        var join = LineJoin.start
        while start < n {
            var col = 0
            var j = start
            var breakEnd = -1, breakNext = -1
            var breakJoin = LineJoin.space
            var lineEnd = n, next = n
            var nextJoin = LineJoin.start
            while j < n {
                let atom = atoms[j]
                if atom.isLineBreak { lineEnd = j; next = j + 1; nextJoin = .lineBreak; break }
                if atom.isSpace {
                    if col + Int(atom.width) > avail { lineEnd = j; next = j + 1; nextJoin = .space; break }
                    breakEnd = j; breakNext = j + 1; breakJoin = .space
                    col += Int(atom.width); j += 1
                    continue
                }
                if j > start && !atoms[j - 1].isSpace && canBreak(before: j) {
                    breakEnd = j; breakNext = j; breakJoin = .direct
                }
                if col + Int(atom.width) > avail {
                    if breakEnd > start && !wordIsLonger(than: avail, from: breakNext) {
                        lineEnd = breakEnd; next = breakNext; nextJoin = breakJoin
                    }
                    else { lineEnd = max(j, start + 1); next = lineEnd; nextJoin = .direct }
                    break
                }
                col += Int(atom.width); j += 1
            }
            let prefix = join == .start ? first : rest
            lines.append(makeLine(start, lineEnd, prefix: prefix, base: base, blockIndex: blockIndex, join: join))
            start = next
            join = nextJoin
        }
    }

    /// True when the unbreakable run starting at `from` is wider than a whole line: such a
    /// word (a long URL) is broken where the line ends instead of leaving a gap before it.
    private func wordIsLonger(than avail: Int, from: Int) -> Bool {
        var width = 0
        var k = from
        while k < atoms.count && !atoms[k].isSpace && !atoms[k].isLineBreak {
            if k > from && canBreak(before: k) { break }
            width += Int(atoms[k].width)
            if width > avail { return true }
            k += 1
        }
        return false
    }

    /// One line from `atoms[s..<e]`, merging neighbours of equal role into spans.
    func makeLine(_ s: Int, _ e: Int, prefix: LinePrefix, base: TextRole, blockIndex: Int,
                  join: LineJoin) -> LayoutLine {
        var prefix = prefix
        if s == e {
            // An empty line between two hard breaks: only the quote bars, no trailing blanks.
            while prefix.text.last == " " { prefix.text.removeLast(); prefix.width -= 1 }
            if prefix.width == 0 { prefix.indent = 0 }
        }
        var spans: [LayoutSpan] = []
        var col = prefix.indent
        if prefix.width > 0 {
            spans.append(LayoutSpan(text: prefix.text, role: prefix.role, column: col, width: prefix.width))
            col += prefix.width
        }
        var role = base
        var spanStart = col
        var first = s   // first atom of the open span
        func close(_ upTo: Int) {
            guard upTo > first else { return }
            let text = String(decoding: bytes[Int(atoms[first].start)..<Int(atoms[upTo - 1].end)], as: UTF8.self)
            spans.append(LayoutSpan(text: text, role: role, column: spanStart, width: col - spanStart))
        }
        for k in s..<e {
            let atom = atoms[k]
            var atomRole = atom.role
            if atom.isSpace {
                // A space takes the role of its neighbours only when both share it.
                atomRole = (k > s && k + 1 < e && atoms[k - 1].role == atoms[k + 1].role) ? atoms[k - 1].role : base
            }
            if atomRole != role {
                close(k)
                first = k
                spanStart = col
                role = atomRole
            }
            col += Int(atom.width)
        }
        close(e)
        let offset = s < atoms.count ? Int(atoms[s].offset) : 0
        return LayoutLine(kind: .text, indent: prefix.indent, spans: spans, width: col,
                          blockIndex: blockIndex, offset: offset, join: join)
    }
}
