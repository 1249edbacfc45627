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
        case .loadSidebar, .loadCount, .loadPage, .loadArticle, .setBookmark, .setRead, .saveReadingPosition: return true
        default: return false
        }
    }

    public func perform(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .loadSidebar:
                return .sidebarLoaded(try store.sidebar())
            case .loadCount(let generation, let filter):
                return .countLoaded(generation: generation, count: try store.count(filter))
            case .loadPage(let request):
                let rows: [ArticleSummary]
                switch request.kind {
                case .first: rows = try store.page(request.filter, after: nil, direction: .forward, limit: request.limit)
                case .last: rows = try store.page(request.filter, after: nil, direction: .backward, limit: request.limit)
                case .after: rows = try store.page(request.filter, after: request.anchor, direction: .forward, limit: request.limit)
                case .before: rows = try store.page(request.filter, after: request.anchor, direction: .backward, limit: request.limit)
                }
                return .pageLoaded(request, rows)
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
        default: what = "Library error"
        }
        return "\(what): \(error)"
    }
}
