/// One drawable unit: what occupies one terminal cell (width 1) or two (width 2).
/// `text` is a spacing character plus any combining marks, already safe to send to a terminal.
public struct DisplayUnit: Sendable, Hashable {
    public var text: String
    public var width: Int
    public init(text: String, width: Int) {
        self.text = text
        self.width = width
    }
}
