import Foundation
import NewsModel
import Testing
@testable import Markup

/// The shared decoding front end, seen from HTML article files and directly.
@Suite struct ByteDecoderTests {
    @Test(arguments: [
        (#"<meta charset="windows_1251">"#, [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2] as [UInt8], "Привет"),
        (#"<meta http-equiv="Content-Type" content="text/html; charset=macroman">"#, [0x80, 0x70, 0x66, 0x65, 0x6C], "Äpfel"),
        (#"<meta charset="cp861">"#, [0x8D, 0xA2, 0x72], "Þór"),
        (#"<meta charset="x-mac-greek">"#, [0xBF], "Ω"),
        (#"<meta charset="csKOI8R">"#, [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
    ])
    func htmlFilesInAnyDeclaredEncoding(meta: String, bytes: [UInt8], expected: String) throws {
        var data = Data("<html><head>\(meta)<title>T</title></head><body><p>".utf8)
        data.append(contentsOf: bytes)
        data.append(Data("</p></body></html>".utf8))
        let document = try ArticleFileParser.parse(data: data, fileName: "page.html")
        #expect(document.articles[0].text == expected)
        #expect(document.warnings.isEmpty)
    }

    @Test func htmlHTTPCharsetComesBeforeTheMetaPrescan() {
        let bytes = Array("<meta charset=\"iso-8859-5\"><p>".utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        let decoded = ByteDecoder.decode(bytes, contentType: "text/html; charset=koi8-r", kind: .html)
        #expect(decoded.encoding == "KOI8-R")
        #expect(String(decoding: decoded.utf8, as: UTF8.self).hasSuffix("Привет"))
    }

    @Test func appendixFFamilies() {
        #expect(ByteDecoder.family([0x4C, 0x6F, 0xA7, 0x94]) == .ebcdic)
        #expect(ByteDecoder.family([0x00, 0x3C, 0x00, 0x3F]) == .utf16BE)
        #expect(ByteDecoder.family([0x3C, 0x00, 0x3F, 0x00]) == .utf16LE)
        #expect(ByteDecoder.family([0x00, 0x00, 0x00, 0x3C]) == .utf32BE)
        #expect(ByteDecoder.family([0x3C, 0x00, 0x00, 0x00]) == .utf32LE)
        #expect(ByteDecoder.family(Array("<?xm".utf8)) == .asciiCompatible)
    }

    @Test func anEBCDICLabelReadInASCIIBytesIsALie() {
        // The declaration could not have been read in ASCII if the document were EBCDIC.
        let bytes = Array(#"<?xml version="1.0" encoding="cp037"?><a>café</a>"#.utf8)
        let decoded = ByteDecoder.decode(bytes)
        #expect(decoded.encoding == "UTF-8")
        #expect(decoded.utf8 == bytes)
    }

    @Test func c1ControlsInPlainTextFilesReadAsWindows1252() throws {
        let article = try ArticleFileParser.parse(data: Data("Title\n\ndon\u{92}t \u{93}stop\u{94}\u{81}\n".utf8), fileName: "c1.txt").articles[0]
        #expect(article.text == "don’t “stop”")
    }
}
