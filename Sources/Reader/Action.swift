import Foundation
import NewsModel
import Screen

/// Everything that can change the state: keys, resizes, and the results of effects.
public enum Action: Sendable {
    case key(KeyPress)
    /// A named command with an optional count, as if its key had been pressed.
    case command(Command, count: Int? = nil)
    case resize(width: Int, height: Int)
    case sidebarLoaded(SidebarCounts)
    case countLoaded(generation: Int, count: Int)
    /// Library search hits, best first (`searchLibrary`).
    case searchLoaded(generation: Int, hits: [ArticleSummary])
    /// Many articles' read state committed at once (mark-all-read and its undo).
    case manyReadSaved(ids: [String], read: Bool, undoable: Bool)
    /// The next/previous unread row (`findUnread`): its list and index there; nil: none.
    case unreadFound(generation: Int, found: (filter: ArticleFilter, index: Int)?)
    case pageLoaded(PageRequest, [ArticleSummary])
    case articleLoaded(id: String, Article?)
    /// The bookmark is committed to the store, at `at` (the runtime's clock).
    case bookmarkSaved(id: String, on: Bool, at: Date)
    /// The read state is committed; `announce` says whether the user asked for it (`u`).
    case readSaved(id: String, read: Bool, announce: Bool)
    /// An effect failed; the text says what and why.
    case failed(String)
    /// A list page could not be loaded (the request is retried on the next move).
    case pageFailed(PageRequest, String)
    case sidebarFailed(String)
    case message(String, isError: Bool)
    /// Feed refresh progress: `done` of `total` feeds finished, the last one named.
    case refreshProgress(done: Int, total: Int, title: String)
    /// The refresh ended; `summary` is shown, and the list and counts are reloaded.
    case refreshFinished(summary: String, failed: Int)
    /// `:add` subscribed to these feeds; one is fetched at once.
    case feedsAdded(urls: [String], message: String)
}

/// Which feeds `r` / `R` refresh.
public enum RefreshScope: Sendable, Hashable {
    case all
    case tag(String)
    case source(String)
}

/// Side effects `update` asks for. The runtime executes them (store work off the UI thread)
/// and feeds their results back as actions.
public enum Effect: Sendable, Hashable {
    case loadSidebar
    case loadCount(generation: Int, filter: ArticleFilter, unreadOnly: Bool)
    case searchLibrary(generation: Int, words: String, limit: Int)
    /// Marks every unread article of a store-backed list read; answered with manyReadSaved.
    case markListRead(ArticleFilter)
    /// Sets the read state of these articles; answered with manyReadSaved.
    case markRead(ids: [String], read: Bool, undoable: Bool)
    /// The first unread row beyond `from` in the list's order, else the first (backward: last)
    /// unread row of the lists in `then`, in turn; answered with unreadFound.
    case findUnread(generation: Int, query: ListQuery, from: PageCursor?, forward: Bool, then: [ArticleFilter])
    /// Appends a line to the command-line history file.
    case saveHistory(String)
    /// `:add URL [all]`: find the feeds at URL (a feed or a web page) and subscribe.
    case addFeed(String, all: Bool)
    /// `y`: the link to the terminal's clipboard (OSC 52, when the config allows it).
    case copyToClipboard(String)
    case loadPage(PageRequest)
    case loadArticle(id: String)
    case setBookmark(id: String, on: Bool)
    case setRead(id: String, read: Bool, announce: Bool)
    case saveReadingPosition(id: String, block: Int)
    case openLink(String)
    /// Long-running: the runtime reports with refreshProgress / refreshFinished.
    case refreshFeeds(RefreshScope)
    case setTheme(String)
    case suspend
    case redraw
    case quit
}
