import CNcursesw
import Glibc
import NewsModel
import Screen

public enum CursesError: Error, CustomStringConvertible {
    case cannotStart(terminal: String)
    public var description: String {
        switch self {
        case .cannotStart(let terminal):
            return "cannot start the terminal UI: terminal type \"\(terminal)\" is unknown or stdin/stdout is not a terminal (set TERM, e.g. TERM=xterm-256color)"
        }
    }
}

/// The curses implementation of `Backend`: the only code that talks to ncursesw.
/// Not thread-safe: create, draw and read keys on one thread, and call `end()` before exit.
public struct CursesBackend: Backend {
    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    public let colorDepth: ColorDepth
    private var colors: CursesColors
    private var ended = false
    /// The descriptor curses writes to (OSC 8 and OSC 52 go there between its flushes).
    let outputFD: Int32
    /// Send OSC 8 around linked cells (config `hyperlinks`).
    public var hyperlinks = false
    /// Runs of linked cells drawn since the last flush: (row, column, columns, target).
    var linkRuns: [(y: Int, x: Int, width: Int, link: String)] = []

    /// Sets the locale so wide characters work: the user's, or C.UTF-8 when that is not UTF-8.
    /// Returns the codeset in use.
    @discardableResult
    public static func prepareLocale() -> String {
        setlocale(LC_ALL, "")
        if !isUTF8() {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
        return String(cString: nl_langinfo(nl_item(CODESET)))
    }

    private static func isUTF8() -> Bool {
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }

    /// Starts curses on the given streams (defaults: the process's stdin/stdout and $TERM).
    /// Tests pass /dev/null streams and an explicit terminal type.
    public init(terminalType: String? = nil, input: UnsafeMutablePointer<FILE>? = nil,
                output: UnsafeMutablePointer<FILE>? = nil,
                environment: [String: String] = [:]) throws {
        CursesBackend.prepareLocale()
        let out = output ?? fdopen(1, "w")
        let inp = input ?? fdopen(0, "r")
        let term = terminalType ?? environment["TERM"]
        guard let out, let inp,
              let screen = term.map({ t in t.withCString { newterm($0, out, inp) } }) ?? newterm(nil, out, inp)
        else { throw CursesError.cannotStart(terminal: term ?? "(unset)") }
        self.screen = screen
        outputFD = fileno(out)
        set_term(screen)
        window = nr_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        leaveok(window, false)
        scrollok(window, false)
        var depth = ColorDepth.none
        if has_colors() {
            start_color()
            use_default_colors()
            depth = ColorDepth.detect(environment: environment, terminalColors: Int(nr_colors()))
        }
        colorDepth = depth
        colors = CursesColors(depth: depth, terminalColors: Int(nr_colors()), maxPairs: Int(nr_color_pairs()))
    }

    public func size() -> (width: Int, height: Int) {
        (Int(nr_getmaxx(window)), Int(nr_getmaxy(window)))
    }

    public mutating func draw(_ changes: [(x: Int, y: Int, cell: Cell)]) {
        var wide: [wchar_t] = Array(repeating: 0, count: Int(nr_ccharw_max()) + 1)
        for change in changes {
            let cell = change.cell
            var n = 0
            for scalar in cell.text.unicodeScalars where n < wide.count - 1 {
                // Defence in depth: views sanitise, but no C0/DEL/C1 control ever reaches curses.
                if ControlCharacter.isControl(scalar) { continue }
                wide[n] = wchar_t(bitPattern: scalar.value)
                n += 1
            }
            if n == 0 { wide[0] = 0x20; n = 1 }
            wide[n] = 0
            let (attrs, pair) = colors.attributesAndPair(for: cell.style)
            _ = nr_mvadd_cell(window, Int32(change.y), Int32(change.x), wide, attrs, pair)
        }
        if hyperlinks { collectLinkRuns(changes) }
    }

    public mutating func setCursor(x: Int, y: Int, visible: Bool) {
        if visible { wmove(window, Int32(y), Int32(x)) }
        curs_set(visible ? 1 : 0)
    }

    /// Forgets the screen: the next refresh repaints every cell.
    public mutating func clear() {
        werase(window)
        clearok(window, true)
    }

    public mutating func flush() {
        wnoutrefresh(window)
        doupdate()
        if !linkRuns.isEmpty { redrawLinkRuns() }
    }

    /// Waits up to `milliseconds` (negative: forever) for a key; nil on timeout.
    public func readKey(timeout milliseconds: Int32) -> KeyPress? {
        wtimeout(window, milliseconds)
        var ch: wint_t = 0
        let result = wget_wch(window, &ch)
        return CursesInput.translate(result: result, code: UInt32(ch))
    }

    /// Leaves curses mode so another program can use the terminal (a terminal browser, Ctrl-Z).
    public func suspend() {
        endwin()
    }

    /// Comes back after `suspend()`; the caller then redraws everything.
    public mutating func resume() {
        refresh()
        clear()
    }

    /// Restores the terminal. Safe to call more than once.
    public mutating func end() {
        guard !ended else { return }
        ended = true
        endwin()
        delscreen(screen)
    }
}

extension CursesBackend {
    /// Ctrl-Z: leaves curses, stops the process like a shell's SIGTSTP, and comes back on `fg`.
    /// The caller redraws everything afterwards.
    public mutating func suspendProcess() {
        endwin()
        var dfl = sigaction()
        dfl.__sigaction_handler.sa_handler = SIG_DFL
        var old = sigaction()
        sigaction(SIGTSTP, &dfl, &old)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &old, nil)
        resume()
    }
}

extension CursesBackend {
    /// Restores the terminal from a signal thread while the UI thread is stuck in a frame, just
    /// before the process exits. ncurses is not thread-safe, but this only runs after
    /// `TerminalSignals.claimTerminal()` kept the UI thread from ending curses itself, and the
    /// process `_exit`s right after: endwin only resets the tty modes and leaves the
    /// alternate screen.
    public static func restoreTerminalBeforeExit() {
        endwin()
    }
}
