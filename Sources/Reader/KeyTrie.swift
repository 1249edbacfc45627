import Screen

/// Key sequences of one context as a trie: each key walks one level, a node with a command
/// ends a binding. Inserting a binding drops the ones it shadows or is shadowed by (a
/// binding on a prefix of it, or longer ones starting with it).
struct KeyTrie: Sendable, Hashable {
    private var command: Command?
    private var children: [KeyPress: KeyTrie] = [:]

    init() {}

    enum Match: Equatable {
        case command(Command)
        case pending
        case none
    }

    func match(_ keys: some Collection<KeyPress>) -> Match {
        var node = self
        for key in keys {
            if node.command != nil { return .none }  // the binding ended before these keys did
            guard let next = node.children[key] else { return .none }
            node = next
        }
        if let command = node.command { return .command(command) }
        return node.children.isEmpty ? .none : .pending
    }

    /// Binds `keys` (nil unbinds them), replacing what clashes with them.
    mutating func set(_ keys: ArraySlice<KeyPress>, _ command: Command?) {
        guard let key = keys.first else {
            self.command = command
            children = [:]
            return
        }
        self.command = nil
        var child = children[key] ?? KeyTrie()
        child.set(keys.dropFirst(), command)
        children[key] = child.isEmpty ? nil : child
    }

    var isEmpty: Bool { command == nil && children.isEmpty }
}
