import CNcursesw
import NewsModel
import Screen

/// wget_wch results → KeyPress.
enum CursesInput {
    static func translate(result: Int32, code: UInt32) -> KeyPress? {
        if result == ERR { return nil }
        if result == nr_key_code_yes() { return functionKey(Int32(bitPattern: code)) }
        if ControlCharacter.isC0(code) || ControlCharacter.isDelete(code) { return KeyPress.fromControlCode(code) }
        guard let scalar = Unicode.Scalar(code), !ControlCharacter.isC1(code) else { return nil }
        return .char(Character(scalar))
    }

    static func functionKey(_ code: Int32) -> KeyPress? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case nr_key_resize(): return .resize
        case nr_key_mouse(): return mouseEvent()
        case (KEY_F0 + 1)...(KEY_F0 + 24): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    static func mouseEvent() -> KeyPress? {
        var x: Int32 = 0, y: Int32 = 0
        let kinds: [Int32: MouseEvent.Kind] = [1: .click, 2: .doubleClick, 3: .wheelUp, 4: .wheelDown]
        guard let kind = kinds[nr_get_mouse(&x, &y)] else { return nil }
        return .mouse(MouseEvent(kind, x: Int(x), y: Int(y)))
    }
}
