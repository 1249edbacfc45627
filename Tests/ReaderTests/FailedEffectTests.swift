import Testing
import Screen
@testable import Reader

/// A failed store write (bookmark, read state) must not drop a page load in flight, or the list
/// keeps showing placeholder rows; only a failed page load clears it.
@Suite struct FailedEffectTests {
    @Test func aFailedBookmarkSaveKeepsThePageLoadInFlight() throws {
        let rows = Fixtures.rows(100_000)
        var state = Fixtures.state(width: 120, height: 30, rows: rows)
        let effects = state.update(.key(.char("G")))
        let request = try #require(effects.compactMap { effect -> PageRequest? in
            if case .loadPage(let r) = effect { return r } else { return nil }
        }.first)
        #expect(state.list.inFlight == request)

        _ = state.update(.failed("Could not save the bookmark: disk I/O error"))
        #expect(state.list.inFlight == request, "a failed write dropped the page load")
        #expect(state.message?.isError == true)
        // A failure of another (stale) page request does not drop it either.
        var stale = request
        stale.generation -= 1
        _ = state.update(.pageFailed(stale, "old page failed"))
        #expect(state.list.inFlight == request)

        // The page still lands: the last rows are shown, not placeholders.
        let memory = MemoryLibrary(rows: rows, counts: Fixtures.counts, articles: [])
        memory.run([.loadPage(request)], on: &state)
        #expect(state.list.inFlight == nil)
        #expect(state.list.cursor == 99_999)
        #expect(state.list.selected?.id == rows[99_999].id)

        // A failed page load does clear it (so the next load can start).
        let again = state.update(.key(.char("g"))) + state.update(.key(.char("g")))
        if let r = again.compactMap({ effect -> PageRequest? in if case .loadPage(let r) = effect { return r } else { return nil } }).first {
            #expect(state.list.inFlight == r)
            _ = state.update(.pageFailed(r, "Could not load articles"))
            #expect(state.list.inFlight == nil)
        } else {
            Issue.record("gg from the end should load the first page")
        }
    }
}
