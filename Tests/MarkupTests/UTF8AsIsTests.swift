import Foundation
import Testing
@testable import Markup

/// `ByteDecoder.isUTF8AsIs` lets a feed be parsed where its bytes lie: it must say yes only
/// when `decode` would hand back exactly those bytes, with no warning.
@Suite struct UTF8AsIsTests {
    static let cases: [(name: String, bytes: [UInt8], contentType: String?, asIs: Bool)] = [
        ("plain UTF-8", Array("<rss><title>café 日本</title></rss>".utf8), nil, true),
        ("declared UTF-8", Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>é</rss>".utf8), nil, true),
        ("header UTF-8", Array("<rss>é</rss>".utf8), "application/rss+xml; charset=UTF-8", true),
        ("ASCII declared Latin-1", Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>a</rss>".utf8), nil, false),
        ("header Latin-1", Array("<rss>a</rss>".utf8), "text/xml; charset=iso-8859-1", false),
        ("byte order mark", [0xEF, 0xBB, 0xBF] + Array("<rss/>".utf8), nil, false),
        ("invalid UTF-8", Array("<rss>".utf8) + [0xE9] + Array("</rss>".utf8), nil, false),
        ("UTF-16", [0x3C, 0x00, 0x72, 0x00, 0x73, 0x00, 0x73, 0x00], nil, false),
        ("empty", [], nil, true),
    ]

    @Test func saysYesExactlyWhenDecodeChangesNothing() {
        for c in Self.cases {
            let asIs = c.bytes.withUnsafeBytes { ByteDecoder.isUTF8AsIs($0, contentType: c.contentType, kind: .xml) }
            #expect(asIs == c.asIs, "\(c.name)")
            if asIs {
                let decoded = ByteDecoder.decode(c.bytes, contentType: c.contentType, kind: .xml)
                #expect(decoded.utf8 == c.bytes && decoded.warnings.isEmpty, "\(c.name)")
            }
        }
    }
}
