import Dispatch
import Reader
import Synchronization

/// The reading position as the effects that save it, kept current by the runner after every
/// send, so a terminating signal can save it from another thread even while the UI thread is
/// stuck in a frame.
public final class PositionSaver: Sendable {
    private let saves = Mutex<[Effect]>([])
    private let store: StoreEffects
    private let queue: DispatchQueue

    init(store: StoreEffects, queue: DispatchQueue) {
        self.store = store
        self.queue = queue
    }

    func update(_ effects: [Effect]) { saves.withLock { $0 = effects } }

    /// Saves on the store queue, after the writes already queued there; waits at most
    /// `seconds`. False when it did not finish in time.
    public func save(timeout seconds: Double) -> Bool {
        let pending = saves.withLock { $0 }
        guard !pending.isEmpty else { return true }
        let done = DispatchSemaphore(value: 0)
        let store = self.store
        queue.async {
            for effect in pending { _ = store.perform(effect) }
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success
    }
}
