import Foundation
import Testing
@testable import Feeds

/// A DOCTYPE that reaches libxml2 must be inert: no entity from an internal subset is ever
/// expanded, parameter entities never run. The sanitiser removes DOCTYPEs; these documents are
/// shaped to slip past it (a malformed XML declaration closed by `>` with a later `?>`).
@Suite struct HostileXMLTests {
    let url = URL(string: "https://hostile.example.com/feed")

    /// `<?xml version="1.0">` ends at `>` for libxml2, but at the `?>` in the attribute for a
    /// scanner that looks for `?>`: everything between is hidden from the sanitiser.
    static func smuggled(_ subset: String, body: String) -> String {
        "<?xml version=\"1.0\"><!DOCTYPE rss [\(subset)]><rss version=\"2.0\" x=\"?>\"><channel><title>T</title>"
            + body + "</channel></rss>"
    }

    /// The smuggled DOCTYPE is seen and removed by the sanitiser like any visible one: nothing of
    /// it reaches libxml2, and the document parses exactly as its well-formed twin does.
    @Test func smuggledDoctypeNeverReachesLibxml2() throws {
        let xml = Self.smuggled("<!ENTITY a \"EVIL\"><!ENTITY b SYSTEM \"file:///etc/passwd\">",
                                body: "<item><guid>1</guid><title>i &b;</title>"
                                    + "<enclosure url=\"http://x.example/&a;.mp3\" type=\"audio/mpeg\"/></item>")
        let sanitized = String(decoding: try XMLSanitizer.sanitize(Array(xml.utf8)), as: UTF8.self)
        #expect(!sanitized.contains("<!DOCTYPE") && !sanitized.contains("<!ENTITY"), "\(sanitized)")
        let twin = xml.replacingOccurrences(of: "<?xml version=\"1.0\">", with: "<?xml version=\"1.0\"?>")
        let smuggledDoc = try FeedParser.parse(data: Data(xml.utf8), url: url)
        let twinDoc = try FeedParser.parse(data: Data(twin.utf8), url: url)
        #expect(smuggledDoc.articles.map(\.enclosures) == twinDoc.articles.map(\.enclosures))
        #expect(!smuggledDoc.articles.contains { $0.title.contains("root:") })
    }

    /// Nested parameter entities: before the fix this kept `parse` at 100 % CPU for > 20 s.
    static let parameterEntityBomb: String = {
        var subset = "<!ENTITY % a0 \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\">"
        for i in 1...12 {
            subset += "<!ENTITY % a\(i) \"" + String(repeating: "%a\(i - 1);", count: 8) + "\">"
        }
        subset += "<!ENTITY x \"%a12;\">"
        return smuggled(subset, body: "<item><guid>1</guid><title>&x;</title></item>")
    }()

    @Test func parameterEntityBombEndsWithAClearMessage() {
        let outcome = Result { try FeedParser.parse(data: Data(Self.parameterEntityBomb.utf8), url: url) }
        switch outcome {
        case .failure(let error):
            #expect("\(error)".contains("entit"), "\(error)")
        case .success(let doc):
            #expect(doc.articles.allSatisfy { $0.title.count < 1000 })
        }
    }

    /// The same parameter-entity document with the DOCTYPE in plain sight is refused by name.
    @Test func visibleParameterEntityBombIsRefused() {
        let xml = Self.parameterEntityBomb.replacingOccurrences(of: "<?xml version=\"1.0\">", with: "<?xml version=\"1.0\"?>")
        #expect(throws: FeedParserError.entityExpansion) { try FeedParser.parse(data: Data(xml.utf8), url: url) }
    }

    /// Even bytes that never pass the sanitiser: libxml2 itself declares no entities.
    @Test func libxml2ItselfKeepsADoctypeInert() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"EVIL\"><!ENTITY % p \"<!ENTITY b 'ALSO'>\">%p;]>"
            + "<r><t>[&a;][&b;]</t><u v=\"&a;\"/></r>"
        let tree = try XMLTree(utf8: Array(xml.utf8), url: nil)
        let root = try #require(tree.root)
        let text = root.children.first?.text ?? ""
        #expect(!text.contains("EVIL") && !text.contains("ALSO"), "\(text)")
        let attribute = root.children.last?.attribute("v") ?? ""
        #expect(!attribute.contains("EVIL"), "\(attribute)")
    }

    @Test func opmlWithASmuggledDoctypeIsInert() throws {
        let opml = "<?xml version=\"1.0\"><!DOCTYPE opml [<!ENTITY % p \"%q;%q;\">]><opml version=\"2.0\" x=\"?>\"><head/><body>"
            + "<outline text=\"t\" xmlUrl=\"http://x.example/feed\"/></body></opml>"
        #expect(throws: FeedParserError.entityExpansion) { try OPML.parse(data: Data(opml.utf8)) }
        let plain = opml.replacingOccurrences(of: "<!ENTITY % p \"%q;%q;\">", with: "")
        #expect(try OPML.parse(data: Data(plain.utf8)).entries.map(\.url) == ["http://x.example/feed"])
    }

    /// Parameter entities referenced at the subset level, each expanding to six more: libxml2
    /// ran this for more than 20 s before (`newsreader parse`, killed at 20 s).
    static let subsetLevelParameterEntities: String = {
        var subset = "<!ENTITY % a0 \"<!-- xxxxxxxxxxxxxxxx -->\">"
        for i in 1..<10 { subset += "<!ENTITY % a\(i) \"" + String(repeating: "&#37;a\(i - 1);", count: 6) + "\">" }
        return "<!DOCTYPE rss [" + subset + "%a9;]><rss version=\"2.0\"><channel><title>T</title></channel></rss>"
    }()

    @Test func subsetLevelParameterEntitiesAreRefused() {
        let smuggled = "<?xml version=\"1.0\">" + Self.subsetLevelParameterEntities.replacingOccurrences(
            of: "<rss version=\"2.0\">", with: "<rss version=\"2.0\" x=\"?>\">")
        #expect(throws: FeedParserError.entityExpansion) { try FeedParser.parse(data: Data(smuggled.utf8), url: url) }
    }

    /// Straight into libxml2, past the sanitiser: no parameter entity is declared, so nothing runs.
    @Test func libxml2DoesNotRunSubsetLevelParameterEntities() throws {
        let tree = try XMLTree(utf8: Array(Self.subsetLevelParameterEntities.utf8), url: nil)
        #expect(tree.root?.localName == "rss")
    }
}
