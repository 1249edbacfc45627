import ArgumentParser

/// `newsreader generate-manpage` (hidden): prints `newsreader.1`. `make install` installs its
/// output; `docs/newsreader.1` is the same text, checked by a test.
struct ManPageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manpage",
        abstract: "Print the newsreader(1) man page (roff).",
        shouldDisplay: false)

    func run() throws {
        print(try ManPage.current().render(), terminator: "")
    }
}
