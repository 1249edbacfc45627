import GRDB
import NewsModel

/// Tables, indexes and triggers of the library, as migrations.
///
/// Dates are INTEGER milliseconds since 1970 so keyset cursors round-trip exactly.
/// Sections are stored as keys: components joined by U+001F ("SECURITY\u{1F}Cybersecurity").
enum LibrarySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createV1)
        FeedSchema.register(in: &migrator)  // feeds helper: subscriptions table, appended after v1
        migrator.registerMigration("ids-sha256", migrate: rewriteIDs)
        FeedGUIDSchema.register(in: &migrator)  // fidelity: the feed's own entry id, for show --json
        return migrator
    }

    /// Article ids were FNV-1a-64 (16 hex digits), which a feed can steer into collisions; they
    /// are now SHA-256 based (`ArticleID.make`). Every id is recomputed from the row's source
    /// and guid, and everything keyed by id follows: tag and section rows. Bookmarks, read state
    /// and reading positions are columns of the row itself, and the search index is keyed by
    /// `seq`, so they stay as they are. GRDB checks the foreign keys once at the end.
    private static func rewriteIDs(_ db: Database) throws {
        let newID = DatabaseFunction("newsreader_article_id", argumentCount: 2, pure: true) { values in
            ArticleID.make(source: String.fromDatabaseValue(values[0]) ?? "",
                           guid: String.fromDatabaseValue(values[1]) ?? "")
        }
        db.add(function: newID)
        defer { db.remove(function: newID) }
        try db.execute(sql: """
            CREATE TEMP TABLE idMap(old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO idMap SELECT id, newsreader_article_id(sourceLocation, guid) FROM article;
            UPDATE article SET id = (SELECT new FROM idMap WHERE old = article.id);
            UPDATE articleTag SET articleId = COALESCE((SELECT new FROM idMap WHERE old = articleId), articleId);
            UPDATE articleSection SET articleId = COALESCE((SELECT new FROM idMap WHERE old = articleId), articleId);
            DROP TABLE idMap;
            """)
    }

    private static func createV1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

            -- List columns only; bodies live in articleBody so lists never read them.
            CREATE TABLE article (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                sortDate INTEGER NOT NULL,
                published INTEGER,
                updated INTEGER,
                firstSeen INTEGER NOT NULL,
                section TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '[]',
                author TEXT,
                link TEXT,
                sourceKind TEXT NOT NULL,
                sourceLocation TEXT NOT NULL,
                sourceName TEXT NOT NULL,
                guid TEXT NOT NULL,
                contentHash TEXT NOT NULL,
                read INTEGER NOT NULL DEFAULT 0,
                bookmarkedAt INTEGER,
                readingPosition INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX article_by_date ON article(sortDate, id);
            CREATE INDEX article_unread ON article(sortDate, id) WHERE read = 0;
            CREATE INDEX article_bookmarked ON article(sortDate, id) WHERE bookmarkedAt IS NOT NULL;
            CREATE INDEX article_by_source ON article(sourceLocation, sortDate, id);

            CREATE TABLE articleBody (
                seq INTEGER PRIMARY KEY REFERENCES article(seq) ON DELETE CASCADE,
                summary TEXT,
                contentHTML TEXT,
                body TEXT NOT NULL,
                text TEXT NOT NULL,
                enclosures TEXT NOT NULL DEFAULT '[]'
            );

            -- One row per (tag, article); the primary key is the keyset order for tag lists.
            CREATE TABLE articleTag (
                tag TEXT NOT NULL COLLATE NOCASE,
                sortDate INTEGER NOT NULL,
                articleId TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                unread INTEGER NOT NULL,
                PRIMARY KEY (tag, sortDate, articleId)
            ) WITHOUT ROWID;
            CREATE INDEX articleTag_by_article ON articleTag(articleId);

            -- One row per (ancestor section path, article): "A", "A\u{1F}B" for ["A", "B"].
            CREATE TABLE articleSection (
                path TEXT NOT NULL COLLATE NOCASE,
                sortDate INTEGER NOT NULL,
                articleId TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                unread INTEGER NOT NULL,
                PRIMARY KEY (path, sortDate, articleId)
            ) WITHOUT ROWID;
            CREATE INDEX articleSection_by_article ON articleSection(articleId);

            -- Sidebar counts, maintained by the triggers below.
            CREATE TABLE counter (
                kind TEXT NOT NULL,
                key TEXT NOT NULL COLLATE NOCASE,
                total INTEGER NOT NULL,
                unread INTEGER NOT NULL,
                PRIMARY KEY (kind, key)
            ) WITHOUT ROWID;
            INSERT INTO counter VALUES ('all', '', 0, 0), ('bookmarks', '', 0, 0);

            -- Contentless: the indexed text has CJK runs expanded into bigrams (SearchText).
            CREATE VIRTUAL TABLE articleSearch USING fts5(
                title, text, tags, content='', tokenize='unicode61 remove_diacritics 2'
            );
            """)
        try db.execute(sql: articleTriggers)
        try db.execute(sql: membershipTriggers(table: "articleTag", column: "tag", kind: "tag"))
        try db.execute(sql: membershipTriggers(table: "articleSection", column: "path", kind: "section"))
    }

    private static let articleTriggers = """
        CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN
            UPDATE counter SET total = total + 1, unread = unread + (NEW.read = 0)
                WHERE kind = 'all' AND key = '';
            UPDATE counter SET total = total + 1, unread = unread + (NEW.read = 0)
                WHERE kind = 'bookmarks' AND key = '' AND NEW.bookmarkedAt IS NOT NULL;
        END;
        CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN
            UPDATE counter SET total = total - 1, unread = unread - (OLD.read = 0)
                WHERE kind = 'all' AND key = '';
            UPDATE counter SET total = total - 1, unread = unread - (OLD.read = 0)
                WHERE kind = 'bookmarks' AND key = '' AND OLD.bookmarkedAt IS NOT NULL;
        END;
        -- Callers never change read and bookmarkedAt in one statement (the two would double count).
        CREATE TRIGGER article_au_read AFTER UPDATE OF read ON article
        WHEN (OLD.read = 0) != (NEW.read = 0) BEGIN
            UPDATE counter SET unread = unread + (NEW.read = 0) - (OLD.read = 0)
                WHERE kind = 'all' AND key = '';
            UPDATE counter SET unread = unread + (NEW.read = 0) - (OLD.read = 0)
                WHERE kind = 'bookmarks' AND key = '' AND NEW.bookmarkedAt IS NOT NULL;
            UPDATE articleTag SET unread = (NEW.read = 0) WHERE articleId = NEW.id;
            UPDATE articleSection SET unread = (NEW.read = 0) WHERE articleId = NEW.id;
        END;
        CREATE TRIGGER article_au_bookmark AFTER UPDATE OF bookmarkedAt ON article
        WHEN (OLD.bookmarkedAt IS NULL) != (NEW.bookmarkedAt IS NULL) BEGIN
            UPDATE counter SET
                total = total + (CASE WHEN NEW.bookmarkedAt IS NULL THEN -1 ELSE 1 END),
                unread = unread + (CASE WHEN NEW.bookmarkedAt IS NULL THEN -1 ELSE 1 END) * (NEW.read = 0)
                WHERE kind = 'bookmarks' AND key = '';
        END;
        CREATE TRIGGER article_au_sortDate AFTER UPDATE OF sortDate ON article
        WHEN OLD.sortDate != NEW.sortDate BEGIN
            UPDATE articleTag SET sortDate = NEW.sortDate WHERE articleId = NEW.id;
            UPDATE articleSection SET sortDate = NEW.sortDate WHERE articleId = NEW.id;
        END;
        """

    private static func membershipTriggers(table: String, column: String, kind: String) -> String {
        """
        CREATE TRIGGER \(table)_ai AFTER INSERT ON \(table) BEGIN
            INSERT INTO counter(kind, key, total, unread) VALUES ('\(kind)', NEW.\(column), 1, NEW.unread)
                ON CONFLICT(kind, key) DO UPDATE SET total = total + 1, unread = unread + NEW.unread;
        END;
        CREATE TRIGGER \(table)_ad AFTER DELETE ON \(table) BEGIN
            UPDATE counter SET total = total - 1, unread = unread - OLD.unread
                WHERE kind = '\(kind)' AND key = OLD.\(column);
            DELETE FROM counter WHERE kind = '\(kind)' AND key = OLD.\(column) AND total <= 0;
        END;
        CREATE TRIGGER \(table)_au AFTER UPDATE OF unread ON \(table)
        WHEN OLD.unread != NEW.unread BEGIN
            UPDATE counter SET unread = unread + NEW.unread - OLD.unread
                WHERE kind = '\(kind)' AND key = NEW.\(column);
        END;
        """
    }
}
