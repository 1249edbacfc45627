/// A dotted scope and the scopes it falls back to, most specific first:
/// `list.selected.focused` → `list.selected` → `list`. Themes, their resolver and the plain
/// styles all walk scopes this way. Lazy: no allocation per lookup on the drawing path.
public struct ScopeFallback: Sequence, IteratorProtocol {
    private var remaining: Substring?

    public init(_ scope: String) { remaining = scope[...] }

    public mutating func next() -> Substring? {
        guard let current = remaining else { return nil }
        remaining = current.lastIndex(of: ".").map { current[..<$0] }
        return current
    }
}
