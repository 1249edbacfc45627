import Dispatch
import Reader
import Synchronization

/// Results of background effects waiting for the UI thread, which drains them into
/// `EffectRunner.send`. Posting from any thread is safe.
final class Inbox: Sendable {
    /// How a posted result relates to the work that produced it.
    enum Completion: Sendable {
        /// Progress of work still running (refresh progress).
        case progress
        /// The last result of a store effect.
        case store
        /// The last result of a long job (a refresh).
        case job
    }

    private let entries = Mutex<[(Action?, Completion)]>([])
    /// Signalled once per post, so a waiter wakes without polling.
    private let posted = DispatchSemaphore(value: 0)

    func post(_ action: Action?, _ completion: Completion) {
        entries.withLock { $0.append((action, completion)) }
        posted.signal()
    }

    func drain() -> [(Action?, Completion)] {
        entries.withLock { let all = $0; $0 = []; return all }
    }

    /// Waits until something is posted or the deadline passes; false on timeout.
    func wait(until deadline: DispatchTime) -> Bool {
        posted.wait(timeout: deadline) == .success
    }
}
