import GRDB

/// `article.feedGuid`: the feed's own entry id as written (RSS guid, Atom id, rdf:about, JSON
/// Feed id), which `show --json` prints as `guid`. `article.guid` stays the identity the article
/// id is derived from (the feed id, else the link, else a content hash).
enum FeedGUIDSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // Immediate checks: adding a nullable column touches no foreign key.
        migrator.registerMigration("feed-guid-v1", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "ALTER TABLE article ADD COLUMN feedGuid TEXT")
            // Rows stored before: an identity that is neither the link nor a content hash can
            // only have been the feed's own id. (One that equals the link stays unknown, null,
            // until the item changes and is written again.)
            try db.execute(sql: """
                UPDATE article SET feedGuid = guid
                WHERE sourceKind = 'feed' AND guid NOT LIKE 'hash:%' AND (link IS NULL OR guid != link)
                """)
        }
    }
}
