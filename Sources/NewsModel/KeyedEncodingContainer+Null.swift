extension KeyedEncodingContainer {
    /// Writes `null` for nil instead of leaving the key out, so every documented key of the
    /// JSON output (`parse --json`, `show --json`, `list --json`) is always present.
    public mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
