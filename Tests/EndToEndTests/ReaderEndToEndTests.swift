import Foundation
import Testing

/// The real binary in tmux: what a user sees and types.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, TmuxSession.skipReason)) struct ReaderEndToEndTests {
    @Test func startsShowsHelpSurvivesTinyWindowsAndQuitsCleanly() throws {
        let session = TmuxSession()
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
        let session = TmuxSession()
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
        let session = TmuxSession()
        try session.startReader()
        #expect(session.waitFor("F1 help"))
        let pid = try session.readerPID()
        #expect(!pid.isEmpty)
        _ = try TmuxSession.run("/bin/kill", ["-TERM", pid], environment: [:])
        #expect(session.waitFor("EXIT=143"), "\(session.text())")
        // Back in the normal screen: the reader's frame is gone.
        #expect(!session.text().contains("F1 help"))
    }

    /// `r` on the demo library (no feeds): the message, and the list comes back (it used to stay
    /// on "All · loading" for good).
    @Test func refreshWithoutFeedsKeepsTheList() throws {
        let session = TmuxSession()
        try session.startReader(width: 120, height: 30)
        #expect(session.waitFor("All · 1/"), "\(session.text())")
        try session.send("j", "r")
        #expect(session.waitFor("No feeds to refresh here"), "\(session.text())")
        #expect(session.wait { $0.last { !$0.isEmpty }?.contains("All · 2/") == true }, "\(session.text())")
        #expect(!session.text().contains("loading"))
        try session.send("j")
        #expect(session.wait { $0.last { !$0.isEmpty }?.contains("All · 3/") == true }, "\(session.text())")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"), "\(session.text())")
    }

    /// SIGTERM while a frame is stuck (every frame after the first takes 30 s here): the signal
    /// thread restores the terminal and exits; the shell gets a sane terminal back.
    @Test(arguments: ["TERM", "INT", "HUP"])
    func signalDuringAStuckFrameRestoresTheTerminal(_ signal: String) throws {
        let session = TmuxSession()
        try session.startShellRunningReader(extraEnvironment: ["NEWSREADER_FRAME_DELAY_MS": "30000"])
        #expect(session.waitFor("F1 help"), "\(session.text())")
        try session.send("j")
        let pid = try session.readerPID()
        #expect(!pid.isEmpty)
        _ = try TmuxSession.run("/bin/kill", ["-\(signal)", pid], environment: [:])
        let status = ["TERM": 143, "INT": 130, "HUP": 129][signal]!
        #expect(session.waitFor("EXIT=\(status)", timeout: 10), "\(session.text())")
        let alternate = try session.tmux(["display-message", "-p", "-t", session.name, "#{alternate_on}"])
        #expect(alternate.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "still in the alternate screen")
        // The tty is back in cooked mode with echo: what a shell needs.
        try session.type("printf 'MODES=%s\\n' \"$(stty -a | tr ' ;' '\\n\\n' | grep -x -e -icanon -e icanon -e -echo -e echo | tr '\\n' ,)\"")
        try session.send("Enter")
        #expect(session.wait { $0.contains { $0.hasPrefix("MODES=") } }, "\(session.text())")
        let modes = session.screen().first { $0.hasPrefix("MODES=") }
        #expect(modes == "MODES=icanon,echo,", "\(session.text())")
    }
}
