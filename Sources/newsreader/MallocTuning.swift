#if canImport(Glibc)
import Glibc
#endif

/// glibc malloc settings for the bulk commands (refresh, import), set before their threads start.
///
/// Parsing runs on several dispatch threads, and glibc gives each thread its own arena: a big
/// feed parsed on one thread leaves ~100 MB free in that arena that the next big feed, parsed
/// on another thread, cannot reuse. Two arenas (one per core) and returning freed memory above
/// 1 MB to the kernel took a refresh of four 1000-item feeds from 224 MB to 159 MB peak RSS with
/// CPU time unchanged within the noise (see Benchmarks/INGEST.md).
enum MallocTuning {
    static func forBulkWork() {
        #if canImport(Glibc)
        // <malloc.h> is not part of the Glibc module: look mallopt up (absent on musl: no-op).
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-8, 2)  // M_ARENA_MAX
        _ = mallopt(-1, 1 << 20)  // M_TRIM_THRESHOLD
        #endif
    }
}
