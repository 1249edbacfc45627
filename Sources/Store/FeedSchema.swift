import GRDB

/// The `feed` table (subscriptions), as a migration appended after the library's own.
enum FeedSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // Immediate checks: the migration only creates a table, so GRDB need not re-check every
        // foreign key of the library afterwards (seconds on a 100k-article library).
        migrator.registerMigration("feeds-v1", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE feed (
                    url TEXT PRIMARY KEY,
                    -- the user's title (--title, ~Title, OPML); else the feed's own
                    title TEXT,
                    feedTitle TEXT,
                    tags TEXT NOT NULL DEFAULT '[]',
                    hidden INTEGER NOT NULL DEFAULT 0,
                    etag TEXT,
                    lastModified TEXT,
                    lastRefresh INTEGER,
                    lastError TEXT,
                    itemCount INTEGER NOT NULL DEFAULT 0,
                    addedAt INTEGER NOT NULL
                );
                """)
        }
    }
}
