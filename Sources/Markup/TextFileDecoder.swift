import Foundation
import NewsModel

/// Bytes → text for article files: strips a BOM, decodes UTF-8 (or UTF-16 with a BOM), replaces
/// invalid sequences with U+FFFD and reports where, and refuses binary data. Stray control
/// characters in text are kept, written visibly (`^@`, `^G`, `^?`) as less and vim show them.
enum TextFileDecoder {
    struct Decoded {
        var text: String
        var warnings: [String]
    }

    /// Bytes sampled to decide whether data is binary.
    static let sniffLength = 64 * 1024

    static func decode(_ data: Data, fileName: String) throws(ArticleFileError) -> Decoded {
        let bytes = [UInt8](data)
        if bytes.isEmpty { throw ArticleFileError(file: fileName, reason: .empty) }

        // UTF-16 with a BOM legitimately contains NUL bytes.
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let text = decodeUTF16(bytes, littleEndian: bytes[0] == 0xFF)
            return try finish(Decoded(text: text, warnings: []), fileName: fileName)
        }

        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if looksBinary(body) { throw ArticleFileError(file: fileName, reason: .binary) }

        if let text = String(validating: body, as: UTF8.self) {
            return try finish(Decoded(text: text, warnings: []), fileName: fileName)
        }
        // Slow path: find each invalid sequence so the warning can say where.
        var invalidOffsets: [Int] = []
        var offset = start
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(body.count)
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                invalidOffsets.append(offset)
                scalars.append("\u{FFFD}")
                offset += length
            case .emptyInput:
                break loop
            }
        }
        guard let firstInvalid = invalidOffsets.first else {
            return try finish(Decoded(text: String(scalars), warnings: []), fileName: fileName)
        }
        if invalidOffsets.count * 10 > max(body.count, 1) * 3 {
            throw ArticleFileError(file: fileName, reason: .binary)
        }
        var warning = "\(fileName): invalid UTF-8 at byte \(firstInvalid)"
        if invalidOffsets.count > 1 {
            warning += " and \(invalidOffsets.count - 1) more place\(invalidOffsets.count == 2 ? "" : "s")"
        }
        warning += ", replaced with U+FFFD"
        return try finish(Decoded(text: String(scalars), warnings: [warning]), fileName: fileName)
    }

    /// A file of only whitespace is as empty as a zero-byte file.
    private static func finish(_ decoded: Decoded, fileName: String) throws(ArticleFileError) -> Decoded {
        var decoded = decoded
        if decoded.text.hasPrefix("\u{FEFF}") { decoded.text.removeFirst() }
        decoded.text = visibleControlCharacters(decoded.text)
        if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw ArticleFileError(file: fileName, reason: .empty)
        }
        return decoded
    }

    /// C0 controls other than tab/LF/CR/FF and DEL in caret notation (`^@`, `^?`), like the
    /// reading pane shows them; C1 controls as their windows-1252 characters (smart quotes decoded
    /// as Latin-1 upstream), dropping the five it leaves undefined. Written out here, not kept raw: a
    /// NUL would cut the text short in SQLite (bound as a C string) and escapes must never reach
    /// a terminal.
    static func visibleControlCharacters(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x0C: return false
            default: return ControlCharacter.isControl(scalar)
            }
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { scalars.append(scalar); continue }
            let v = scalar.value
            if ControlCharacter.isC1(v) {
                // windows-1252's character; the five it leaves undefined are dropped.
                if let mapped = C1Controls.scalar(for: v) { scalars.append(mapped) }
                continue
            }
            scalars.append(contentsOf: ControlCharacter.visibleForm(v).unicodeScalars)
        }
        return String(scalars)
    }

    /// File signatures of common binary formats (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF).
    private static let signatures: [[UInt8]] = [
        [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8), Array("%PDF-".utf8),
        [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B], [0x7F, 0x45, 0x4C, 0x46],
    ]

    /// A known binary signature, or more than 10% control bytes (NUL included) other than
    /// tab/LF/CR/FF/ESC in the first 64 KB. A stray NUL, BEL or DEL in text is not binary.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        if signatures.contains(where: { bytes.starts(with: $0) }) { return true }
        let sample = bytes.prefix(sniffLength)
        var control = 0
        for byte in sample {
            switch byte {
            case 0x09, 0x0A, 0x0D, 0x0C, 0x1B: continue
            default: if ControlCharacter.isControl(byte: byte) { control += 1 }
            }
        }
        return control * 10 > sample.count
    }

    private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
