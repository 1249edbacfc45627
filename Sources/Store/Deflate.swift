import CZlib

/// Raw DEFLATE (no zlib header or checksum: SQLite pages already carry the row, and a damaged
/// stream is still caught by the inflater) through the system zlib.
enum Deflate {
    /// The compressed bytes, or nil when zlib fails (the caller then stores the input as is).
    /// `dictionary`: bytes the data is likely to repeat (zlib's preset dictionary); the same
    /// bytes must be given to `decompress`.
    static func compress(_ input: UnsafeRawBufferPointer, level: Int32 = 6, dictionary: [UInt8] = []) -> [UInt8]? {
        var stream = z_stream()
        let (windowBits, memLevel) = parameters(forBytes: input.count + dictionary.count)
        // Negative windowBits: raw deflate.
        guard deflateInit2_(&stream, level, Z_DEFLATED, -windowBits, memLevel, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        if !dictionary.isEmpty {
            guard deflateSetDictionary(&stream, dictionary, uInt(dictionary.count)) == Z_OK else { return nil }
        }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let produced: Int? = output.withUnsafeMutableBytes { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
            stream.avail_out = uInt(bound)
            guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return nil }
            return Int(stream.total_out)
        }
        guard let produced else { return nil }
        output.removeSubrange(produced...)
        return output
    }

    /// The smallest window that still sees all of the input (and the dictionary before it), and
    /// a hash table to match: zlib allocates and clears about 256 KB per stream at its defaults
    /// (window 15, memLevel 8), most of the work for a 2 KB article. Matches still reach back to
    /// the start of the input, so the output is as small; `decompress` (window 15) reads any.
    static func parameters(forBytes count: Int) -> (windowBits: Int32, memLevel: Int32) {
        var windowBits: Int32 = 9  // raw deflate's smallest
        // A match reaches back at most the window less 262 bytes of lookahead (zlib's MIN_LOOKAHEAD).
        while windowBits < 15, 1 << windowBits < count + 262 { windowBits += 1 }
        // memLevel 8 (zlib's default) at the full window: 15 % less time than 9 on the
        // benchmark's bundles and no bigger.
        return (windowBits, max(1, windowBits - 7))
    }

    /// The inflated bytes (exactly `size` of them), or nil for a damaged or mis-sized stream.
    static func decompress(_ input: UnsafeRawBufferPointer, size: Int, dictionary: [UInt8] = []) -> [UInt8]? {
        guard size >= 0, size <= 1 << 30 else { return nil }
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        if !dictionary.isEmpty {
            guard inflateSetDictionary(&stream, dictionary, uInt(dictionary.count)) == Z_OK else { return nil }
        }
        var output = [UInt8](repeating: 0, count: size)
        let ok: Bool = output.withUnsafeMutableBytes { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
            stream.avail_out = uInt(size)
            return inflate(&stream, Z_FINISH) == Z_STREAM_END && Int(stream.total_out) == size
        }
        return ok ? output : nil
    }
}
