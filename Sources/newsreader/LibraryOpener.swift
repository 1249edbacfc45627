import DemoLibrary
import Foundation
import Store

/// Finds and opens the library for every subcommand, and seeds the demo articles once.
///
/// Location: `--library PATH`, else `$NEWSREADER_LIBRARY`, else
/// `$XDG_DATA_HOME/newsreader/library.sqlite`, else `~/.local/share/newsreader/library.sqlite`.
enum LibraryOpener {
    static func path(for options: LibraryOptions,
                     environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = options.library, !explicit.isEmpty {
            return (explicit as NSString).expandingTildeInPath
        }
        return LibraryStore.defaultPath(environment: environment)
    }

    /// Opens the library; on its very first opening, when it is empty, loads the demo articles.
    /// Once seeded (or found non-empty on first opening) the demo never comes back, even after
    /// the user deletes every demo article.
    /// `seedDemo: false` is for commands that fill the library with the user's own articles
    /// (import): a library whose first use is an import never gets the demo mixed in.
    /// Batch commands (refresh, import) wait longer for the library than interactive ones.
    static let batchBusyTimeout: TimeInterval = 30

    /// - Parameter busyTimeout: how long a write waits while another newsreader holds the
    ///   library (a reader marking articles, a refresh) before failing with "locked".
    static func open(_ options: LibraryOptions, seedDemo: Bool = true, busyTimeout: TimeInterval = 5) throws -> LibraryStore {
        let store = try LibraryStore(path: path(for: options), busyTimeout: busyTimeout)
        if seedDemo { try seedDemoIfNeeded(store) } else if try store.needsDemo() { try store.markDemoSeeded() }
        return store
    }

    /// Returns how many demo articles were added (0 when the library had been seeded before).
    @discardableResult
    static func seedDemoIfNeeded(_ store: LibraryStore) throws -> Int {
        guard try store.needsDemo() else { return 0 }
        var added = 0
        if try store.count(.all) == 0 {
            added = try store.upsert(DemoLibrary.articles()).inserted
        }
        try store.markDemoSeeded()
        return added
    }
}
