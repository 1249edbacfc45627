import NewsModel

/// Builds the inline runs of one block from UTF-8 text, collapsing whitespace the way a
/// browser does (runs of spaces/newlines → one space, none at the start or end of a block).
/// Bytes gather in one buffer and become a String only when the style changes or the block
/// ends, so long documents cost linear time.
struct InlineAccumulator {
    /// The style applied to text appended from now on.
    var emphasis: InlineRun.Emphasis = []
    var link: String?

    private var runs: [InlineRun] = []
    private var bytes: [UInt8] = []
    private var runEmphasis: InlineRun.Emphasis = []
    private var runLink: String?
    private var pendingSpace = false
    /// The style in force where the pending space was written: a space after a link's text
    /// is not part of the link.
    private var pendingEmphasis: InlineRun.Emphasis = []
    private var pendingLink: String?
    /// At block start, after a line break or a cell separator: whitespace is dropped.
    private var suppressSpace = true
    private var hasContent = false
    /// Column within the current preformatted line, for tab expansion.
    private var preColumn = 0

    init() {
        bytes.reserveCapacity(256)
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        var styled = false
        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            if Self.isSpace(byte) {
                if !suppressSpace, !pendingSpace { markPendingSpace() }
                continue
            }
            if Self.isControl(byte, next: index < text.count ? text[index] : 0) {
                guard byte == 0xC2 else { continue }
                let mapped = C1Controls.utf8(secondByte: text[index])
                index += 1
                if mapped.isEmpty { continue }
                if !styled { ensureStyle(); styled = true }
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(contentsOf: mapped)
                suppressSpace = false
                hasContent = true
                continue
            }
            if !styled { ensureStyle(); styled = true }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            // The rest of the word in one append (byte by byte was ~2 % of a feed refresh).
            var end = index
            while end < text.count {
                let next = text[end]
                if Self.isSpace(next) || Self.isControl(next, next: end + 1 < text.count ? text[end + 1] : 0) { break }
                end += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[(index - 1)..<end]))
            index = end
            suppressSpace = false
            hasContent = true
        }
    }

    /// Text inside `<pre>`: kept verbatim except CR and control characters.
    mutating func appendPreformatted(_ text: UnsafeBufferPointer<UInt8>) {
        guard !text.isEmpty else { return }
        ensureStyle()
        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            if byte == 0x0D { continue }
            if byte == 0x09 {  // tabs → spaces to the next 4-column stop: terminals draw no tabs
                let width = 4 - preColumn % 4
                bytes.append(contentsOf: repeatElement(0x20, count: width))
                preColumn += width
                continue
            }
            if byte != 0x0A, Self.isControl(byte, next: index < text.count ? text[index] : 0) {
                guard byte == 0xC2 else { continue }
                let mapped = C1Controls.utf8(secondByte: text[index])
                index += 1
                if !mapped.isEmpty { bytes.append(contentsOf: mapped); preColumn += 1; hasContent = true }
                continue
            }
            bytes.append(byte)
            if byte == 0x0A { preColumn = 0 } else if byte & 0xC0 != 0x80 { preColumn += 1 }
            if !Self.isSpace(byte) { hasContent = true }
        }
    }

    /// C0 controls (other than the whitespace handled before), DEL, and C1 controls (UTF-8
    /// `C2 80`…`C2 9F`): unsafe on a terminal. C1 controls are mapped to their windows-1252
    /// characters by the callers (`C1Controls`); the rest are dropped.
    @inline(__always) private static func isControl(_ byte: UInt8, next: UInt8) -> Bool {
        ControlCharacter.isControl(byte: byte) || ControlCharacter.isC1(lead: byte, next: next)
    }

    /// Something that is not whitespace-collapsed text: `[image: alt]`, quote marks.
    mutating func appendAtom(_ text: String) {
        ensureStyle()
        if pendingSpace { bytes.append(0x20); pendingSpace = false }
        bytes.append(contentsOf: text.utf8)
        suppressSpace = false
        hasContent = true
    }

    /// `<br>`: a hard line break inside the block (ignored at the block's start).
    mutating func lineBreak() {
        guard hasContent else { return }
        pendingSpace = false
        bytes.append(0x0A)
        suppressSpace = true
    }

    /// `<br>` inside `<pre>`.
    mutating func preformattedNewline() {
        ensureStyle()
        bytes.append(0x0A)
        preColumn = 0
    }

    /// Where a block boundary is flattened (inside a table cell): at most one space.
    mutating func softSpace() {
        if !suppressSpace, !pendingSpace { markPendingSpace() }
    }

    private mutating func markPendingSpace() {
        pendingSpace = true
        pendingEmphasis = emphasis
        pendingLink = link
    }

    /// Unstyled separator between table cells.
    mutating func separator(_ text: String) {
        pendingSpace = false
        let saved = (emphasis, link)
        (emphasis, link) = ([], nil)
        ensureStyle()
        bytes.append(contentsOf: text.utf8)
        (emphasis, link) = saved
        suppressSpace = true
    }

    private mutating func ensureStyle() {
        guard runEmphasis != emphasis || runLink != link else { return }
        if pendingSpace {
            // The space goes to the style it was written in: the old run's, or its own run.
            if pendingEmphasis != runEmphasis || pendingLink != runLink {
                closeRun()
                runEmphasis = pendingEmphasis
                runLink = pendingLink
            }
            bytes.append(0x20)
            pendingSpace = false
        }
        closeRun()
        runEmphasis = emphasis
        runLink = link
    }

    private mutating func closeRun() {
        guard !bytes.isEmpty else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        if let last = runs.last, last.emphasis == runEmphasis, last.link == runLink {
            runs[runs.count - 1].text += text
        } else {
            runs.append(InlineRun(text, emphasis: runEmphasis, link: runLink))
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// The finished runs of the block (nil when it has no visible text), and a fresh start.
    mutating func take(preformatted: Bool) -> [InlineRun]? {
        closeRun()
        defer {
            runs.removeAll()
            pendingSpace = false
            suppressSpace = true
            hasContent = false
            preColumn = 0
        }
        guard hasContent else { return nil }
        var result = runs
        // Trailing line breaks / spaces (and, for <pre>, leading blank lines) are not content.
        while let last = result.last {
            let trimmed = preformatted ? Self.trimTrailingNewlines(last.text) : Self.trimTrailingWhitespace(last.text)
            if trimmed.isEmpty { result.removeLast(); continue }
            result[result.count - 1].text = trimmed
            break
        }
        if preformatted {
            while let first = result.first {
                var text = Substring(first.text)
                while let line = text.firstIndex(of: "\n"), text[..<line].allSatisfy({ $0 == " " || $0 == "\t" }) {
                    text = text[text.index(after: line)...]
                }
                if text.isEmpty { result.removeFirst(); continue }
                result[0].text = String(text)
                break
            }
        }
        return result.isEmpty ? nil : result
    }

    private static func trimTrailingWhitespace(_ text: String) -> String {
        var scalars = text.unicodeScalars
        while let last = scalars.last, last == " " || last == "\n" { scalars.removeLast() }
        return String(scalars)
    }

    private static func trimTrailingNewlines(_ text: String) -> String {
        var scalars = text.unicodeScalars
        while let last = scalars.last, last == "\n" || last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    /// Whitespace collapsed and trimmed, for attribute values and titles.
    static func collapsed(_ text: String) -> String {
        var accumulator = InlineAccumulator()
        var text = text
        text.withUTF8 { accumulator.appendText($0) }
        return accumulator.take(preformatted: false)?.map(\.text).joined() ?? ""
    }
}
