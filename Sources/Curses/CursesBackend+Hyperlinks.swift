import CNcursesw
import Glibc
import NewsModel
import Screen

/// OSC 8 hyperlinks. Curses has no notion of them, so after each frame every run of linked
/// cells that changed is sent again on its own: curses is told those cells are stale on the
/// terminal (its picture of the screen, `curscr`, gets a placeholder there), the link is
/// opened on the same stream, `doupdate` prints exactly those cells with their own
/// attributes, and the link is closed. Cursor moves print nothing, so only the run is linked.
extension CursesBackend {
    /// A target safe inside OSC 8: printable ASCII without spaces, at most 2 KB, and no "$<"
    /// (a delay to terminfo's output routine); else nil.
    public static func hyperlinkTarget(_ link: String) -> String? {
        let bytes = Array(link.utf8)
        guard !bytes.isEmpty, bytes.count <= 2048, bytes.allSatisfy(ControlCharacter.isVisibleASCII(byte:)), !link.contains("$<") else { return nil }
        return link
    }

    mutating func collectLinkRuns(_ changes: [(x: Int, y: Int, cell: Cell)]) {
        for change in changes {
            guard let link = change.cell.link, let target = Self.hyperlinkTarget(link) else { continue }
            let width = max(1, Int(change.cell.width))
            if let last = linkRuns.last, last.y == change.y, last.x + last.width == change.x, last.link == target {
                linkRuns[linkRuns.count - 1].width += width
            } else {
                linkRuns.append((change.y, change.x, width, target))
            }
        }
    }

    func writeAll(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(outputFD, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }

    mutating func redrawLinkRuns() {
        let runs = linkRuns
        linkRuns = []
        let stale = [wchar_t(0x7e), 0]
        let curscr = nr_curscr()
        for run in runs {
            for x in run.x..<(run.x + run.width) {
                _ = nr_mvadd_cell(curscr, Int32(run.y), Int32(x), stale, nr_a_blink() | nr_a_invis(), 0)
            }
            // The row must be looked at again: curses compares only lines marked changed.
            wtouchln(window, Int32(run.y), 1, 1)
            wnoutrefresh(window)
            // doupdate flushes curses' own buffer, so bytes written to the descriptor in
            // between land in order.
            writeAll("\u{1b}]8;;\(run.link)\u{1b}\\")
            doupdate()
            writeAll("\u{1b}]8;;\u{1b}\\")
        }
    }
}
