import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes in a named encoding → UTF-8 bytes (iconv, or `MacCharsets`), and UTF-8 validation.
enum Transcoder {
    struct Result {
        var bytes: [UInt8]
        var errors: Int
    }

    /// Converts to UTF-8; undecodable bytes become U+FFFD and are counted. Nil when the
    /// encoding is unknown.
    static func convert(_ bytes: ArraySlice<UInt8>, from encoding: String) -> Result? {
        if let decoded = MacCharsets.decode(bytes, name: encoding) { return Result(bytes: decoded, errors: 0) }
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var out = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var errors = 0
        var input = Array(bytes)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                while inLeft > 0 {
                    let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if result != -1 { break }
                    guard errno == EILSEQ || errno == EINVAL else { break }
                    // Skip one bad byte, emit U+FFFD.
                    errors += 1
                    inPtr = inPtr.map { $0 + 1 }
                    inLeft -= 1
                    if outLeft >= 3, let p = outPtr {
                        p[0] = CChar(bitPattern: 0xEF); p[1] = CChar(bitPattern: 0xBF); p[2] = CChar(bitPattern: 0xBD)
                        outPtr = p + 3
                        outLeft -= 3
                    }
                }
                return outBuf.count - outLeft
            }
        }
        out.removeSubrange(produced...)
        // A BOM produced by UTF-16/32 input is not text.
        if out.starts(with: [0xEF, 0xBB, 0xBF]) { out.removeFirst(3) }
        return Result(bytes: out, errors: errors)
    }

    /// Whether `encoding` writes ASCII as ASCII (so a declaration read in ASCII can be its own).
    static func isASCIICompatible(_ encoding: String) -> Bool {
        let probe: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"\"?>".utf8)
        return convert(probe[...], from: encoding)?.bytes == probe
    }

    /// Counts valid multi-byte sequences and invalid bytes.
    static func validateUTF8(_ bytes: [UInt8]) -> (multibyte: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer(validateUTF8)
    }

    static func validateUTF8(_ buf: UnsafeBufferPointer<UInt8>) -> (multibyte: Int, invalid: Int) {
        var multibyte = 0, invalid = 0
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b < 0x80 { i += 1; continue }
            let length = sequenceLength(buf, i)
            if length > 0 { multibyte += 1; i += length } else { invalid += 1; i += 1 }
        }
        return (multibyte, invalid)
    }

    /// Length of the valid UTF-8 sequence starting at `i` (a non-ASCII lead byte), or 0.
    private static func sequenceLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = buf[i], n = buf.count
        func cont(_ k: Int) -> Bool { i + k < n && buf[i + k] & 0xC0 == 0x80 }
        switch b {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0:
            return i + 2 < n && (0xA0...0xBF).contains(buf[i + 1]) && cont(2) ? 3 : 0
        case 0xED:
            return i + 2 < n && (0x80...0x9F).contains(buf[i + 1]) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xF0:
            return i + 3 < n && (0x90...0xBF).contains(buf[i + 1]) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return i + 3 < n && (0x80...0x8F).contains(buf[i + 1]) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// UTF-8 with each invalid byte replaced by U+FFFD, and how many were replaced.
    static func utf8Lossy(_ bytes: [UInt8]) -> Result {
        let state = validateUTF8(bytes)
        if state.invalid == 0 { return Result(bytes: bytes, errors: 0) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + state.invalid * 2)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                let b = buf[i]
                if b < 0x80 { out.append(b); i += 1; continue }
                let length = sequenceLength(buf, i)
                if length > 0 {
                    out.append(contentsOf: buf[i..<(i + length)]); i += length
                } else {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD]); i += 1
                }
            }
        }
        return Result(bytes: out, errors: state.invalid)
    }
}
