import Curses
import Dispatch
import Foundation
import Reader
import ReaderEffects
import Screen
import Settings
import Store
import Theming

/// The interactive loop: reads keys and signals, drains finished effects into the runner,
/// draws. Everything else (update, effects, their results) goes through `EffectRunner.send`.
/// Curses lives on this thread only.
struct ReaderLoop {
    let store: LibraryStore
    let environment: [String: String]
    let settings: ReaderSettings
    let started: ContinuousClock.Instant
    private var trace: FrameTrace?
    /// NEWSREADER_FRAME_DELAY_MS: every frame after the first takes this long (for the test
    /// that a signal restores the terminal while a frame is stuck).
    private let frameDelay: UInt32

    init(store: LibraryStore, environment: [String: String], settings: ReaderSettings, started: ContinuousClock.Instant) {
        self.store = store
        self.environment = environment
        self.settings = settings
        self.started = started
        trace = environment["NEWSREADER_TRACE"].flatMap { FrameTrace(path: $0, started: started) }
        frameDelay = environment["NEWSREADER_FRAME_DELAY_MS"].flatMap { UInt32($0) }.map { min($0, 60_000) } ?? 0
    }

    /// Runs until quit or a terminating signal; returns the exit status.
    func run() throws -> Int32 {
        let signals = TerminalSignals()
        let history = CommandHistory(libraryPath: store.path)
        let host = TerminalHost(backend: try CursesBackend(environment: environment), settings: settings,
                                environment: environment, history: history)
        // The loop restores the terminal unless the signal thread already did (a stuck frame).
        var ownsTerminal = false
        defer { if ownsTerminal || signals.claimTerminal() { host.end() } }
        var state = initialState(size: host.terminal.backend.size())
        state.history = history.load()
        let runner = EffectRunner(state: state, store: store,
                                  refresher: FeedRefreshAdapter(refresher: FeedRefresher(
                                    store: store, maxConcurrent: settings.config.refreshConcurrency,
                                    timeout: settings.config.refreshTimeout,
                                    retention: settings.config.feedRetention)))
        runner.host = host
        host.subscriber = FeedSubscriber(store: store)
        host.terminal.backend.enableMouse(settings.config.mouse)
        host.terminal.backend.hyperlinks = ReaderSettings.hyperlinks(settings.config.hyperlinks, environment: environment)
        let saver = runner.positionSaver
        signals.onUnansweredSignal { sig in
            _ = saver.save(timeout: 1)
            CursesBackend.restoreTerminalBeforeExit()
            _exit(128 + sig)
        }
        let theme = settings.startTheme(environment: environment, depth: host.terminal.backend.colorDepth)
        host.styles = theme.theme
        runner.start(filter: settings.config.unreadOnly ? .unread : .all)
        // Config and theme problems: the reader starts anyway and says so.
        let problems = settings.warnings + theme.diagnostics
        if let first = problems.first {
            runner.send(.message(ReaderSettings.summary(first, count: problems.count), isError: true))
        }
        var dirty = true
        var firstFullScreen = false
        var lastKey: KeyPress?
        var keyTime = ContinuousClock.now
        var firstFrameAfterKey: Duration?
        while true {
            if let sig = signals.pending {
                // Answered in time: the signal thread stands down, and the loop saves the reading
                // position as `q` does (after the writes already queued) and restores the terminal.
                ownsTerminal = signals.claimTerminal()
                if ownsTerminal { _ = runner.positionSaver.save(timeout: 2) }
                return 128 + sig
            }
            if runner.drainInbox() { dirty = true }
            if dirty {
                let frameStart = ContinuousClock.now
                if firstFullScreen, frameDelay > 0 { usleep(frameDelay * 1000) }
                host.draw(runner.state)
                dirty = false
                let now = ContinuousClock.now
                let state = runner.state
                if !firstFullScreen, state.sidebar.loaded, !state.list.rows.isEmpty || (state.list.countLoaded && state.list.total == 0) {
                    firstFullScreen = true
                    trace?.log("first-full-screen", since: started, drawn: frameStart, now: now)
                }
                // Per key: the first frame after it, and the frame once its store work is done.
                if let key = lastKey {
                    if firstFrameAfterKey == nil { firstFrameAfterKey = now - keyTime }
                    if runner.storeInFlight == 0 {
                        trace?.logKey(KeyNotation.format(key), first: firstFrameAfterKey!, settled: now - keyTime, frame: now - frameStart)
                        lastKey = nil
                        firstFrameAfterKey = nil
                    }
                }
            }
            if runner.state.quitRequested && runner.storeInFlight == 0 { return 0 }
            reapChildren()
            // Poll quickly while store results are due; refresh progress can wait a tick.
            guard let key = host.terminal.backend.readKey(timeout: runner.storeInFlight > 0 ? 2 : 100) else { continue }
            keyTime = ContinuousClock.now
            lastKey = key
            firstFrameAfterKey = nil
            if key == .resize {
                let size = host.terminal.backend.size()
                runner.send(.resize(width: size.width, height: size.height))
            } else {
                runner.send(.key(key))
            }
            dirty = true
        }
    }

    private func initialState(size: (width: Int, height: Int)) -> AppState {
        var state = AppState(width: size.width, height: size.height, keymap: settings.keymap,
                             maxTextWidth: settings.config.maxTextWidth, now: Date())
        state.sidebarWidth = settings.config.sidebarWidth
        state.themeNames = settings.registry.names
        state.dateFormat = settings.config.dateFormat == Config.autoDateFormat ? nil : settings.config.dateFormat
        return state
    }

    private func reapChildren() {
        var status: Int32 = 0
        while waitpid(-1, &status, WNOHANG) > 0 {}
    }
}

/// NEWSREADER_TRACE=path: one line per frame with the time from input (or launch) to the
/// frame on screen, for the performance numbers in the notes.
final class FrameTrace {
    private let handle: FileHandle
    init?(path: String, started: ContinuousClock.Instant) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else { return nil }
        handle = h
    }

    static func ms(_ d: Duration) -> String {
        let c = d.components
        return String(format: "%.2f", Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
    }

    func log(_ what: String, since start: ContinuousClock.Instant, drawn: ContinuousClock.Instant, now: ContinuousClock.Instant) {
        handle.write(Data("\(what)\ttotal_ms=\(Self.ms(now - start))\tframe_ms=\(Self.ms(now - drawn))\n".utf8))
    }

    /// `first`: key to the first frame; `settled`: key to the frame after its store results.
    func logKey(_ key: String, first: Duration, settled: Duration, frame: Duration) {
        handle.write(Data("key \(key)\tfirst_ms=\(Self.ms(first))\tsettled_ms=\(Self.ms(settled))\tframe_ms=\(Self.ms(frame))\n".utf8))
    }
}
