import Testing
import Screen
@testable import Reader

@Suite struct KeymapTests {
    @Test func notationParsesAndFormats() {
        #expect(KeyNotation.parse("j") == [.char("j")])
        #expect(KeyNotation.parse("g g") == [.char("g"), .char("g")])
        #expect(KeyNotation.parse("gg") == [.char("g"), .char("g")])
        #expect(KeyNotation.parse("C-d") == [.ctrl("d")])
        #expect(KeyNotation.parse("<C-d>") == [.ctrl("d")])
        #expect(KeyNotation.parse("<Up>") == [.up])
        #expect(KeyNotation.parse("<F1>") == [.function(1)])
        #expect(KeyNotation.parse("<Space>") == [.char(" ")])
        #expect(KeyNotation.parse("<Enter>") == [.enter])
        #expect(KeyNotation.parse("<PageDown>") == [.pageDown])
        #expect(KeyNotation.parse("<Nonsense>") == nil)
        #expect(KeyNotation.parse("") == nil)
        #expect(KeyNotation.format([.char("g"), .char("g")]) == "g g")
        #expect(KeyNotation.format([.ctrl("d")]) == "C-d")
        #expect(KeyNotation.format([.function(1)]) == "<F1>")
        #expect(KeyNotation.keystrokes("/word<Enter>n") == [.char("/"), .char("w"), .char("o"), .char("r"), .char("d"), .enter, .char("n")])
    }

    @Test func multiKeySequencesWaitForTheRest() {
        let map = Keymap.standard
        #expect(map.lookup([.char("g")], context: .list) == .pending)
        #expect(map.lookup([.char("g"), .char("g")], context: .list) == .command(.first))
        #expect(map.lookup([.char("x")], context: .list) == .unbound)
        #expect(map.lookup([.escape], context: .pane) == .command(.close))
        #expect(map.lookup([.escape], context: .list) == .unbound)
    }

    @Test func overridesRebindUnbindAndWarn() {
        let (map, warnings) = Keymap.standard.applying(overrides: [
            (keys: "J", action: "half-page-down"),
            (keys: "q", action: "none"),
            (keys: "x", action: "explode"),
            (keys: "<Bogus>", action: "quit"),
            (keys: "Q", action: "quit"),
        ])
        #expect(map.lookup([.char("J")], context: .list) == .command(.halfPageDown))
        #expect(map.lookup([.char("q")], context: .list) == .unbound)
        #expect(map.lookup([.char("Q")], context: .list) == .command(.quit))
        #expect(map.lookup([.char("x")], context: .list) == .unbound)
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.contains("\"explode\"") && $0.contains("unknown action") })
        #expect(warnings.contains { $0.contains("<Bogus>") })
    }

    @Test func everyCommandHasADefaultKey() {
        for command in Command.allCases {
            #expect(!Keymap.standard.keys(for: command).isEmpty, "\(command.rawValue) has no key")
        }
    }

    @Test func linksAreValidatedAndNeverGoThroughAShell() {
        #expect(LinkOpener.validate("https://example.com/a?b=c") == .success("https://example.com/a?b=c"))
        #expect(LinkOpener.validate("javascript:alert(1)") == .failure(.notWeb("javascript:alert(1)")))
        #expect(LinkOpener.validate("https://example.com/\u{1b}[2J") == .failure(.unsafe))
        #expect(LinkOpener.validate("https://exa mple.com") == .failure(.unsafe))
        #expect(LinkOpener.validate("-oProxyCommand=x") == .failure(.notWeb("-oProxyCommand=x")))
        let w3m = LinkOpener.launch(url: "https://e.com/;rm -rf", browser: "w3m")
        #expect(w3m.arguments == ["w3m", "https://e.com/;rm -rf"])
        #expect(w3m.usesTerminal)
        let firefox = LinkOpener.launch(url: "https://e.com", browser: "firefox --new-tab %s:w3m")
        #expect(firefox.arguments == ["firefox", "--new-tab", "https://e.com"])
        #expect(!firefox.usesTerminal)
        #expect(LinkOpener.launch(url: "https://e.com", browser: nil).arguments == ["xdg-open", "https://e.com"])
    }
}

/// Bare "F9" or "Up" in a config is typed characters; the config warns and suggests "<F9>".
@Suite struct NamedKeyLookalikeTests {
    @Test func bareKeyNamesWarnWithTheBracketedForm() {
        #expect(KeyNotation.namedKeyLookalike("F9") == "<F9>")
        #expect(KeyNotation.namedKeyLookalike("Up") == "<Up>")
        #expect(KeyNotation.namedKeyLookalike("pgdn") == "<PageDown>")
        #expect(KeyNotation.namedKeyLookalike("F99")?.contains("<F24>") == true)
        #expect(KeyNotation.namedKeyLookalike("Foo")?.hasPrefix("<Foo>") == true)
        for fine in ["gg", "j", "<F9>", "<Up>", "C-d", "ZZ", "g", "5j", "dd"] {
            #expect(KeyNotation.namedKeyLookalike(fine) == nil, "\(fine)")
        }
        let (map, warnings) = Keymap.standard.applying(overrides: [(keys: "F99", action: "help"), (keys: "g Up", action: "quit"),
                                                                   (keys: "<F9>", action: "help"), (keys: "gx", action: "quit")])
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.contains("\"F99\"") && $0.contains("F, 9, 9") && $0.contains("<F1>") })
        #expect(warnings.contains { $0.contains("\"Up\"") && $0.contains("<Up>") })
        // Still bound as typed, as before.
        #expect(map.lookup([.char("F"), .char("9"), .char("9")], context: .list) == .command(.help))
        #expect(map.lookup([.function(9)], context: .list) == .command(.help))
    }
}
