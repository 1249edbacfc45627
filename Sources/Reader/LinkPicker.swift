/// One row of the `f` list: a link numbered as in the pane's footnotes, or an enclosure
/// (numbered after the links) with its type and size.
public struct LinkItem: Sendable, Hashable {
    public var number: Int
    public var url: String
    /// "audio/mpeg · 12.3 MB" for enclosures; empty for links.
    public var detail: String
}

/// `f`: the list of the open article's links, and the number typed so far.
public struct LinkPicker: Sendable, Hashable {
    public var items: [LinkItem]
    public var typed = ""
    public var top = 0
}
