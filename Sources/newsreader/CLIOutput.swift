import Foundation
import Markup
import NewsModel
import Store
import TerminalText

/// Printing helpers shared by the scripting subcommands. Everything that came from outside
/// (titles, text, tags) goes through `clean` before it reaches a terminal; JSON output is
/// escaped by the encoder instead.
enum CLIOutput {
    static func clean(_ text: String) -> String { DisplayWidth.sanitize(text) }

    /// Multi-line text with each line sanitised (line breaks kept).
    static func cleanLines(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { clean(String($0)) }.joined(separator: "\n")
    }

    /// One line, cut to `width` terminal columns.
    static func line(_ text: String, width: Int) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return DisplayWidth.truncate(oneLine, toWidth: width)
    }

    static func iso(_ date: Date?) -> String? { date.map(ParsedDocumentJSON.isoString) }

    /// `2024-05-01` in UTC.
    static func day(_ date: Date) -> String { String(ParsedDocumentJSON.isoString(date).prefix(10)) }

    static func section(_ path: [String]) -> String { path.joined(separator: " > ") }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        printJSONText(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Every JSON the CLI prints goes through here. JSONEncoder escapes only < U+0020; DEL, C1
    /// controls, bidi controls (which reorder what the terminal shows) and U+2028/U+2029 become
    /// `\uXXXX` too. Outside strings JSON is ASCII, so escaping every such scalar is exact.
    static func printJSONText(_ json: String) {
        print(escapedJSON(json))
    }

    static func escapedJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: mustEscape) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if mustEscape(scalar) {
                out.append(contentsOf: JSONString.unicodeEscape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// DEL and C1, bidi embeddings/overrides/isolates and marks, line/paragraph separators: the
    /// unsafe scalars but C0, which the encoder already escapes in strings and which outside
    /// strings are the pretty-printer's own newlines.
    static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        ControlCharacter.isUnsafe(scalar) && !ControlCharacter.isC0(scalar)
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((clean(message) + "\n").utf8))
    }

    /// `3f9c…  2024-05-01  *B Title — SECTION > Sub` (`*` unread, `B` bookmarked).
    static func listLine(_ s: ArticleSummary) -> String {
        let flags = (s.read ? " " : "*") + (s.bookmarked ? "B" : " ")
        var text = "\(s.id)  \(day(s.sortDate))  \(flags) \(line(s.title, width: 80))"
        if !s.section.isEmpty { text += " — " + line(section(s.section), width: 40) }
        return text
    }
}

/// JSON of an article list row: `list`, `search` and `bookmarks` print arrays of these
/// (the latter two with extra keys). Every key is always present; absent values are null.
struct SummaryJSON: Encodable {
    var id: String
    var title: String
    /// What the list is sorted by: published, else when the article was first imported.
    var date: String
    var published: String?
    var source: String
    var section: String
    var sectionPath: [String]
    var read: Bool
    var bookmarked: Bool

    init(_ s: ArticleSummary) {
        id = s.id
        title = s.title
        date = ParsedDocumentJSON.isoString(s.sortDate)
        published = CLIOutput.iso(s.published)
        source = s.sourceName
        section = CLIOutput.section(s.section)
        sectionPath = s.section
        read = s.read
        bookmarked = s.bookmarked
    }

    enum CodingKeys: String, CodingKey {
        case id, title, date, published, source, section, sectionPath = "section_path", read, bookmarked
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(date, forKey: .date)
        try c.encodeOrNull(published, forKey: .published)
        try c.encode(source, forKey: .source)
        try c.encode(section, forKey: .section)
        try c.encode(sectionPath, forKey: .sectionPath)
        try c.encode(read, forKey: .read)
        try c.encode(bookmarked, forKey: .bookmarked)
    }
}

/// A summary plus extra keys, flattened into one JSON object.
struct ExtendedSummaryJSON<Extra: Encodable>: Encodable {
    var summary: SummaryJSON
    var extra: Extra

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        try extra.encode(to: encoder)
    }
}
