import Dispatch
import Foundation
import NewsModel
import Store

/// Stores `import`'s batches on a background queue, one at a time: the next chunk of files
/// parses (and is prepared: hashed, compressed) while the previous one is written, so the writer
/// only binds and steps statements, and at most one stored batch waits in memory.
///
/// `@unchecked Sendable`: `total` and `failure` are only touched under `lock`; `store` and
/// `queue` are themselves thread-safe.
final class ImportWriter: @unchecked Sendable {
    private let store: LibraryStore
    private let queue = DispatchQueue(label: "newsreader.import-writer", qos: .userInitiated)
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var total = UpsertResult()
    private var failure: Error?

    init(store: LibraryStore) { self.store = store }

    /// Waits for the previous batch (rethrowing its error), then starts storing this one.
    func submit(_ articles: [PreparedArticle]) throws {
        _ = try finish()
        guard !articles.isEmpty else { return }
        queue.async(group: group) { [self] in
            do {
                let result = try store.upsert(prepared: articles)
                lock.withLock {
                    total.inserted += result.inserted
                    total.updated += result.updated
                    total.unchanged += result.unchanged
                    total.refused += result.refused
                }
            } catch {
                lock.withLock { if failure == nil { failure = error } }
            }
        }
    }

    /// Waits for everything submitted; the sum of the results, or the first error.
    func finish() throws -> UpsertResult {
        group.wait()
        return try lock.withLock {
            if let failure { throw failure }
            return total
        }
    }
}
