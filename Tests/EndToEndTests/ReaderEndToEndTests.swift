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

/// config.toml in the session's XDG_CONFIG_HOME: remapped keys, warnings, theme.
@Suite(.serialized) struct ConfigEndToEndTests {
    @Test func remappedKeyWorksAndConfigErrorsShowAsWarnings() throws {
        let (made, reason) = TmuxSession.make()
        guard let session = made else { print("SKIPPED: \(reason!)"); return }
        let dir = session.directory.appendingPathComponent("config/newsreader")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        theme = "gruvbox"
        colour = "red"
        [keys]
        "J" = "move-down"
        "j" = "none"
        """.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try session.startReader(width: 120, height: 30)
        #expect(session.waitFor("colour"), "the unknown setting is reported: \(session.text())")
        #expect(session.waitFor("All · 1/"), "\(session.text())")
        try session.send("j")
        try session.send("J")
        #expect(session.waitFor("All · 2/"), "\(session.text())")
        try session.send("F1")
        #expect(session.wait { $0.contains { $0.contains(" J ") && $0.contains("Move down") && !$0.contains("j ") } }, "help shows the remapped key: \(session.text())")
        try session.send("q", "q")
        #expect(session.waitFor("EXIT=0"))
    }
}
