import Foundation
import NewsModel

/// Link targets from HTML/Markdown/feeds → absolute URLs (when a base is known), dropping
/// schemes that mean nothing in a terminal or are unsafe to open. IRIs (non-ASCII paths,
/// queries, host names) resolve too and come out percent-encoded (hosts in punycode).
public enum LinkResolver {
    static let refusedSchemes = ["javascript:", "vbscript:", "data:"]

    private static func isPlainAbsolute(_ href: String) -> Bool {
        guard href.hasPrefix("https://") || href.hasPrefix("http://") else { return false }
        // Characters URL would reject or re-encode take the slow path.
        return !href.utf8.contains(where: { !ControlCharacter.isVisibleASCII(byte: $0) || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") })
    }

    /// `href` resolved against `base` as a URL, for use as the next base (xml:base chains).
    public static func resolveURL(_ href: String, against base: URL?) -> URL? {
        guard let resolved = resolve(href, against: base) else { return nil }
        return URL(string: resolved) ?? resolved.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(["#", "%"]))
            .flatMap { URL(string: $0) }
    }

    /// A refused scheme as a browser reads it: URL parsing (WHATWG) drops leading C0 controls
    /// and spaces and removes tabs and newlines anywhere, so "java\rscript:" is javascript:.
    /// Found by fuzzing (Fuzz/, target html-blocks).
    static func runsScript(_ href: String) -> Bool {
        var head = String.UnicodeScalarView()
        for scalar in href.unicodeScalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            if head.isEmpty && scalar.value <= 0x20 { continue }
            head.append(scalar)
            if head.count >= 11 { break }  // "javascript:", the longest refused scheme
        }
        let lower = String(head).lowercased()
        return refusedSchemes.contains { lower.hasPrefix($0) }
    }

    public static func resolve(_ href: String, against base: URL?) -> String? {
        let trimmed = href.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        // Already absolute web links (most feed links) need no URL parsing.
        if Self.isPlainAbsolute(trimmed) { return trimmed }
        if runsScript(trimmed) { return nil }
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
