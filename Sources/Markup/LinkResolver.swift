import Foundation

/// Link targets from HTML/Markdown → absolute URLs (when a base is known), dropping schemes
/// that mean nothing in a terminal or are unsafe to open.
enum LinkResolver {
    static let refusedSchemes = ["javascript:", "vbscript:", "data:"]

    static func resolve(_ href: String, against base: URL?) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let lower = trimmed.lowercased()
        if refusedSchemes.contains(where: { lower.hasPrefix($0) }) { return nil }
        guard let base else { return trimmed }
        if let url = URL(string: trimmed, relativeTo: base) { return url.absoluteURL.absoluteString }
        // Spaces and other unencoded characters: encode and retry.
        if let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(["#", "%"])),
           let url = URL(string: encoded, relativeTo: base) {
            return url.absoluteURL.absoluteString
        }
        return trimmed
    }
}
