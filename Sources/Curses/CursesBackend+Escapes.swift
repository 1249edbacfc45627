import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CursesBackend {
    /// Clicks and the wheel arrive as `.mouse` keys (config `mouse = false`: not asked for).
    public func enableMouse(_ on: Bool) {
        nr_enable_mouse(on ? 1 : 0)
    }

    /// Writes a sequence the cell model has no place for (OSC 52) straight to the terminal,
    /// between frames (curses has flushed its own output by then). Callers pass sequences
    /// built from base64 only (`ClipboardEscape`), never outside text.
    public func writeEscape(_ sequence: String) {
        writeAll(sequence)
    }
}
