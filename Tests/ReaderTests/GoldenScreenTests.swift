import Screen
import Testing
@testable import Reader

/// The main states as full screens, frame after frame through one diffing `Terminal`, at three
/// sizes (three panes, stacked, narrow). Re-record with NEWSREADER_RECORD_GOLDEN=1.
@Suite struct GoldenScreenTests {
    static let steps: [(keys: String, label: String)] = [
        ("", "start: list focused"),
        ("j", "j: second row"),
        ("<Enter>", "Enter: article open"),
        ("/fox<Enter>", "/fox: matches highlighted"),
        ("n", "n: next match"),
        ("<Esc>", "Esc: back to the list"),
        ("h", "h: sidebar focused"),
        ("<F1>", "F1: help"),
        ("<Esc>", "Esc: help closed"),
        (":the", "typing a command"),
    ]

    @Test(arguments: [(120, 30), (80, 24), (40, 12)])
    func mainStates(width: Int, height: Int) throws {
        var state = Fixtures.state(width: width, height: height)
        var golden = GoldenScreen("reader-\(width)x\(height)", width: width, height: height)
        for step in Self.steps {
            Fixtures.type(step.keys, into: &state)
            golden.draw(state.view(styles: PlainStyles()), cursor: state.cursorPosition, label: step.label)
        }
        // A resize: the next frame is drawn whole at the new size.
        _ = state.update(.resize(width: width - 7, height: height - 3))
        golden.draw(state.view(styles: PlainStyles()), cursor: state.cursorPosition, label: "resized")
        try golden.check()
    }
}
