import CZlib

/// Inflates a gzip or zlib (HTTP "deflate") body chunk by chunk, refusing to produce more than
/// `limit` bytes. Each call inflates into a fixed 64 KiB window, so a compression bomb never
/// allocates more than the cap, however much compressed data one socket read brings.
/// (NIO's own decompressor inflates a whole read at once: under load a read held hundreds of KB
/// of a 1000:1 bomb, and the refresh peaked at over 500 MB.)
final class BoundedInflater {
    enum Failure: Error { case tooLarge, damaged }

    private var stream = z_stream()
    private let limit: Int
    private(set) var produced = 0
    /// Inflated windows as they came: one growing array would double its capacity (and copy)
    /// on the way to the cap.
    private var pieces: [[UInt8]] = []
    private var finished = false

    init?(limit: Int) {
        self.limit = limit
        // 15 + 32: a zlib or a gzip header, detected from the first bytes.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    }

    deinit { inflateEnd(&stream) }

    /// Everything inflated so far, in one piece.
    var output: [UInt8] {
        var joined: [UInt8] = []
        joined.reserveCapacity(produced)
        for piece in pieces { joined.append(contentsOf: piece) }
        return joined
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        guard !finished, let base = bytes.baseAddress, bytes.count > 0 else { return }
        var window = [UInt8](repeating: 0, count: 65_536)
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(bytes.count)
        while stream.avail_in > 0 {
            let (status, made) = window.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, out.count - Int(stream.avail_out))
            }
            produced += made
            if produced > limit { throw .tooLarge }
            if made > 0 { pieces.append(Array(window[0..<made])) }
            if status == Z_STREAM_END { finished = true; return }
            if status == Z_BUF_ERROR && made == 0 { return }
            if status != Z_OK { throw .damaged }
        }
    }
}
