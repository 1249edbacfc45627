import Testing
@testable import Screen

@Suite struct BufferTests {
    @Test func wideGlyphsTakeTwoCellsAndTruncateWithEllipsis() {
        var buffer = Buffer(width: 8, height: 1)
        buffer.putTruncated("日本語のテキスト", x: 0, y: 0, width: 8, style: .plain)
        #expect(buffer.lines == ["日本語… "])
    }
}
