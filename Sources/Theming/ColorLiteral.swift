import Foundation
import Screen

/// Colour values as theme files write them: `#rrggbb` (or `#rgb`), an xterm index 0–255, one
/// of the 16 ANSI names (`red`, `bright-blue`, …) or `default` (the terminal's own colour).
public enum ColorLiteral {
    /// The 16 ANSI names, index = colour number. `bright-black` is also spelled `gray`/`grey`.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    public static func parse(_ text: String) -> Color? {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if name == "default" || name == "reset" { return .terminalDefault }
        if name.hasPrefix("#") { return hex(name.dropFirst()) }
        let normalised = name.replacingOccurrences(of: "_", with: "-")
        if let index = ansiNames.firstIndex(of: normalised) { return .ansi(UInt8(index)) }
        if normalised == "gray" || normalised == "grey" { return .ansi(8) }
        if normalised.hasPrefix("light-"), let index = ansiNames.firstIndex(of: "bright-" + normalised.dropFirst(6)) {
            return .ansi(UInt8(index))
        }
        return nil
    }

    /// An xterm index; 0–15 are the ANSI colours (so 16-colour mapping keeps them as they are).
    public static func index(_ value: Int) -> Color? {
        guard (0...255).contains(value) else { return nil }
        return value < 16 ? .ansi(UInt8(value)) : .indexed(UInt8(value))
    }

    private static func hex(_ digits: Substring) -> Color? {
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let expanded: String
        switch digits.count {
        case 6: expanded = String(digits)
        case 3: expanded = digits.map { "\($0)\($0)" }.joined()
        default: return nil
        }
        guard let value = UInt32(expanded, radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))
    }

    /// How a colour is written back (for `config --check` and previews).
    public static func format(_ color: Color) -> String {
        switch color {
        case .terminalDefault: return "default"
        case .ansi(let n): return n < 16 ? ansiNames[Int(n)] : "\(n)"
        case .indexed(let n): return "\(n)"
        case .rgb(let r, let g, let b):
            func h(_ v: UInt8) -> String { v < 16 ? "0" + String(v, radix: 16) : String(v, radix: 16) }
            return "#" + h(r) + h(g) + h(b)
        }
    }
}
