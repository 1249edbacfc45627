import Foundation
import Markup

/// Feed bytes → UTF-8 through Markup's `ByteDecoder`, the one decoding front end for XML and
/// HTML (BOM, then the HTTP charset of XML media types, then the XML declaration, RFC 7303).
enum FeedEncoding {
    static func decode(_ data: Data, httpContentType: String?) -> ByteDecoder.Decoded {
        ByteDecoder.decode(data, contentType: httpContentType, kind: .xml)
    }

    /// True when `decode` would return the bytes unchanged (UTF-8 that says so or says nothing).
    static func isUTF8AsIs(_ bytes: UnsafeRawBufferPointer, httpContentType: String?) -> Bool {
        ByteDecoder.isUTF8AsIs(bytes, contentType: httpContentType, kind: .xml)
    }
}
