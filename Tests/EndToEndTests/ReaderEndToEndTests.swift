import Foundation
import Testing

/// The real binary in tmux: what a user sees and types.
@Suite(.serialized) struct ReaderEndToEndTests {
    @Test func startsShowsHelpSurvivesTinyWindowsAndQuitsCleanly() throws {
        let (made, reason) = TmuxSession.make()
        guard let session = made else { print("SKIPPED: \(reason!)"); return }
        try session.startReader(width: 120, height: 40)
        #expect(session.waitFor("F1 help"), "\(session.text())")
        #expect(session.text().contains("│"), "line drawing shows as box characters")
        try session.send("F1")
        #expect(session.waitFor("newsreader keys"))
        #expect(session.text().contains("Half a page down"))
        try session.send("Escape")
        #expect(session.wait { !$0.joined().contains("newsreader keys") })
        try session.resize(width: 12, height: 4)
        #expect(session.waitFor("Terminal"), "\(session.text())")
        for (w, h) in [(1, 1), (200, 60), (31, 6), (99, 20), (100, 20), (2, 50)] { try session.resize(width: w, height: h) }
        try session.resize(width: 120, height: 40)
        #expect(session.waitFor("F1 help"), "\(session.text())")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"), "\(session.text())")
    }

    /// Ctrl-Z in an interactive shell with job control: the shell gets the terminal back,
    /// `fg` brings the reader back drawn whole.
    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let (made, reason) = TmuxSession.make()
        guard let session = made else { print("SKIPPED: \(reason!)"); return }
        try session.startShellRunningReader()
        #expect(session.waitFor("F1 help"), "\(session.text())")
        try session.send("C-z")
        #expect(session.waitFor("Stopped"), "\(session.text())")
        #expect(!session.text().contains("F1 help"))
        try session.type("fg")
        try session.send("Enter")
        #expect(session.waitFor("F1 help"), "\(session.text())")
        #expect(session.text().contains("Bookmarks"))
        try session.send("q")
        // Back at the shell prompt (bash already ran the `echo` when the job stopped).
        #expect(session.wait { !$0.joined().contains("F1 help") && $0.last { !$0.isEmpty }?.hasPrefix("$") == true }, "\(session.text())")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let (made, reason) = TmuxSession.make()
        guard let session = made else { print("SKIPPED: \(reason!)"); return }
        try session.startReader()
        #expect(session.waitFor("F1 help"))
        let pid = try session.readerPID()
        #expect(!pid.isEmpty)
        _ = try TmuxSession.run("/bin/kill", ["-TERM", pid], environment: [:])
        #expect(session.waitFor("EXIT=143"), "\(session.text())")
        // Back in the normal screen: the reader's frame is gone.
        #expect(!session.text().contains("F1 help"))
    }
}

