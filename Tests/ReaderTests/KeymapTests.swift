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
        // Found by fuzzing (Fuzz/, target keys): a combining mark after the separating space
        // joined it into one Character, so this notation did not parse back.
        let marks: [KeyPress] = [.char("a"), .char("\u{301}")]
        #expect(KeyNotation.format(marks) == "a \u{301}")
        #expect(KeyNotation.parse(KeyNotation.format(marks)) == marks)
        #expect(KeyNotation.parse("\u{301}") == [.char("\u{301}")])
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

    /// `[keys.list] "<Esc>" = …` rebinds Esc in the list only: the pane keeps its close.
    @Test func aContextOverrideLeavesTheOtherContextsAlone() {
        let (map, warnings) = Keymap.standard.applying(overrides: [(keys: "<Esc>", action: "quit"), (keys: "g", action: "last")],
                                                       in: .list)
        #expect(warnings.isEmpty)
        #expect(map.lookup([.escape], context: .list) == .command(.quit))
        #expect(map.lookup([.escape], context: .pane) == .command(.close))
        #expect(map.lookup([.escape], context: .sidebar) == .unbound)
        // "g" in the list shadows the everywhere "g g" there only.
        #expect(map.lookup([.char("g")], context: .list) == .command(.last))
        #expect(map.lookup([.char("g")], context: .pane) == .pending)
        #expect(map.lookup([.char("g"), .char("g")], context: .pane) == .command(.first))
        // Unbinding in a context falls through to the everywhere binding, not to nothing.
        let (unbound, _) = Keymap.standard.applying(overrides: [(keys: "<Esc>", action: "none")], in: .pane)
        #expect(unbound.lookup([.escape], context: .pane) == .unbound)
        #expect(unbound.lookup([.escape], context: .help) == .command(.close))
    }

    /// `[keys]` means everywhere, as before: it replaces clashing bindings in every context.
    @Test func anEverywhereOverrideReplacesContextBindings() {
        let (map, _) = Keymap.standard.applying(overrides: [(keys: "<Esc>", action: "help")])
        #expect(map.lookup([.escape], context: .pane) == .command(.help))
        #expect(map.lookup([.escape], context: .list) == .command(.help))
        // The help screen's own q still closes it; q elsewhere still quits.
        #expect(map.lookup([.char("q")], context: .help) == .command(.close))
        #expect(map.lookup([.char("q")], context: .list) == .command(.quit))
    }

    @Test func argumentCommandsCannotBeBoundToKeys() {
        let (map, warnings) = Keymap.standard.applying(overrides: [(keys: "T", action: "theme")])
        #expect(map.lookup([.char("T")], context: .list) == .unbound)
        #expect(warnings.count == 1 && warnings[0].contains("needs an argument"), "\(warnings)")
    }

    @Test func oneNamespaceForKeysAndPromptCommands() {
        #expect(Command(named: "q") == .quit)
        #expect(Command(named: "h") == .help)
        #expect(Command(named: "half-page-down") == .halfPageDown)
        #expect(Command(named: "nope") == nil)
        var state = Fixtures.state(width: 120, height: 30, rows: Fixtures.rows(40))
        Fixtures.type(":half-page-down<Enter>", into: &state, rows: Fixtures.rows(40))
        #expect(state.list.cursor > 1)
        Fixtures.type(":theme<Enter>", into: &state, rows: Fixtures.rows(40))
        #expect(state.message?.text == "Usage: :theme NAME")
        #expect(state.update(.key(.char(":"))).isEmpty)
        for key in KeyNotation.keystrokes("theme nord") { _ = state.update(.key(key)) }
        #expect(state.update(.key(.enter)) == [.saveHistory("theme nord"), .setTheme("nord")])
        // The help screen lists the prompt commands from the same table.
        let help = HelpView.lines(.standard).map { $0.keys + " " + $0.text }
        #expect(help.contains(":theme NAME Switch to another theme"))
        #expect(help.contains(":q Quit"))
    }

    /// The prompt is a context too: its bindings edit, everything else is typed (so "q" and
    /// "j" do not quit or move), and `[keys.prompt]` rebinds there only.
    @Test func thePromptHasItsOwnBindings() {
        let (map, warnings) = Keymap.standard.applying(overrides: [(keys: "C-k", action: "prompt-clear")], in: .prompt)
        #expect(warnings.isEmpty)
        var state = Fixtures.state(width: 120, height: 30, keymap: map)
        Fixtures.type(":jq", into: &state)
        #expect(state.prompt?.text == "jq")
        #expect(!state.quitRequested)
        Fixtures.type("<BS>", into: &state)
        #expect(state.prompt?.text == "j")
        Fixtures.type("<C-k>", into: &state)
        #expect(state.prompt?.text == "")
        #expect(map.lookup([.ctrl("k")], context: .list) == .unbound)
        Fixtures.type("<C-c>", into: &state)
        #expect(state.prompt == nil)
        #expect(!state.quitRequested, "C-c cancels the prompt, it does not quit")
    }

    @Test func everyCommandHasADefaultKey() {
        // :undo needs no key of its own: u right after mark-all-read undoes.
        for command in Command.allCases where command.argument == nil && command != .undo {
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
