import Foundation
import Testing

/// `b` in the reader, SIGKILL the moment the status line acknowledges it: the change is in the
/// library (the screen says so only after the write committed).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, TmuxSession.skipReason))
struct BookmarkKillEndToEndTests {
    static func bookmarkCount(_ session: TmuxSession) throws -> Int? {
        let json = try session.cli(["bookmarks", "--json"])
        return (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])?.count
    }

    @Test func acknowledgedBookmarkSurvivesSIGKILL() throws {
        let session = TmuxSession()
        try session.startReader(width: 120, height: 30)
        #expect(session.waitFor("F1 help"), "\(session.text())")
        var expected = try #require(try Self.bookmarkCount(session))
        for round in 0..<6 {
            if round > 0 {
                try session.restartReader()
                #expect(session.waitFor("F1 help"), "\(session.text())")
            }
            for _ in 0..<round { try session.send("j") }
            try session.send("b")
            #expect(session.wait { $0.joined().contains("Bookmarked") || $0.joined().contains("Bookmark removed") },
                    "\(session.text())")
            let added = session.text().contains("Bookmarked")
            let pid = try session.readerPID()
            try #require(!pid.isEmpty)
            _ = try TmuxSession.run("/bin/kill", ["-KILL", pid], environment: [:])
            #expect(session.waitFor("EXIT=137"), "\(session.text())")
            expected += added ? 1 : -1
            #expect(try Self.bookmarkCount(session) == expected, "round \(round): acknowledged bookmark lost")
        }
    }
}
