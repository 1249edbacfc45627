import Foundation
import NewsModel
import Screen

extension AppState {
    /// The open article's links (as numbered in the pane) then its enclosures.
    var linkItems: [LinkItem] {
        guard let article = pane.article else { return [] }
        let links = pane.content?.layout.links ?? []
        var items = links.enumerated().map { LinkItem(number: $0.offset + 1, url: $0.element, detail: "") }
        for (i, e) in article.enclosures.enumerated() {
            let detail = [e.type ?? "enclosure", e.length.map(Self.size) ?? ""].filter { !$0.isEmpty }.joined(separator: " · ")
            items.append(LinkItem(number: links.count + i + 1, url: e.url, detail: detail))
        }
        return items
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.0f KB", Double(bytes) / 1024) }
        if bytes < 1024 * 1024 * 1024 { return String(format: "%.1f MB", Double(bytes) / 1048576) }
        return String(format: "%.1f GB", Double(bytes) / 1073741824)
    }

    mutating func openLinkPicker() -> [Effect] {
        guard pane.article != nil else {
            message = StatusMessage(text: "Open an article (Enter) to list its links", isError: true)
            return []
        }
        let items = linkItems
        guard !items.isEmpty else {
            message = StatusMessage(text: "This article has no links", isError: false)
            return []
        }
        linkPicker = LinkPicker(items: items)
        return []
    }

    /// Digits pick a number; Enter opens it, y copies it; j/k scroll; Esc, q or f close.
    mutating func handleLinkPickerKey(_ key: KeyPress) -> [Effect] {
        guard var picker = linkPicker else { return [] }
        message = nil
        let chosen = Int(picker.typed).flatMap { n in picker.items.first { $0.number == n } }
        switch key {
        case .char(let c) where c.isASCII && c.isNumber:
            if picker.typed.count < 5 { picker.typed.append(c) }
        case .backspace:
            if !picker.typed.isEmpty { picker.typed.removeLast() }
        case .enter, .char("o"):
            guard let chosen else { return noSuchLink(picker) }
            linkPicker = nil
            return [.openLink(chosen.url)]
        case .char("y"):
            guard let chosen else { return noSuchLink(picker) }
            linkPicker = nil
            return [.copyToClipboard(chosen.url)]
        case .char("j"), .down: picker.top = min(picker.top + 1, max(0, picker.items.count - 1))
        case .char("k"), .up: picker.top = max(0, picker.top - 1)
        case .escape, .char("q"), .char("f"), .ctrl("c"):
            linkPicker = nil
            return []
        default:
            return []
        }
        linkPicker = picker
        return []
    }

    private mutating func noSuchLink(_ picker: LinkPicker) -> [Effect] {
        message = StatusMessage(text: picker.typed.isEmpty ? "Type a link's number first" : "No link \(picker.typed)", isError: true)
        linkPicker?.typed = ""
        return []
    }
}
