import Dispatch
import Glibc
import Synchronization

/// SIGINT, SIGTERM and SIGHUP become a flag the UI loop polls, so the loop (the thread that owns
/// curses) restores the terminal itself before exiting. Must be installed before curses starts,
/// so ncurses does not install its own handlers for them.
public final class TerminalSignals: @unchecked Sendable {
    private let received = Atomic<Int32>(0)
    private var sources: [DispatchSourceSignal] = []

    public init() {}

    public func install() {
        // A parent may have left these blocked (test runners do); curses needs SIGWINCH/SIGTSTP too.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                _ = self?.received.compareExchange(expected: 0, desired: sig, ordering: .relaxed)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The first terminating signal received, if any.
    public var pending: Int32? {
        let sig = received.load(ordering: .relaxed)
        return sig == 0 ? nil : sig
    }
}
