/// JSON string literals written by hand where an encoder is not used (the stored tags column)
/// and the `\uXXXX` escape the CLI also applies to whole encoder output. One writer, so the
/// stored bytes and the printed JSON escape the same way.
public enum JSONString {
    /// `s` as a JSON string literal: `"`, `\` and C0 controls escaped (`\n`, `\r`, `\t`, else
    /// `\u001b`); everything else, non-ASCII included, is kept as it is.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where ControlCharacter.isC0(scalar): out += unicodeEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `\u` and four lowercase hex digits, for a scalar in the Basic Multilingual Plane.
    public static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
