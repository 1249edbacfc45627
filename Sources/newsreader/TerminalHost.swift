import Curses
import Reader
import ReaderEffects
import Screen
import Theming

/// The effects that need the terminal, performed for `EffectRunner`: opening a link (a
/// terminal browser takes the screen over, on the UI thread; a GUI browser is started in the
/// background), switching theme, suspending, redrawing. Also draws frames. Owns the curses
/// terminal.
final class TerminalHost: EffectHost {
    var terminal: Terminal<CursesBackend>
    var styles: any StyleProvider = PlainStyles()
    let settings: ReaderSettings
    let environment: [String: String]
    let history: CommandHistory?
    /// `:add`: discovery and subscription, run as background work.
    var subscriber: FeedSubscriber?

    init(backend: CursesBackend, settings: ReaderSettings, environment: [String: String], history: CommandHistory? = nil) {
        terminal = Terminal(backend: backend)
        self.settings = settings
        self.environment = environment
        self.history = history
    }

    func perform(_ effect: Effect) -> HostResult {
        switch effect {
        case .openLink(let link):
            return openLink(link)
        case .setTheme(let name):
            let result = settings.switchTheme(to: name, depth: terminal.backend.colorDepth)
            if let theme = result.theme { styles = theme }
            return .done(.message(result.message, isError: result.isError))
        case .suspend:
            terminal.backend.suspendProcess()
            terminal.invalidate()
            return .done(nil)
        case .redraw:
            terminal.invalidate()
            return .done(nil)
        case .copyToClipboard(let text):
            guard settings.config.osc52 else {
                return .done(.message("Copying needs osc52 = true in config.toml (the terminal must allow OSC 52)", isError: true))
            }
            guard let sequence = ClipboardEscape.osc52(text) else {
                return .done(.message("Too long to copy", isError: true))
            }
            terminal.backend.writeEscape(sequence)
            return .done(.message("Copied \(text)", isError: false))
        case .addFeed(let location, let all):
            guard let subscriber else { return .done(nil) }
            return .background { subscriber.add(location, all: all) }
        case .saveHistory(let line):
            history?.append(line)
            return .done(nil)
        default:
            return .done(nil)
        }
    }

    func draw(_ state: AppState) {
        terminal.draw(state.view(styles: styles), cursor: state.cursorPosition)
    }

    func end() { terminal.backend.end() }

    private func openLink(_ link: String) -> HostResult {
        let url: String
        switch LinkOpener.validate(link) {
        case .failure(let error): return .done(.message(error.description, isError: true))
        case .success(let valid): url = valid
        }
        let launch = LinkOpener.launch(url: url, browser: settings.config.browser ?? environment["BROWSER"])
        let program = launch.arguments[0]
        if launch.usesTerminal {
            terminal.backend.suspend()
            let status = ChildProcess.run(launch.arguments, wait: true)
            terminal.backend.resume()
            terminal.invalidate()
            if let status, status != 0 { return .done(.message("\(program) exited with status \(status)", isError: true)) }
            return .done(status == nil ? .message("Could not start \(program)", isError: true) : .message("Opened \(url)", isError: false))
        }
        return .background {
            guard ChildProcess.run(launch.arguments, wait: false) != nil else {
                return .message("Could not start \(program) (set $BROWSER)", isError: true)
            }
            return .message("Opened \(url) in \(program)", isError: false)
        }
    }
}
