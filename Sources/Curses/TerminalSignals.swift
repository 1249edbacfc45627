import Dispatch
import Glibc
import Synchronization

/// SIGINT, SIGTERM and SIGHUP become a flag the UI loop polls, so the loop (the thread that owns
/// curses) restores the terminal itself before exiting. Must be created before curses starts,
/// so ncurses does not install its own handlers for them.
///
/// `@unchecked Sendable` because Dispatch's source type is not marked Sendable on Linux; it is
/// safe: the flag is an `Atomic`, and the sources are created and resumed once in `init`, held
/// in a `let` only to keep them alive, and never touched again.
public final class TerminalSignals: @unchecked Sendable {
    private let received: Atomic<Int32>
    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers at once: the sources start delivering as soon as this returns.
    public init() {
        // A parent may have left these blocked (test runners do); curses needs SIGWINCH/SIGTSTP too.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        received = Atomic<Int32>(0)
        var made: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            made.append(DispatchSource.makeSignalSource(signal: sig, queue: .global()))
        }
        sources = made
        for (source, sig) in zip(sources, [SIGINT, SIGTERM, SIGHUP]) {
            source.setEventHandler { [weak self] in
                _ = self?.received.compareExchange(expected: 0, desired: sig, ordering: .relaxed)
            }
            source.resume()
        }
    }

    /// The first terminating signal received, if any.
    public var pending: Int32? {
        let sig = received.load(ordering: .relaxed)
        return sig == 0 ? nil : sig
    }
}
