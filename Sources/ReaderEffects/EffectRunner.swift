import Dispatch
import NewsModel
import Reader
import Store

/// What the host made of an effect.
public enum HostResult {
    /// Done on the UI thread (it needed the terminal); the action, if any, is sent at once.
    case done(Action?)
    /// Work that can leave the UI thread (starting a GUI browser): the runner runs it on a
    /// background queue and sends its action when it comes back.
    case background(@Sendable () -> Action?)
}

/// Effects that need the terminal or the process (open a link, switch theme, suspend, redraw,
/// quit): the runner asks the host on the UI thread, and sends back what it returns.
public protocol EffectHost: AnyObject {
    func perform(_ effect: Effect) -> HostResult
}

/// The one runtime, in Bubble Tea's shape: `send(action)` runs `update`, and every effect it
/// returns is performed and its result sent back the same way. Store work and refreshes run
/// off the UI thread and come back through the inbox, which the loop drains with
/// `drainInbox()`. Not thread-safe: create it, send and drain on the UI thread.
public final class EffectRunner {
    public private(set) var state: AppState
    /// Store effects started and not yet answered (the loop waits for these before quitting).
    public private(set) var storeInFlight = 0
    /// Refreshes and host work running in the background (not waited for on quit: the next
    /// start picks up what a refresh stored).
    public private(set) var jobsInFlight = 0
    public weak var host: (any EffectHost)?

    private let storeEffects: StoreEffects
    private let refresh: RefreshJob
    private let inbox = Inbox()
    private let storeQueue = DispatchQueue(label: "newsreader.store")
    /// Sidebar counts scan the library: their own queue, so they never hold up a page load.
    private let countsQueue = DispatchQueue(label: "newsreader.counts")
    /// Saves the reading position when a signal ends the reader, from another thread.
    public let positionSaver: PositionSaver

    public init(state: AppState, store: LibraryStore, refresher: any FeedRefreshing) {
        self.state = state
        storeEffects = StoreEffects(store: store)
        refresh = RefreshJob(store: store, refresher: refresher)
        positionSaver = PositionSaver(store: storeEffects, queue: storeQueue)
    }

    /// True while any effect has not come back.
    public var isBusy: Bool { storeInFlight > 0 || jobsInFlight > 0 }

    /// The start-up effects (sidebar counts, the first page).
    public func start(filter: ArticleFilter = .all) {
        perform(state.start(filter: filter))
    }

    public func send(_ action: Action) {
        perform(state.update(action))
    }

    /// Performs effects; an inline result is sent at once, and so on until none is left.
    private func perform(_ effects: [Effect]) {
        var pending = effects[...]
        while let effect = pending.popFirst() {
            if let result = launch(effect) { pending += state.update(result) }
        }
        positionSaver.update(state.savePositionEffects())
    }

    /// Starts one effect: background work answers through the inbox; host effects answer here.
    private func launch(_ effect: Effect) -> Action? {
        if StoreEffects.handles(effect) {
            storeInFlight += 1
            let inbox = self.inbox, store = storeEffects
            let queue = effect == .loadSidebar ? countsQueue : storeQueue
            queue.async { inbox.post(store.perform(effect), .store) }
            return nil
        }
        if case .refreshFeeds(let scope) = effect {
            jobsInFlight += 1
            let inbox = self.inbox, job = refresh
            storeQueue.async {
                switch job.plan(scope) {
                case .failure(let final):
                    inbox.post(final.action, .job)
                case .success(let feeds):
                    Task.detached {
                        let finished = await job.run(feeds) { inbox.post($0, .progress) }
                        inbox.post(finished, .job)
                    }
                }
            }
            return nil
        }
        switch host?.perform(effect) ?? .done(nil) {
        case .done(let action):
            return action
        case .background(let work):
            jobsInFlight += 1
            let inbox = self.inbox
            // Blocking store work: on a private queue (a thread of its own), not on the global
            // queue's threads, which are the ones a refresh's tasks need.
            DispatchQueue(label: "newsreader.background-effect").async { inbox.post(work(), .job) }
            return nil
        }
    }

    /// Sends every result that has come back; true when there was any.
    @discardableResult
    public func drainInbox() -> Bool {
        let arrived = inbox.drain()
        for (action, completion) in arrived {
            switch completion {
            case .store: storeInFlight -= 1
            case .job: jobsInFlight -= 1
            case .progress: break
            }
            if let action { send(action) }
        }
        return !arrived.isEmpty
    }

    /// Drains until no effect is in flight, waiting (without polling, and without blocking a
    /// concurrency thread a refresh may need: `DispatchQueue.global()` threads are the ones
    /// Swift's tasks run on, a private queue has its own) for results; false when `seconds` pass first.
    /// For tests and scripted use; the UI loop drains between keys.
    public func settle(timeout seconds: Double) async -> Bool {
        let deadline = DispatchTime.now() + seconds
        drainInbox()
        while isBusy {
            let inbox = self.inbox
            let posted = await withCheckedContinuation { done in
                DispatchQueue(label: "newsreader.settle").async { done.resume(returning: inbox.wait(until: deadline)) }
            }
            guard posted else { return false }
            drainInbox()
        }
        return true
    }
}
