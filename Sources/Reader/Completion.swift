/// Tab completion in progress on the command line.
public struct Completion: Sendable, Hashable {
    /// The line before the word being completed.
    public var base: String
    public var candidates: [String]
    /// The candidate shown (nil: only the common start was completed).
    public var index: Int?

    /// Candidates starting with `word`, ignoring case.
    static func matching(_ word: String, in options: [String]) -> [String] {
        let w = word.lowercased()
        return options.filter { $0.lowercased().hasPrefix(w) }
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for w in words.dropFirst() {
            while !w.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        return prefix
    }
}
