import TextLayout

/// Which link each span of the pane points to, for OSC 8: the Links list's URL lines (all
/// lines of a wrapped URL), and link text by the `[n]` marker that follows it.
enum PaneLinks {
    /// The target of `span` on body line `i`, or nil.
    static func target(_ span: LayoutSpan, line i: Int, layout: ArticleLayout) -> String? {
        let links = layout.links
        guard !links.isEmpty else { return nil }
        switch span.role {
        case .linkURL:
            return layout.linkNumber(ofLine: i).map { links[$0 - 1] }
        case .link:
            // The marker after the text, on this line or (wrapped) at the start of the next.
            let line = layout.lines[i]
            let after = line.spans.drop { $0 != span }.dropFirst()
            let next = layout.lines.indices.contains(i + 1) ? layout.lines[i + 1].spans : []
            guard let marker = (after + next).first(where: { $0.role == .linkReference }) else { return nil }
            let digits = marker.text.filter(\.isNumber)
            guard let n = Int(digits), n >= 1, n <= links.count else { return nil }
            return links[n - 1]
        default:
            return nil
        }
    }
}
