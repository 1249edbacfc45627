import Foundation
import NewsModel
import Testing
@testable import Markup

/// Reading files: identity, dates, format dispatch, and bad input.
@Suite struct ArticleFileParserTests {
    /// A fresh directory per test, removed afterwards by the caller.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("markup-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ data: Data, _ name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test func fileIdentityAndModificationDate() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try write(Data(SampleArticles.lunarLander.utf8), "lunar-lander.txt", in: directory)
        let mtime = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: mtime], ofItemAtPath: url.path)

        let document = try ArticleFileParser.parse(fileAt: url)
        let article = try #require(document.articles.first)
        #expect(document.feed == nil)
        #expect(document.warnings.isEmpty)
        #expect(article.source == ArticleSource(kind: .file, location: url.standardizedFileURL.path, name: "lunar-lander.txt"))
        #expect(article.guid == url.standardizedFileURL.path)
        #expect(article.id == ArticleID.make(source: url.standardizedFileURL.path, guid: url.standardizedFileURL.path))
        #expect(article.updated == mtime)
        #expect(article.title == "Small lunar lander sends first images from crater rim")

        // Re-importing (even after an edit, or through a path with `..`) gives the same id.
        try Data((SampleArticles.lunarLander + "\n\nEdited.").utf8).write(to: url)
        let again = try ArticleFileParser.parse(fileAt: url)
        #expect(again.articles.first?.id == article.id)
        let roundabout = directory.appendingPathComponent("sub/../lunar-lander.txt")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        #expect(try ArticleFileParser.parse(fileAt: roundabout).articles.first?.id == article.id)
    }

    @Test func differentFilesGetDifferentIds() throws {
        let a = try ArticleFileParser.parse(data: Data("A\n\nx".utf8), fileName: "a.txt")
        let b = try ArticleFileParser.parse(data: Data("A\n\nx".utf8), fileName: "b.txt")
        #expect(a.articles[0].id != b.articles[0].id)
    }

    @Test func explicitSourceIsKept() throws {
        let source = ArticleSource(kind: .demo, location: "demo:welcome.md", name: "Welcome")
        let article = try ArticleFileParser.parse(data: Data("# Hi\n\nx".utf8), fileName: "welcome.md", source: source).articles[0]
        #expect(article.source == source)
        #expect(article.guid == "demo:welcome.md")
    }

    @Test func dispatchByExtension() {
        #expect(ArticleFileParser.format(forFileName: "a.txt") == .plainText)
        #expect(ArticleFileParser.format(forFileName: "a.TEXT") == .plainText)
        #expect(ArticleFileParser.format(forFileName: "README") == .plainText)
        #expect(ArticleFileParser.format(forFileName: "a.md") == .markdown)
        #expect(ArticleFileParser.format(forFileName: "a.markdown") == .markdown)
        #expect(ArticleFileParser.format(forFileName: "a.html") == .html)
        #expect(ArticleFileParser.format(forFileName: "a.HTM") == .html)
        #expect(ArticleFileParser.format(forFileName: "a.article") == nil)
    }

    @Test func sniffingUnknownExtensions() throws {
        #expect(ArticleFileParser.sniffFormat("<!DOCTYPE html><html><p>x</p>") == .html)
        #expect(ArticleFileParser.sniffFormat("  <div><p>x</p></div>") == .html)
        #expect(ArticleFileParser.sniffFormat("---\ntitle: x\n---\nbody") == .markdown)
        #expect(ArticleFileParser.sniffFormat("# Title\n\ntext") == .markdown)
        #expect(ArticleFileParser.sniffFormat("SCIENCE > Space\n\nTitle\n\nBody") == .plainText)
        let html = try ArticleFileParser.parse(data: Data("<html><head><title>T</title></head><body><p>x</p></body></html>".utf8), fileName: "page.saved")
        #expect(html.articles[0].title == "T")
        #expect(html.articles[0].body == [Block(.paragraph, text: "x")])
    }

    @Test func htmlFileCarriesMetadataAndOriginalHTML() throws {
        let html = #"<html><head><title>Page</title><meta name="keywords" content="a, b"><meta name="author" content="Kim"><link rel="canonical" href="https://x.org/p"></head><body><p>Hello <a href="https://x.org/q">q</a></p></body></html>"#
        let article = try ArticleFileParser.parse(data: Data(html.utf8), fileName: "page.html").articles[0]
        #expect(article.title == "Page")
        #expect(article.tags == ["a", "b"])
        #expect(article.author == "Kim")
        #expect(article.link == "https://x.org/p")
        #expect(article.contentHTML == html)
        #expect(article.text == "Hello q")
    }

    @Test func untitledFileTakesItsTitleFromTheFileName() throws {
        let article = try ArticleFileParser.parse(data: Data("<p>only text</p>".utf8), fileName: "my_saved-page.html").articles[0]
        #expect(article.title == "my saved page")
    }

    // MARK: Bad input

    @Test func emptyFileIsAnErrorNamingTheFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try write(Data(), "empty.txt", in: directory)
        #expect(throws: ArticleFileError(file: url.standardizedFileURL.path, reason: .empty)) {
            try ArticleFileParser.parse(fileAt: url)
        }
        do {
            _ = try ArticleFileParser.parse(fileAt: url)
        } catch {
            #expect("\(error)" == "\(url.standardizedFileURL.path): empty file")
        }
        // Whitespace and a lone BOM are empty too.
        #expect(throws: ArticleFileError(file: "w.txt", reason: .empty)) {
            try ArticleFileParser.parse(data: Data(" \n\t\r\n".utf8), fileName: "w.txt")
        }
        #expect(throws: ArticleFileError(file: "b.txt", reason: .empty)) {
            try ArticleFileParser.parse(data: Data([0xEF, 0xBB, 0xBF]), fileName: "b.txt")
        }
    }

    @Test func binaryFilesAreRefused() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        #expect(throws: ArticleFileError(file: "pic.txt", reason: .binary)) {
            try ArticleFileParser.parse(data: png, fileName: "pic.txt")
        }
        // No NUL, but mostly control bytes.
        let controls = Data((0..<200).map { UInt8(1 + $0 % 8) })
        #expect(throws: ArticleFileError(file: "c.md", reason: .binary)) {
            try ArticleFileParser.parse(data: controls, fileName: "c.md")
        }
        // Mostly undecodable bytes.
        let noise = Data((0..<300).map { UInt8(0x80 + $0 % 64) })
        #expect(throws: ArticleFileError(file: "n.txt", reason: .binary)) {
            try ArticleFileParser.parse(data: noise, fileName: "n.txt")
        }
        #expect(ArticleFileError(file: "pic.txt", reason: .binary).description == "pic.txt: binary file, not text")
    }

    @Test func invalidUTF8IsReplacedWithAWarning() throws {
        var data = Data("Caf".utf8)
        data.append(0xE9)  // Latin-1 é
        data.append(Data(" title\n\nBody ".utf8))
        data.append(contentsOf: [0xFF, 0xFE])
        data.append(Data(" end.".utf8))
        let document = try ArticleFileParser.parse(data: data, fileName: "latin.txt")
        let article = document.articles[0]
        #expect(article.title == "Caf\u{FFFD} title")
        #expect(article.body[0].plainText == "Body \u{FFFD}\u{FFFD} end.")
        #expect(document.warnings == ["latin.txt: invalid UTF-8 at byte 3 and 2 more places, replaced with U+FFFD"])
    }

    @Test func invalidUTF8OffsetCountsTheBOM() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("Title\n\nx".utf8))
        data.append(0xC3)  // truncated two-byte sequence at the end
        let document = try ArticleFileParser.parse(data: data, fileName: "t.txt")
        #expect(document.warnings == ["t.txt: invalid UTF-8 at byte 11, replaced with U+FFFD"])
        #expect(document.articles[0].body[0].plainText == "x\u{FFFD}")
    }

    @Test func utf16WithBOMIsDecoded() throws {
        var data = Data([0xFF, 0xFE])
        for unit in "Title\n\nBody 日本".utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        let article = try ArticleFileParser.parse(data: data, fileName: "u16.txt").articles[0]
        #expect(article.title == "Title")
        #expect(article.text == "Body 日本")
    }

    @Test func unreadablePaths() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.txt")
        #expect(throws: ArticleFileError(file: missing.path, reason: .unreadable("no such file"))) {
            try ArticleFileParser.parse(fileAt: missing)
        }
        #expect(throws: ArticleFileError(file: directory.standardizedFileURL.path, reason: .unreadable("is a directory"))) {
            try ArticleFileParser.parse(fileAt: directory)
        }
        let fifo = directory.appendingPathComponent("pipe.txt")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: ArticleFileError(file: fifo.path, reason: .unreadable("not a regular file"))) {
            try ArticleFileParser.parse(fileAt: fifo)
        }
        #expect(throws: ArticleFileError(file: "/dev/zero", reason: .unreadable("not a regular file"))) {
            try ArticleFileParser.parse(fileAt: URL(fileURLWithPath: "/dev/zero"))
        }
        let locked = try write(Data("x".utf8), "locked.txt", in: directory)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: locked.path) }
        if getuid() != 0 {  // root reads anything
            #expect(throws: ArticleFileError(file: locked.path, reason: .unreadable("permission denied"))) {
                try ArticleFileParser.parse(fileAt: locked)
            }
        }
    }

    @Test func htmlInADeclaredLegacyCharsetIsDecodedWithoutWarning() throws {
        var data = Data(#"<html><head><meta charset="iso-8859-1"><title>Caf"#.utf8)
        data.append(0xE9)
        data.append(Data("</title></head><body><p>cr".utf8))
        data.append(0xE8)
        data.append(Data("me</p></body></html>".utf8))
        let document = try ArticleFileParser.parse(data: data, fileName: "latin.html")
        #expect(document.warnings.isEmpty)
        #expect(document.articles[0].title == "Café")
        #expect(document.articles[0].text == "crème")
        // The same bytes claiming UTF-8 are repaired and reported instead.
        var raw = data
        raw.replaceSubrange(raw.range(of: Data("iso-8859-1".utf8))!, with: Data("utf-8".utf8))
        let repaired = try ArticleFileParser.parse(data: raw, fileName: "u.html")
        #expect(repaired.warnings.count == 1)
        #expect(repaired.articles[0].title == "Caf\u{FFFD}")
    }

    /// Controls are kept visibly, as less shows them (`^[`, `^G`, `<9B>`): never raw.
    @Test func controlCharactersNeverReachTheArticle() throws {
        let text = "Ti\u{1B}[31mtle\u{07}\n\nBody \u{1B}]0;pwned\u{07}text\u{9B}2J end.\n\n• Tag\u{1B}"
        let article = try ArticleFileParser.parse(data: Data(text.utf8), fileName: "esc.txt").articles[0]
        #expect(article.title == "Ti^[[31mtle^G")
        // C1 U+009B (CSI) reads as its windows-1252 character (WHATWG), which is no control.
        #expect(article.text == "Body ^[]0;pwned^Gtext›2J end.")
        #expect(article.tags == ["Tag^["])
        let html = HTMLConverter.blocks(fromHTML: "<p>a\u{1B}[2Jb\u{9B}c</p><pre>x\u{1B}y\n\tz</pre>")
        #expect(html.map(\.plainText) == ["a[2Jb›c", "xy\n    z"])  // tab expanded, escape gone, C1 → cp1252
    }

    @Test func relativeLinksInHTMLFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try write(Data(#"<p><a href="next.html">next</a></p>"#.utf8), "page.html", in: directory)
        let link = try ArticleFileParser.parse(fileAt: plain).articles[0].body[0].runs[0].link
        #expect(link == URL(fileURLWithPath: directory.standardizedFileURL.path).appendingPathComponent("next.html").absoluteString)
        let canonical = try write(Data(#"<head><link rel="canonical" href="https://news.example/a/story"></head><p><a href="/about">x</a></p>"#.utf8),
                                  "saved.html", in: directory)
        let article = try ArticleFileParser.parse(fileAt: canonical).articles[0]
        #expect(article.link == "https://news.example/a/story")
        #expect(article.body[0].runs[0].link == "https://news.example/about")
    }
}
