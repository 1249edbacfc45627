import Testing
@testable import Store

/// The byte-level `SearchText.indexForm` must index exactly as the scalar-level original did:
/// libraries indexed before it are updated and deleted by re-computing the old indexed text.
@Suite struct IndexFormTests {
    /// The original scalar-by-scalar implementation, kept as the reference.
    static func reference(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            out.append(" ")
            for i in 0..<(run.count - 1) {
                out.append(run[i])
                out.append(run[i + 1])
                out.append(" ")
            }
            out.append(run[run.count - 1])
            out.append(" ")
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if SearchText.isCJK(scalar) { run.append(scalar) } else { flushRun(); out.append(scalar) }
        }
        flushRun()
        return String(out)
    }

    @Test func matchesTheScalarImplementationOnMixedText() {
        let pieces = ["a", "Zürich", " ", "Ελλάδα", "日本語", "を", "々", "ー", "ｶﾀｶﾅ", "한국어", "𠀋𡈽",
                      "👍", "🇩🇪", "e\u{301}", "\u{0E01}", "\u{1100}", "\u{10FF}", "\u{FFFD}", "\n", "2026", "。"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<400 {
            var s = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for k in 0..<Int(state >> 60) + 1 {
                let pick = Int((state >> UInt64(4 * (k % 14))) & 0xFF) % pieces.count
                s += pieces[pick]
            }
            #expect(SearchText.indexForm(s) == Self.reference(s), "\(s.debugDescription)")
        }
        for s in ["", "plain ascii", "日", "本日の会議では、新しいリリース計画。", "東京2026年", "👍日本👍"] {
            #expect(SearchText.indexForm(s) == Self.reference(s))
        }
    }
}
