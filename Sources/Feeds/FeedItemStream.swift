import CLibXML2
import Foundation

/// Picks a feed's items out of the document while libxml2 is still building it. An item of the
/// main list (RSS: the first `<channel>`; RDF and Atom: the root) is read the moment its end tag
/// is parsed and its content freed, so the tree holds one item at a time instead of the whole
/// feed (a tree is about ten times the feed's size). Items elsewhere (RSS items beside the
/// channel, an item left open by a truncated document) stay in the tree and are read after the
/// parse, in the same order a whole-tree parse reads them.
final class FeedItemStream {
    private var format: FeedFormat??
    private var root: xmlNodePtr?
    private var firstChannel: xmlNodePtr?

    /// True when this closing element is an item of the main list, to be read now.
    func isStreamedItem(_ element: XMLElement) -> Bool {
        guard let parent = element.node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return false }
        if format == nil {
            root = element.node.pointee.doc.flatMap { xmlDocGetRootElement($0) }
            format = root.map { FeedParser.format(ofRoot: XMLElement(node: $0, tree: element.tree)) } ?? nil
        }
        switch format {
        case .atom??:
            return parent == root && element.key(bare: AtomParser.bare) == "entry"
        case .rdf??:
            return parent == root && element.key(bare: RSSParser.bare) == "item"
        case .rss??:
            guard parent.pointee.parent == root, element.key(bare: RSSParser.bare) == "item" else { return false }
            return parent == channel(element.tree)
        default:
            return false
        }
    }

    /// The root's first `<channel>` child: the parent whose items a whole-tree parse reads first.
    private func channel(_ tree: XMLTree) -> xmlNodePtr? {
        if let firstChannel { return firstChannel }
        guard let root else { return nil }
        firstChannel = XMLElement(node: root, tree: tree).children
            .first { $0.key(bare: RSSParser.bare) == "channel" }?.node
        return firstChannel
    }
}
