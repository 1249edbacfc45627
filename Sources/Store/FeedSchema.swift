import GRDB

/// The `feed` table (subscriptions), as a migration appended after the library's own.
enum FeedSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("feeds-v1") { db in
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
