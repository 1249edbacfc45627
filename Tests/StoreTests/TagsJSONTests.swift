import GRDB
import NewsModel
import Testing
@testable import Store

/// The tags column holds JSON written by hand (`JSONString.quoted`); libraries on disk hold
/// these bytes, so the writer must keep producing exactly them, and SQLite must read them back.
@Suite struct TagsJSONTests {
    @Test func storedBytesStayTheSame() {
        let tags = ["plain", "say \"hi\"", "back\\slash", "tab\there", "line\nbreak", "cr\rx",
                    "esc\u{1B}[31m", "nul\u{0}x", "日本語", "café", "del\u{7F}", "c1\u{85}x"]
        let expected = #"["plain","say \"hi\"","back\\slash","tab\there","line\nbreak","cr\rx","#
            + #""esc\u001b[31m","nul\u0000x","日本語","café","del"# + "\u{7F}" + #"","c1"# + "\u{85}" + #"x"]"#
        #expect(LibraryStore.tagsJSON(tags) == expected)
    }

    @Test func sqliteReadsTheTagsBack() throws {
        // (Not NUL: SQLite's text functions stop at it. Not a lone NEL: trimming drops it.)
        let tags = ["say \"hi\"", "back\\slash", "tab\there", "esc\u{1B}", "日本語", "a\u{85}b", "\u{202E}"]
        let json = LibraryStore.tagsJSON(tags)
        let queue = try DatabaseQueue()
        let back = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT value FROM json_each(?) ORDER BY key", arguments: [json])
        }
        #expect(back == tags)
    }
}
