/// One key as the terminal reported it, independent of curses. Backends translate their input
/// into these; the Reader's keymap maps sequences of them to named actions.
public enum KeyPress: Sendable, Hashable {
    /// A printable character (including space).
    case char(Character)
    /// Ctrl plus a letter, stored lowercase: Ctrl-D is `.ctrl("d")`.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, escape, delete, insert
    /// F1…F12.
    case function(Int)
    /// The terminal changed size (curses sends KEY_RESIZE after SIGWINCH).
    case resize
    /// A click, double click or wheel turn at a screen cell.
    case mouse(MouseEvent)

    /// Maps a raw control code (0x00–0x1f, 0x7f) to the key it means in a raw-mode terminal.
    public static func fromControlCode(_ code: UInt32) -> KeyPress? {
        switch code {
        case 0x0d, 0x0a: return .enter
        case 0x09: return .tab
        case 0x1b: return .escape
        case 0x08, 0x7f: return .backspace
        case 0x00: return .ctrl(" ")
        case 0x01...0x1a: return .ctrl(Character(UnicodeScalar(UInt8(code + 0x60))))
        default: return nil
        }
    }
}
