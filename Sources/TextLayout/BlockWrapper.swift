import NewsModel

/// One display unit of flowing text, with what the wrapper needs to know about it.
struct Atom {
    var text: String
    var width: Int
    var role: TextRole
    /// Scalar offset in the block's `plainText`.
    var offset: Int
    var flags: UInt8

    static let space: UInt8 = 1
    static let wide: UInt8 = 2
    static let noStart: UInt8 = 4
    static let noEnd: UInt8 = 8

    @inline(__always) var isSpace: Bool { flags & Atom.space != 0 }
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
/// Reuses its atom buffer between blocks so laying out an article allocates little.
struct BlockWrapper {
    var atoms: [Atom] = []

    /// Fills `atoms` from `runs`: whitespace collapsed and trimmed, controls made visible,
    /// a `[n]` marker after each link (via `linkNumber`), units wider than `avail` replaced.
    mutating func collect(_ runs: [InlineRun], base: TextRole, avail: Int,
                          linkNumber: ((String) -> Int?)?) {
        atoms.removeAll(keepingCapacity: true)
        var spacePending = false
        var spaceOffset = 0
        var runStart = 0
        for (index, run) in runs.enumerated() {
            let role = Self.role(for: run, base: base)
            var builder = UnitBuilder()
            var offset = runStart
            // Appends one unit, putting a pending collapsed space before it.
            func emit(_ unit: DisplayUnit, _ at: Int) {
                if spacePending {
                    if !atoms.isEmpty {
                        atoms.append(Atom(text: " ", width: 1, role: base, offset: spaceOffset, flags: Atom.space))
                    }
                    spacePending = false
                }
                var flags: UInt8 = 0
                var text = unit.text
                var width = unit.width
                if width == 2 { flags |= Atom.wide }
                if let first = text.unicodeScalars.first {
                    if LineBreakRules.isNoStart(first) { flags |= Atom.noStart }
                    if LineBreakRules.isNoEnd(first) { flags |= Atom.noEnd }
                }
                if width > avail { text = "…"; width = 1 }
                atoms.append(Atom(text: text, width: width, role: role, offset: at, flags: flags))
            }
            for scalar in run.text.unicodeScalars {
                if LineBreakRules.isCollapsibleSpace(scalar) {
                    builder.flush(emit)
                    if !spacePending { spacePending = true; spaceOffset = offset }
                } else {
                    builder.push(scalar, offset: offset, emit)
                }
                offset += 1
            }
            builder.flush(emit)
            runStart = offset
            // The `[n]` marker follows the last run of a link, glued to it.
            if let url = run.link, let number = linkNumber?(url),
               index + 1 == runs.count || runs[index + 1].link != url {
                for scalar in "[\(number)]".unicodeScalars {
                    atoms.append(Atom(text: String(scalar), width: 1, role: .linkReference,
                                      offset: offset, flags: Atom.noStart))
                }
            }
        }
    }

    static func role(for run: InlineRun, base: TextRole) -> TextRole {
        if run.link != nil { return .link }
        if case .heading = base { return base }
        if run.emphasis.contains(.code) { return .code }
        if run.emphasis.contains(.bold) { return .strong }
        if run.emphasis.contains(.italic) { return .emphasis }
        return base
    }

    @inline(__always)
    static func canBreak(_ before: Atom, _ after: Atom) -> Bool {
        if after.flags & Atom.noStart != 0 || before.flags & Atom.noEnd != 0 { return false }
        return (before.flags | after.flags) & Atom.wide != 0
    }

    /// Greedy wrap of `atoms` into lines: at spaces, between CJK characters (kinsoku kept),
    /// and hard at the edge for words longer than a line.
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
                if atom.isSpace {
                    if col + atom.width > avail { lineEnd = j; next = j + 1; nextJoin = .space; break }
                    breakEnd = j; breakNext = j + 1; breakJoin = .space
                    col += atom.width; j += 1
                    continue
                }
                if j > start && !atoms[j - 1].isSpace && Self.canBreak(atoms[j - 1], atom) {
                    breakEnd = j; breakNext = j; breakJoin = .direct
                }
                if col + atom.width > avail {
                    if breakEnd > start && !wordIsLonger(than: avail, from: breakNext) {
                        lineEnd = breakEnd; next = breakNext; nextJoin = breakJoin
                    }
                    else { lineEnd = max(j, start + 1); next = lineEnd; nextJoin = .direct }
                    break
                }
                col += atom.width; j += 1
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
        while k < atoms.count && !atoms[k].isSpace {
            if k > from && Self.canBreak(atoms[k - 1], atoms[k]) { break }
            width += atoms[k].width
            if width > avail { return true }
            k += 1
        }
        return false
    }

    /// One line from `atoms[s..<e]`, merging neighbours of equal role into spans.
    func makeLine(_ s: Int, _ e: Int, prefix: LinePrefix, base: TextRole, blockIndex: Int,
                  join: LineJoin) -> LayoutLine {
        var spans: [LayoutSpan] = []
        var col = prefix.indent
        if prefix.width > 0 {
            spans.append(LayoutSpan(text: prefix.text, role: prefix.role, column: col, width: prefix.width))
            col += prefix.width
        }
        var text = ""
        var role = base
        var spanStart = col
        for k in s..<e {
            let atom = atoms[k]
            var atomRole = atom.role
            if atom.isSpace {
                // A space takes the role of its neighbours only when both share it.
                atomRole = (k > s && k + 1 < e && atoms[k - 1].role == atoms[k + 1].role) ? atoms[k - 1].role : base
            }
            if atomRole != role && !text.isEmpty {
                spans.append(LayoutSpan(text: text, role: role, column: spanStart, width: col - spanStart))
                text = ""
                spanStart = col
            }
            role = atomRole
            text += atom.text
            col += atom.width
        }
        if !text.isEmpty {
            spans.append(LayoutSpan(text: text, role: role, column: spanStart, width: col - spanStart))
        }
        let offset = s < atoms.count ? atoms[s].offset : 0
        return LayoutLine(kind: .text, indent: prefix.indent, spans: spans, width: col,
                          blockIndex: blockIndex, offset: offset, join: join)
    }
}
