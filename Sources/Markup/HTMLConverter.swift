import Foundation
import NewsModel

/// HTML → article blocks (libxml2's HTML parser). Shared by .html article files and feeds.
/// STUB: the contract; being built.
public enum HTMLConverter {
    /// Converts an HTML fragment or document. Relative links resolve against `baseURL`.
    /// Links become numbered references by the layout, not here: runs keep their `link`.
    public static func blocks(fromHTML html: String, baseURL: URL? = nil) -> [Block] {
        [Block(.paragraph, text: html)]
    }
}
