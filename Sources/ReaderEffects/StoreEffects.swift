import Foundation
import Reader
import NewsModel
import Store

/// Runs the effects that only need the store, turning results and errors into actions.
/// `EffectRunner` calls this off the UI thread.
public struct StoreEffects: Sendable {
    public let store: LibraryStore

    public init(store: LibraryStore) { self.store = store }

    /// True for the effects this type runs; the others (links, themes, suspend, quit) belong to
    /// the runtime.
    public static func handles(_ effect: Effect) -> Bool {
        switch effect {
        case .loadSidebar, .loadCount, .loadPage, .loadArticle, .setBookmark, .setRead, .saveReadingPosition,
             .searchLibrary, .markListRead, .markRead, .findUnread: return true
        default: return false
        }
    }

    public func perform(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .loadSidebar:
                return .sidebarLoaded(try store.sidebar())
            case .loadCount(let generation, let filter, let unreadOnly):
                return .countLoaded(generation: generation, count: try store.count(filter, unreadOnly: unreadOnly))
            case .loadPage(let request):
                let q = request.query
                let anchor = request.kind == .after || request.kind == .before ? request.anchor : nil
                let direction: PageDirection = request.kind == .first || request.kind == .after ? .forward : .backward
                let rows = try store.page(q.filter, order: q.order, unreadOnly: q.unreadOnly, after: anchor,
                                          direction: direction, limit: request.limit)
                return .pageLoaded(request, rows)
            case .searchLibrary(let generation, let words, let limit):
                return .searchLoaded(generation: generation, hits: try store.search(words, limit: limit).map(\.article))
            case .markListRead(let filter):
                return .manyReadSaved(ids: try store.markListRead(filter), read: true, undoable: true)
            case .markRead(let ids, let read, let undoable):
                try store.setRead(ids: ids, read)
                return .manyReadSaved(ids: ids, read: read, undoable: undoable)
            case .findUnread(let generation, let query, let from, let forward, let then):
                if let hit = try store.unreadRow(query, from: from, forward: forward) {
                    return .unreadFound(generation: generation, found: (query.filter, hit.index))
                }
                for filter in then {
                    var q = query
                    q.filter = filter
                    if let hit = try store.unreadRow(q, from: nil, forward: forward) {
                        return .unreadFound(generation: generation, found: (filter, hit.index))
                    }
                }
                return .unreadFound(generation: generation, found: nil)
            case .loadArticle(let id):
                return .articleLoaded(id: id, try store.article(id: id))
            case .setBookmark(let id, let on):
                try store.setBookmarked(id: id, on)
                return .bookmarkSaved(id: id, on: on, at: Date())
            case .setRead(let id, let read, let announce):
                try store.setRead(id: id, read)
                return .readSaved(id: id, read: read, announce: announce)
            case .saveReadingPosition(let id, let block):
                try store.setReadingPosition(id: id, block)
                return nil
            default:
                return nil
            }
        } catch {
            let text = Self.describe(effect, error)
            switch effect {
            case .loadPage(let request): return .pageFailed(request, text)
            case .loadSidebar: return .sidebarFailed(text)
            default: return .failed(text)
            }
        }
    }

    static func describe(_ effect: Effect, _ error: Error) -> String {
        let what: String
        switch effect {
        case .setBookmark: what = "Could not save the bookmark"
        case .setRead: what = "Could not save the read state"
        case .loadArticle: what = "Could not load the article"
        case .loadPage, .loadCount: what = "Could not load the list"
        case .loadSidebar: what = "Could not load the counts"
        case .searchLibrary: what = "Could not search the library"
        case .markListRead, .markRead: what = "Could not mark the articles"
        case .findUnread: what = "Could not look for unread articles"
        default: what = "Library error"
        }
        return "\(what): \(error)"
    }
}
