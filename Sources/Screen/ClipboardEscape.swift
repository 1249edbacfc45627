import Foundation

/// OSC 52: asks the terminal to put text on the system clipboard. The text travels as base64,
/// so nothing in it can end the sequence or start another one.
public enum ClipboardEscape {
    /// `ESC ] 52 ; c ; BASE64 ESC \`, or nil when the text is too long for terminals to accept.
    public static func osc52(_ text: String, limit: Int = 8192) -> String? {
        let data = Data(text.utf8)
        guard !data.isEmpty, data.count <= limit else { return nil }
        return "\u{1b}]52;c;" + data.base64EncodedString() + "\u{1b}\\"
    }
}
