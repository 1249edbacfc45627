import Dispatch
import Glibc
import Synchronization

/// SIGINT, SIGTERM and SIGHUP, handled off the UI thread. They become a flag the UI loop polls,
/// so normally the loop (the thread that owns curses) saves and restores the terminal itself.
/// If it has not claimed the terminal `grace` seconds later (a frame is stuck), the emergency
/// handler runs on a signal thread instead: it saves what it can, restores the terminal and
/// exits. Must be created before curses starts, so ncurses does not install its own handlers.
/// Ctrl-Z (SIGTSTP) is left to the loop and curses.
///
/// `@unchecked Sendable` because Dispatch's source type is not marked Sendable on Linux; it is
/// safe: the flags are `Atomic`s, the handler sits behind a `Mutex`, and the sources are created
/// and resumed once in `init`, held in a `let` only to keep them alive, and never touched again.
public final class TerminalSignals: @unchecked Sendable {
    private let received = Atomic<Int32>(0)
    private let claimed = Atomic<Bool>(false)
    private let emergency = Mutex<(@Sendable (Int32) -> Void)?>(nil)
    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers at once: the sources start delivering as soon as this returns.
    public init(grace: Double = 0.5) {
        // A parent may have left these blocked (test runners do); curses needs SIGWINCH/SIGTSTP too.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        var made: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            made.append(DispatchSource.makeSignalSource(signal: sig, queue: .global()))
        }
        sources = made
        for (source, sig) in zip(sources, [SIGINT, SIGTERM, SIGHUP]) {
            source.setEventHandler { [weak self] in self?.received(sig, grace: grace) }
            source.resume()
        }
    }

    private func received(_ sig: Int32, grace: Double) {
        guard received.compareExchange(expected: 0, desired: sig, ordering: .acquiringAndReleasing).exchanged else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) { [self] in
            // No handler yet: the loop has not started, and will see the flag on its first turn.
            guard let handler = emergency.withLock({ $0 }), claimTerminal() else { return }
            handler(sig)
        }
    }

    /// What to do when the UI loop does not answer a terminating signal in time. The handler
    /// runs on a signal thread and should end the process.
    public func onUnansweredSignal(_ handler: @escaping @Sendable (Int32) -> Void) {
        emergency.withLock { $0 = handler }
    }

    /// The first terminating signal received, if any.
    public var pending: Int32? {
        let sig = received.load(ordering: .acquiring)
        return sig == 0 ? nil : sig
    }

    /// Whoever restores the terminal claims it first: the UI loop before ending curses, or the
    /// emergency handler. True for the first caller only.
    public func claimTerminal() -> Bool {
        claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }
}
