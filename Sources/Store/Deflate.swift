import CZlib

/// Raw DEFLATE (no zlib header or checksum: SQLite pages already carry the row, and a damaged
/// stream is still caught by the inflater) through the system zlib.
enum Deflate {
    /// The compressed bytes, or nil when zlib fails (the caller then stores the input as is).
    /// `dictionary`: bytes the data is likely to repeat (zlib's preset dictionary); the same
    /// bytes must be given to `decompress`.
    static func compress(_ input: UnsafeRawBufferPointer, level: Int32 = 6, dictionary: [UInt8] = []) -> [UInt8]? {
        var stream = z_stream()
        // windowBits -15: raw deflate. memLevel 8 (zlib's default): on the benchmark's article
        // bundles 15 % less time than 9 and no bigger (its hash table is half the size, less to
        // allocate and clear for each article). Inflating does not depend on it.
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
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
