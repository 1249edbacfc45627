/// A mouse event at a screen cell (0-based column and row).
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case click, doubleClick, wheelUp, wheelDown
    }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
