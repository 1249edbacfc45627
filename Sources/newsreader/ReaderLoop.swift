import Curses
import Dispatch
import Foundation
import Reader
import Screen
import Store
import Synchronization
import Theming

/// The interactive loop: key → keymap → action → update → effects → view → Terminal.draw.
/// Curses lives on this thread only; store effects run on background queues and their results
/// come back through `inbox`, picked up between key reads.
struct ReaderLoop {
    let store: LibraryStore
    let environment: [String: String]
    let settings: ReaderSettings
    let started: ContinuousClock.Instant
    private let inbox = Inbox()
    private let storeQueue = DispatchQueue(label: "newsreader.store")
    private let countsQueue = DispatchQueue(label: "newsreader.counts")
    private var inFlight = 0
    private var styles: any StyleProvider = PlainStyles()
    private var trace: FrameTrace?

    init(store: LibraryStore, environment: [String: String], settings: ReaderSettings, started: ContinuousClock.Instant) {
        self.store = store
        self.environment = environment
        self.settings = settings
        self.started = started
        trace = environment["NEWSREADER_TRACE"].flatMap { FrameTrace(path: $0, started: started) }
    }

    /// Runs until quit or a terminating signal; returns the exit status.
    mutating func run() throws -> Int32 {
        let signals = TerminalSignals()
        let backend = try CursesBackend(environment: environment)
        let size = backend.size()
        var terminal = Terminal(backend: backend)
        defer { terminal.backend.end() }
        var state = AppState(width: size.width, height: size.height, keymap: settings.keymap,
                             maxTextWidth: settings.config.maxTextWidth)
        state.sidebarWidth = settings.config.sidebarWidth
        state.dateFormat = settings.config.dateFormat == Config.autoDateFormat ? nil : settings.config.dateFormat
        let theme = settings.startTheme(environment: environment, depth: backend.colorDepth)
        styles = theme.theme
        let storeEffects = StoreEffects(store: store)
        dispatch(state.start(filter: settings.config.unreadOnly ? .unread : .all), state: &state, terminal: &terminal,
                 storeEffects: storeEffects)
        // Config and theme problems: the reader starts anyway and says so.
        let problems = settings.warnings + theme.diagnostics
        if let first = problems.first {
            _ = state.update(.message(ReaderSettings.summary(first, count: problems.count), isError: true))
        }
        var dirty = true
        var firstFullScreen = false
        var lastKey: KeyPress?
        var keyTime = ContinuousClock.now
        var firstFrameAfterKey: Duration?
        while true {
            if let sig = signals.pending {
                // Save the reading position as `q` does, synchronously (the process is about to
                // end) and on the store queue, after the writes already queued there.
                let saves = state.savePositionEffects().filter { StoreEffects.handles($0) }
                storeQueue.sync { for effect in saves { _ = storeEffects.perform(effect) } }
                return 128 + sig
            }
            for (action, completesEffect) in inbox.drain() {
                if completesEffect { inFlight -= 1 }
                guard let action else { continue }
                dispatch(state.update(action), state: &state, terminal: &terminal, storeEffects: storeEffects)
                dirty = true
            }
            if dirty {
                let frameStart = ContinuousClock.now
                let frame = state.view(styles: styles)
                terminal.draw(frame, cursor: state.cursorPosition)
                dirty = false
                let now = ContinuousClock.now
                if !firstFullScreen, state.sidebar.loaded, !state.list.rows.isEmpty || (state.list.countLoaded && state.list.total == 0) {
                    firstFullScreen = true
                    trace?.log("first-full-screen", since: started, drawn: frameStart, now: now)
                }
                // Per key: the first frame after it, and the frame once its store work is done.
                if let key = lastKey {
                    if firstFrameAfterKey == nil { firstFrameAfterKey = now - keyTime }
                    if inFlight == 0 {
                        trace?.logKey(KeyNotation.format(key), first: firstFrameAfterKey!, settled: now - keyTime, frame: now - frameStart)
                        lastKey = nil
                        firstFrameAfterKey = nil
                    }
                }
            }
            if state.quitRequested && inFlight == 0 { return 0 }
            reapChildren()
            guard let key = terminal.backend.readKey(timeout: inFlight > 0 ? 2 : 100) else { continue }
            keyTime = ContinuousClock.now
            lastKey = key
            firstFrameAfterKey = nil
            if key == .resize {
                let size = terminal.backend.size()
                dispatch(state.update(.resize(width: size.width, height: size.height)), state: &state, terminal: &terminal, storeEffects: storeEffects)
            } else {
                dispatch(state.update(.key(key)), state: &state, terminal: &terminal, storeEffects: storeEffects)
            }
            dirty = true
        }
    }

    private mutating func dispatch(_ effects: [Effect], state: inout AppState, terminal: inout Terminal<CursesBackend>,
                                   storeEffects: StoreEffects) {
        for effect in effects {
            if StoreEffects.handles(effect) {
                inFlight += 1
                let inbox = self.inbox
                let queue = effect == .loadSidebar ? countsQueue : storeQueue
                queue.async { inbox.post(storeEffects.perform(effect)) }
                continue
            }
            switch effect {
            case .openLink(let link):
                let result = openLink(link, terminal: &terminal)
                _ = state.update(.message(result.text, isError: result.isError))
            case .setTheme(let name):
                let result = settings.switchTheme(to: name, depth: terminal.backend.colorDepth)
                if let theme = result.theme { styles = theme }
                _ = state.update(.message(result.message, isError: result.isError))
            case .refreshFeeds(let scope):
                startRefresh(scope, state: &state)
            case .suspend:
                terminal.backend.suspendProcess()
                terminal.invalidate()
            case .redraw:
                terminal.invalidate()
            case .quit:
                break
            default:
                break
            }
        }
    }

    private func openLink(_ link: String, terminal: inout Terminal<CursesBackend>) -> (text: String, isError: Bool) {
        let url: String
        switch LinkOpener.validate(link) {
        case .failure(let error): return (error.description, true)
        case .success(let valid): url = valid
        }
        let launch = LinkOpener.launch(url: url, browser: settings.config.browser ?? environment["BROWSER"])
        if launch.usesTerminal {
            terminal.backend.suspend()
            let status = ChildProcess.run(launch.arguments, wait: true)
            terminal.backend.resume()
            terminal.invalidate()
            if let status, status != 0 { return ("\(launch.arguments[0]) exited with status \(status)", true) }
            return status == nil ? ("Could not start \(launch.arguments[0])", true) : ("Opened \(url)", false)
        }
        guard ChildProcess.run(launch.arguments, wait: false) != nil else {
            return ("Could not start \(launch.arguments[0]) (set $BROWSER)", true)
        }
        return ("Opened \(url) in \(launch.arguments[0])", false)
    }

    /// r / R: refreshes feeds in the background (a detached task); progress and the summary
    /// come back through the inbox, so keys keep working while feeds download.
    private func startRefresh(_ scope: RefreshScope, state: inout AppState) {
        var feeds: [FeedSubscription]
        do { feeds = try store.feeds() } catch {
            _ = state.update(.refreshFinished(summary: "Could not read the feed list: \(error)", failed: 1))
            return
        }
        switch scope {
        case .all: break
        case .tag(let tag): feeds = feeds.filter { $0.tags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame } }
        case .source(let url): feeds = feeds.filter { $0.url == url }
        }
        guard !feeds.isEmpty else {
            _ = state.update(.refreshFinished(summary: "No feeds to refresh here (add one: newsreader add URL)", failed: 0))
            return
        }
        let refresher = FeedRefresher(store: store, maxConcurrent: settings.config.refreshConcurrency,
                                      timeout: settings.config.refreshTimeout)
        let inbox = self.inbox
        Task.detached {
            let started = ContinuousClock.now
            let outcomes = await refresher.refresh(feeds) { done, total, outcome in
                inbox.post(.refreshProgress(done: done, total: total, title: outcome.title), completesEffect: false)
            }
            var inserted = 0, failed = 0
            var firstFailure: String?
            for outcome in outcomes {
                switch outcome.status {
                case .stored(let i, _): inserted += i
                case .notModified: break
                case .failed(let reason):
                    failed += 1
                    if firstFailure == nil { firstFailure = "\(outcome.title): \(reason)" }
                }
            }
            let seconds = Double((ContinuousClock.now - started).components.seconds)
            var summary = "Refreshed \(outcomes.count) feeds in \(Int(seconds)) s: \(inserted) new"
            // The failing feed is named here (the sidebar lists tags, not feeds); `feeds` lists them all.
            if let firstFailure {
                summary += failed == 1 ? ", 1 failed: \(firstFailure)"
                    : ", \(failed) failed, first \(firstFailure) (newsreader feeds shows all)"
            }
            inbox.post(.refreshFinished(summary: summary, failed: failed), completesEffect: false)
        }
    }

    private func reapChildren() {
        var status: Int32 = 0
        while waitpid(-1, &status, WNOHANG) > 0 {}
    }
}

/// Results of background effects waiting for the UI thread. `nil` entries mark effects that
/// finished without a result (so the in-flight count still drops).
final class Inbox: Sendable {
    private let actions = Mutex<[(Action?, Bool)]>([])
    /// `completesEffect`: false for progress reports that do not end an effect.
    func post(_ action: Action?, completesEffect: Bool = true) { actions.withLock { $0.append((action, completesEffect)) } }
    func drain() -> [(Action?, Bool)] { actions.withLock { let all = $0; $0 = []; return all } }
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
