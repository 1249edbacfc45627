import Foundation
import Testing

/// config.toml and themes on the real binary: start-up warnings, a remapped key, `:theme`,
/// and NO_COLOR.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, TmuxSession.skipReason)) struct ThemesEndToEndTests {
    static let config = """
        theme = "gruvbox"
        max-text-width = 5
        [keys]
        "x" = "help"
        "z" = "teleport"
        """

    func writeConfig(_ session: TmuxSession) throws {
        let dir = session.directory.appendingPathComponent("config/newsreader")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.config.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    func escapes(_ session: TmuxSession) -> String {
        (try? session.tmux(["capture-pane", "-p", "-e", "-t", session.name])) ?? ""
    }

    @Test func configWithErrorsStartsWithWarningsAndRemappedKeysWork() throws {
        let session = TmuxSession()
        try writeConfig(session)
        try session.startReader(width: 220, height: 30)
        // The first problem, with its line, and how many more.
        #expect(session.waitFor("config.toml:2: max-text-width: expected a whole number"), "\(session.text())")
        #expect(session.text().contains("(+1 more: newsreader config --check)"), "\(session.text())")
        // gruvbox in 256 colours.
        #expect(escapes(session).contains("48;5;"))
        // "x" now opens the help, and the help shows it.
        try session.send("x")
        #expect(session.waitFor("newsreader keys"), "\(session.text())")
        // Waited for too: the heading can be on screen before the rest of the frame.
        #expect(session.wait { $0.contains { $0.contains("Show this help") && $0.contains(" x") } }, "\(session.text())")
        try session.send("Escape")
        #expect(session.wait { !$0.joined().contains("newsreader keys") })
        // :theme switches live; an unknown name keeps the current theme.
        try session.type(":theme nope")
        try session.send("Enter")
        #expect(session.waitFor("No theme named \"nope\""), "\(session.text())")
        try session.type(":theme light")
        try session.send("Enter")
        #expect(session.waitFor("Theme light"), "\(session.text())")
        #expect(escapes(session).contains("48;5;231"), "light's near-white page")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"), "\(session.text())")
    }

    @Test func noColorDrawsWithoutColours() throws {
        let session = TmuxSession()
        try writeConfig(session)
        try session.startReader(width: 220, height: 30, extraEnvironment: ["NO_COLOR": "1"])
        #expect(session.waitFor("F1 help"), "\(session.text())")
        let screen = escapes(session)
        #expect(!screen.contains("38;5;") && !screen.contains("48;5;"), "colours under NO_COLOR")
        #expect(screen.contains("\u{1b}[7m") || screen.contains(";7m"), "the focused row is reversed")
        try session.send("q")
        #expect(session.waitFor("EXIT=0"), "\(session.text())")
    }

    /// `[keys.list]` rebinds Esc in the list only: the reading pane's Esc still goes back to the
    /// list. An unknown context table is reported at start-up with its line.
    @Test func keyContextTablesInTheConfig() throws {
        let session = TmuxSession()
        let dir = session.directory.appendingPathComponent("config/newsreader")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
            [keys.list]
            "<Esc>" = "help"

            [keys.nowhere]
            "y" = "quit"
            """.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try session.startReader(width: 120, height: 30)
        #expect(session.waitFor("config.toml:5: keys.nowhere: not a key context"), "\(session.text())")
        try session.send("Enter")
        #expect(session.waitFor("NEWSREADER ›"), "the first demo article is open: \(session.text())")
        try session.send("Escape")
        // Back in the list, not the help: the pane kept its Esc.
        #expect(session.wait { !$0.joined().contains("newsreader keys") && $0.last { !$0.isEmpty }?.contains("All ·") == true },
                "\(session.text())")
        #expect(!session.text().contains("newsreader keys"))
        try session.send("Escape")
        #expect(session.waitFor("newsreader keys"), "Esc in the list opens the help: \(session.text())")
        try session.send("q")
        #expect(session.wait { !$0.joined().contains("newsreader keys") })
        try session.send("q")
        #expect(session.waitFor("EXIT=0"), "\(session.text())")
    }
}
