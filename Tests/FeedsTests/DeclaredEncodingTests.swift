import Foundation
import NewsModel
import Testing
@testable import Feeds
@testable import Markup

/// Issue 11: every label iconv knows, in the order of XML 1.0 Appendix F and RFC 7303 §3.
@Suite struct DeclaredEncodingTests {
    let url = URL(string: "http://enc.example.com/feed")

    /// Bytes of `text` in `encoding` (through iconv itself, or a table for MacCharsets).
    func encode(_ text: String, _ encoding: String) throws -> [UInt8] {
        if encoding == "UTF-8" { return Array(text.utf8) }
        if MacCharsets.names.contains(encoding) {
            // No iconv encoder: invert the decoder's table.
            var reverse: [Character: UInt8] = [:]
            for byte in UInt8(0x80)...UInt8(0xFF) {
                let decoded = try #require(MacCharsets.decode([byte][...], name: encoding))
                reverse[Character(String(decoding: decoded, as: UTF8.self))] = byte
            }
            return try text.map { c in c.isASCII ? c.asciiValue! : try #require(reverse[c]) }
        }
        let cd = iconv_open(encoding, "UTF-8")
        try #require(cd != iconv_t(bitPattern: -1))
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 8)
        let produced = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPtr = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count, outLeft = outBuf.count
                _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return outBuf.count - outLeft
            }
        }
        return Array(output.prefix(produced))
    }

    /// One item in `shape` whose title is `title`, written entirely in `encoding` under `label`.
    func feed(_ shape: FeedShape, title: String, label: String, encoding: String) throws -> Data {
        let declaration = #"<?xml version="1.0" encoding="\#(label)"?>"#
        return Data(try encode(shape.document(title: title, html: "<p>\(title)</p>", declaration: declaration), encoding))
    }

    static let labels: [(label: String, iconv: String, text: String)] = [
        ("cp037", "CP037", "Äpfel ¢ naïve"),
        ("ibm037", "CP037", "Äpfel ¢"),
        ("ebcdic-cp-us", "CP037", "Zürich"),
        ("IBM500", "IBM500", "Straße [x]"),
        ("macroman", "MACINTOSH", "Äpfel – “quoted”"),
        ("x-mac-roman", "MACINTOSH", "Äpfel"),
        ("MacCentralEurope", "MAC-CENTRALEUROPE", "Łódź Ä"),
        ("maclatin2", "MAC-CENTRALEUROPE", "Łódź"),
        ("maciceland", "MAC-IS", "Þór Ä"),
        ("macgreek", "x-mac-greek", "Ωμέγα"),
        ("macturkish", "x-mac-turkish", "İstanbul ğ"),
        ("maccyrillic", "MACCYRILLIC", "Привет"),
        ("cp861", "CP861", "Þórður Ä"),
        ("ibm861", "CP861", "Þórður"),
        ("windows_1251", "WINDOWS-1251", "Привет"),
        ("WINDOWS-1251", "WINDOWS-1251", "Привет"),
        ("cswindows1251", "WINDOWS-1251", "Привет"),
        ("x-cp1251", "WINDOWS-1251", "Привет"),
        ("cp1251", "WINDOWS-1251", "Привет"),
        ("csISOLatin2", "ISO-8859-2", "Łódź"),
        ("iso_8859-2", "ISO-8859-2", "Łódź"),
        ("ISO8859_7", "ISO-8859-7", "Ωμέγα"),
        ("koi8-r", "KOI8-R", "Привет"),
        ("x-sjis", "CP932", "日本語"),
        ("euc-kr", "CP949", "한국어"),
        ("gb2312", "GBK", "中文"),
    ]

    @Test(arguments: FeedShape.xmlShapes)
    func everyLabelIsHonouredInEveryXMLFormat(shape: FeedShape) throws {
        for (label, encoding, text) in Self.labels {
            let data = try feed(shape, title: text, label: label, encoding: encoding)
            let doc = try FeedParser.parse(data: data, url: url)
            #expect(doc.articles.first?.title == text, "\(label) in \(shape)")
            #expect(doc.articles.first?.text == text, "\(label) in \(shape)")
        }
    }

    @Test func macRomanIsNotReadAsWindows1252() throws {
        // 0x80 is Ä in MacRoman and € in windows-1252.
        let data = try feed(.rss20, title: "Ä", label: "macroman", encoding: "MACINTOSH")
        #expect(data.contains(0x80))
        #expect(try FeedParser.parse(data: data, url: url).articles.first?.title == "Ä")
    }

    @Test func ebcdicFeedIsSniffedAndParsedNotCalledBinary() throws {
        let data = try feed(.atom10, title: "Äpfel", label: "cp037", encoding: "CP037")
        #expect(Array(data.prefix(4)) == [0x4C, 0x6F, 0xA7, 0x94])  // "<?xm" in EBCDIC
        #expect(FeedParser.sniff(data: data) == .atom)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ebcdic-\(UUID().uuidString).xml")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try DocumentParser.parse(fileAt: file).articles.first?.title == "Äpfel")
    }

    @Test func ebcdicWithoutAnEncodingDeclarationReadsAsCP037() throws {
        let text = #"<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><guid>g</guid><title>Café</title></item></channel></rss>"#
        let doc = try FeedParser.parse(data: Data(try encode(text, "CP037")), url: url)
        #expect(doc.articles.first?.title == "Café")
    }

    // MARK: Order (RFC 7303 §3, XML 1.0 §4.3.3 and Appendix F)

    @Test func byteOrderMarkBeatsHTTPCharsetAndDeclaration() throws {
        let body = FeedShape.rss20.document(title: "Zoë ☃", html: "x", declaration: #"<?xml version="1.0" encoding="windows-1252"?>"#)
        let data = Data([0xEF, 0xBB, 0xBF] + Array(body.utf8))
        let doc = try FeedParser.parse(data: data, url: url, httpContentType: "application/rss+xml; charset=ISO-8859-7")
        #expect(doc.articles.first?.title == "Zoë ☃")
    }

    @Test func utf32AndUTF16WithoutBOMAreDetectedFromTheFirstBytes() throws {
        for encoding in ["UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"] {
            let body = FeedShape.atom10.document(title: "Zoë ☃ 日本", html: "x", declaration: #"<?xml version="1.0" encoding="UTF-16"?>"#)
            let doc = try FeedParser.parse(data: Data(try encode(body, encoding)), url: url)
            #expect(doc.articles.first?.title == "Zoë ☃ 日本", "\(encoding)")
        }
    }

    @Test func httpCharsetOfAnXMLMediaTypeBeatsTheDeclaration() throws {
        let data = try feed(.rss20, title: "Привет", label: "iso-8859-1", encoding: "KOI8-R")
        for type in ["application/rss+xml; charset=koi8-r", "text/xml;charset=\"KOI8-R\"", "application/xml; Charset=koi8_r"] {
            #expect(try FeedParser.parse(data: data, url: url, httpContentType: type).articles.first?.title == "Привет", "\(type)")
        }
    }

    @Test func httpCharsetOfANonXMLMediaTypeYieldsToTheDeclaration() throws {
        let data = try feed(.rss20, title: "Привет", label: "koi8-r", encoding: "KOI8-R")
        let doc = try FeedParser.parse(data: data, url: url, httpContentType: "text/plain; charset=iso-8859-1")
        #expect(doc.articles.first?.title == "Привет")
    }

    @Test func aWrongHTTPCharsetFallsBackToTheDeclarationWhenItsDecodingFails() throws {
        // Valid windows-1251 bytes are not valid UTF-8, so the declared label gets its turn.
        let data = try feed(.rss20, title: "Привет", label: "windows-1251", encoding: "WINDOWS-1251")
        let doc = try FeedParser.parse(data: data, url: url, httpContentType: "application/xml; charset=utf-8")
        #expect(doc.articles.first?.title == "Привет")
    }

    @Test func anUnknownLabelFallsBackWithoutLosingText() throws {
        let data = try feed(.rss20, title: "café", label: "no-such-charset", encoding: "UTF-8")
        #expect(try FeedParser.parse(data: data, url: url).articles.first?.title == "café")
    }

    @Test func labelSpellings() {
        #expect(CharsetLabel.resolve("windows_1251") == "WINDOWS-1251")
        #expect(CharsetLabel.resolve(" \"Windows-1251\" ") == "WINDOWS-1251")
        #expect(CharsetLabel.resolve("csIBM037") != nil)
        #expect(CharsetLabel.resolve("cp037") == "CP037")
        #expect(CharsetLabel.resolve("IBM-861") != nil)
        #expect(CharsetLabel.resolve("x-mac-greek") == "x-mac-greek")
        #expect(CharsetLabel.resolve("latin1") == "WINDOWS-1252")
        #expect(CharsetLabel.resolve("US-ASCII") == "WINDOWS-1252")
        #expect(CharsetLabel.resolve("utf8") == "UTF-8")
        #expect(CharsetLabel.resolve("bogus-encoding") == nil)
        #expect(CharsetLabel.resolve("") == nil)
    }
}
