import Curses
import Reader
import ReaderEffects
import Screen
import Theming

/// The effects that need the terminal, performed on the UI thread for `EffectRunner`:
/// opening a link (a terminal browser takes the screen over), switching theme, suspending,
/// redrawing. Also draws frames. Owns the curses terminal.
final class TerminalHost: EffectHost {
    var terminal: Terminal<CursesBackend>
    var styles: any StyleProvider = PlainStyles()
    let settings: ReaderSettings
    let environment: [String: String]
    let history: CommandHistory?

    init(backend: CursesBackend, settings: ReaderSettings, environment: [String: String], history: CommandHistory? = nil) {
        terminal = Terminal(backend: backend)
        self.settings = settings
        self.environment = environment
        self.history = history
    }

    func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .openLink(let link):
            let result = openLink(link)
            return .message(result.text, isError: result.isError)
        case .setTheme(let name):
            let result = settings.switchTheme(to: name, depth: terminal.backend.colorDepth)
            if let theme = result.theme { styles = theme }
            return .message(result.message, isError: result.isError)
        case .suspend:
            terminal.backend.suspendProcess()
            terminal.invalidate()
            return nil
        case .redraw:
            terminal.invalidate()
            return nil
        case .saveHistory(let line):
            history?.append(line)
            return nil
        default:
            return nil
        }
    }

    func draw(_ state: AppState) {
        terminal.draw(state.view(styles: styles), cursor: state.cursorPosition)
    }

    func end() { terminal.backend.end() }

    private func openLink(_ link: String) -> (text: String, isError: Bool) {
        let url: String
        switch LinkOpener.validate(link) {
        case .failure(let error): return (error.description, true)
        case .success(let valid): url = valid
        }
        let launch = LinkOpener.launch(url: url, browser: settings.config.browser ?? environment["BROWSER"])
        if launch.usesTerminal {
            terminal.backend.suspend()
            let status = ChildProcess.run(launch.arguments, wait: true)
            terminal.backend.resume()
            terminal.invalidate()
            if let status, status != 0 { return ("\(launch.arguments[0]) exited with status \(status)", true) }
            return status == nil ? ("Could not start \(launch.arguments[0])", true) : ("Opened \(url)", false)
        }
        guard ChildProcess.run(launch.arguments, wait: false) != nil else {
            return ("Could not start \(launch.arguments[0]) (set $BROWSER)", true)
        }
        return ("Opened \(url) in \(launch.arguments[0])", false)
    }
}
