import Foundation
import NewsModel
import Screen
import Testing
@testable import Reader

/// `f` lists the article's links numbered as in the pane's footnotes, then its enclosures with
/// type and size; a number opens one (the link-opening effect) or y copies it (OSC 52).
@Suite struct LinkListTests {
    static func article() -> Article {
        var a = Fixtures.article()
        a.body = [
            Block(.paragraph, [InlineRun("Read "), InlineRun("the report", link: "https://example.com/report"),
                               InlineRun(" and "), InlineRun("the data", link: "https://example.org/data.csv"), InlineRun(".")]),
            Block(.paragraph, [InlineRun("Again: "), InlineRun("the report", link: "https://example.com/report")]),
        ]
        a.enclosures = [Enclosure(url: "https://cdn.example.com/episode.mp3", type: "audio/mpeg", length: 12_900_000),
                        Enclosure(url: "https://cdn.example.com/cover.jpg")]
        return a
    }

    static func opened() -> (AppState, MemoryLibrary) {
        let memory = MemoryLibrary(rows: Fixtures.rows(3), counts: Fixtures.counts, articles: [article()])
        var state = AppState(width: 120, height: 30, timeZone: Fixtures.utc, now: Fixtures.now)
        memory.run(state.start(), on: &state)
        memory.run(state.update(.key(.enter)), on: &state)
        return (state, memory)
    }

    static func type(_ keys: String, _ state: inout AppState, _ memory: MemoryLibrary) -> [Effect] {
        var all: [Effect] = []
        for key in KeyNotation.keystrokes(keys) {
            let effects = state.update(.key(key))
            all += effects
            memory.run(effects, on: &state)
        }
        return all
    }

    @Test func linksAreNumberedAsInThePaneThenEnclosures() throws {
        var (state, memory) = Self.opened()
        #expect(state.pane.content?.layout.links == ["https://example.com/report", "https://example.org/data.csv"])
        _ = Self.type("f", &state, memory)
        let items = try #require(state.linkPicker?.items)
        #expect(items.map(\.number) == [1, 2, 3, 4])
        #expect(items.map(\.url) == ["https://example.com/report", "https://example.org/data.csv",
                                     "https://cdn.example.com/episode.mp3", "https://cdn.example.com/cover.jpg"])
        #expect(items[2].detail == "audio/mpeg · 12.3 MB")
        #expect(items[3].detail == "enclosure")
        let screen = state.view(styles: PlainStyles())
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("[1] https://example.com/report"))
        #expect(text.contains("[3] audio/mpeg · 12.3 MB  https://cdn.example.com/"))
        // The same numbers as the footnotes in the pane.
        _ = Self.type("<Esc>", &state, memory)
        let pane = state.view(styles: PlainStyles()).lines.joined(separator: "\n")
        #expect(pane.contains("[2]"))
    }

    @Test func aNumberThenEnterOpensAndYCopies() {
        var (state, memory) = Self.opened()
        #expect(Self.type("f2<Enter>", &state, memory) == [.openLink("https://example.org/data.csv")])
        #expect(state.linkPicker == nil)
        #expect(Self.type("f3y", &state, memory) == [.copyToClipboard("https://cdn.example.com/episode.mp3")])
        #expect(Self.type("f9<Enter>", &state, memory).isEmpty)
        #expect(state.message == StatusMessage(text: "No link 9", isError: true))
        #expect(state.linkPicker != nil, "stays open to try again")
        _ = Self.type("q", &state, memory)
        #expect(state.linkPicker == nil)
        #expect(!state.quitRequested, "q closes the list, not the reader")
        // y outside the list copies the article's own link.
        #expect(Self.type("y", &state, memory) == [.copyToClipboard("https://example.com/articles/2026/11/long-article")])
    }

    @Test func withoutAnArticleFSaysSo() {
        var state = Fixtures.state(width: 120, height: 30)
        Fixtures.type("f", into: &state)
        #expect(state.linkPicker == nil)
        #expect(state.message?.text == "Open an article (Enter) to list its links")
    }

    @Test func osc52IsBase64AndNeverCarriesControls() {
        let seq = ClipboardEscape.osc52("https://example.com/\u{1b}]0;evil\u{07}")!
        #expect(seq.hasPrefix("\u{1b}]52;c;") && seq.hasSuffix("\u{1b}\\"))
        let payload = seq.dropFirst(7).dropLast(2)
        #expect(payload.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) })
        #expect(Data(base64Encoded: String(payload)) == Data("https://example.com/\u{1b}]0;evil\u{07}".utf8))
        #expect(ClipboardEscape.osc52(String(repeating: "x", count: 10_000)) == nil)
    }
}
