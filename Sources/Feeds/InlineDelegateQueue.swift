import Foundation

/// The URLSession delegate "queue": runs each delegate call at once, on the calling thread.
///
/// FoundationNetworking (libcurl underneath) always inflates gzip/deflate/br/zstd bodies and,
/// with a normal delegate queue, queues every inflated 16 KiB chunk as an operation without
/// waiting. One libcurl socket read loop inflates up to ~1.6 GB of a gzip bomb before a cancel
/// can reach the (process-wide, serial) work queue, so the operation queue grew to gigabytes
/// (8.8 GB in 60 s) and the cap in the delegate came far too late. Run inline, each chunk is
/// counted and dropped as it is inflated: nothing queues, memory stays flat.
///
/// Safe because the calls arrive from FoundationNetworking's serial work queue (so in order),
/// `HTTPTransfers` is thread-safe and brief, and nothing it does waits for that queue
/// (`task.cancel()` is sent to another thread; redirect completions are asynchronous).
/// @unchecked Sendable: no state of its own.
final class InlineDelegateQueue: OperationQueue, @unchecked Sendable {
    override init() {
        super.init()
        name = "newsreader.fetch.inline"
    }

    override func addOperation(_ block: @escaping @Sendable () -> Void) {
        block()
    }
}
