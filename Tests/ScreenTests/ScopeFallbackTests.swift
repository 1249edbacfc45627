import Testing
import Screen

/// The one dotted-scope walk (themes, their resolver, the plain styles): most specific first,
/// every prefix at a dot, the scope itself even when it has no dot.
@Suite struct ScopeFallbackTests {
    @Test func walksFromTheScopeToItsRoot() {
        #expect(Array(ScopeFallback("list.selected.focused")) == ["list.selected.focused", "list.selected", "list"])
        #expect(Array(ScopeFallback("status")) == ["status"])
        #expect(Array(ScopeFallback("")) == [""])
        // Empty segments are kept as written, the same for a lookup and for the resolver.
        #expect(Array(ScopeFallback("a..b")) == ["a..b", "a.", "a"])
    }

    @Test func plainStylesFallBackAlongTheDots() {
        let plain = PlainStyles()
        #expect(plain.style("list.unread.anything.else") == plain.style("list.unread"))
        #expect(plain.style("list.unread") == Style(attributes: .bold))
        #expect(plain.style("nothing.here") == .plain)
    }
}
