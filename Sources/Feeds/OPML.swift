import Foundation
import NewsModel

/// OPML 1.0/2.0 subscription lists: nested outlines become tags, as does the `category` attribute.
public enum OPML {
    public static func parse(data: Data) throws -> SubscriptionList {
        let decoded = FeedEncoding.decode(data, httpContentType: nil)
        let tree = try XMLTree(utf8: try XMLSanitizer.sanitize(decoded.utf8), url: nil)
        guard let root = tree.root, root.localName.lowercased() == "opml" else {
            throw FeedParserError.notAFeed("not an OPML file")
        }
        var entries: [SubscriptionEntry] = []
        var seen = Set<String>()
        func walk(_ element: XMLElement, folders: [String]) {
            for child in element.children where child.localName.lowercased() == "outline" {
                let text = nonEmpty(child.attribute("title")) ?? nonEmpty(child.attribute("text"))
                if let url = nonEmpty(child.attribute("xmlUrl") ?? child.attribute("xmlurl") ?? child.attribute("url")),
                   (child.attribute("type") ?? "rss").lowercased() != "link" || child.attribute("xmlUrl") != nil {
                    var tags = folders
                    for tag in categories(child.attribute("category")) where !tags.contains(tag) { tags.append(tag) }
                    let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
                    if seen.insert(trimmed).inserted {
                        entries.append(SubscriptionEntry(url: trimmed, title: text.map(ArticleAssembler.collapseWhitespace), tags: tags))
                    }
                    walk(child, folders: folders)
                } else {
                    let folder = text.map(ArticleAssembler.collapseWhitespace)
                    walk(child, folders: folder.map { folders.contains($0) ? folders : folders + [$0] } ?? folders)
                }
            }
        }
        for child in root.children where child.localName.lowercased() == "body" { walk(child, folders: []) }
        return SubscriptionList(entries: entries)
    }

    /// `category="/a,/b/c"` → ["a", "c"]: each comma item's last path component.
    static func categories(_ attribute: String?) -> [String] {
        guard let attribute else { return [] }
        return attribute.split(separator: ",").compactMap { item in
            let last = item.split(separator: "/").last.map { $0.trimmingCharacters(in: .whitespaces) }
            return last.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// OPML 2.0: each feed under a folder named after its first tag, all tags in `category`.
    public static func export(_ entries: [SubscriptionEntry], title: String = "newsreader subscriptions") -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
        <head><title>\(escape(title))</title></head>
        <body>

        """
        func line(_ entry: SubscriptionEntry, indent: String) -> String {
            let name = escape(entry.title ?? entry.url)
            var attributes = "type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(escape(entry.url))\""
            if !entry.tags.isEmpty {
                attributes += " category=\"\(escape(entry.tags.map { "/" + $0.replacingOccurrences(of: ",", with: " ") }.joined(separator: ",")))\""
            }
            return indent + "<outline \(attributes)/>\n"
        }
        var groups: [String: [SubscriptionEntry]] = [:]
        var order: [String] = []
        for entry in entries {
            let key = entry.tags.first ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        for key in order {
            if key.isEmpty {
                for entry in groups[key]! { out += line(entry, indent: "") }
            } else {
                out += "<outline text=\"\(escape(key))\" title=\"\(escape(key))\">\n"
                for entry in groups[key]! { out += line(entry, indent: "  ") }
                out += "</outline>\n"
            }
        }
        out += "</body>\n</opml>\n"
        return out
    }

    /// XML-escapes an attribute value. C0 (but tab and newline), DEL and C1 controls are dropped;
    /// bidi controls and U+2028/U+2029 become character references, so the export keeps them
    /// but whoever `cat`s it never gets them raw on a terminal.
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x26: out.append(contentsOf: "&amp;".unicodeScalars)
            case 0x3C: out.append(contentsOf: "&lt;".unicodeScalars)
            case 0x3E: out.append(contentsOf: "&gt;".unicodeScalars)
            case 0x22: out.append(contentsOf: "&quot;".unicodeScalars)
            case 0x09, 0x0A: out.append(scalar)
            case _ where ControlCharacter.isControl(scalar): continue
            case _ where ControlCharacter.isUnsafe(scalar):
                // Bidi controls and U+2028/U+2029: kept, as character references.
                out.append(contentsOf: "&#x\(String(scalar.value, radix: 16));".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
