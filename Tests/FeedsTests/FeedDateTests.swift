import Foundation
import Testing
@testable import Feeds

@Suite struct FeedDateTests {
    static let reference = Date(timeIntervalSince1970: 1_031_356_801)  // 2002-09-07 00:00:01 UTC

    @Test(arguments: [
        "Sat, 07 Sep 2002 00:00:01 GMT",
        "Sat, 07 Sep 2002 00:00:01 +0000",
        "07 Sep 2002 00:00:01 UT",
        "Sat, 7 Sep 02 00:00:01 GMT",
        "Saturday, 07 September 2002 00:00:01 GMT",
        "Fri, 06 Sep 2002 20:00:01 EDT",
        "Fri, 06 Sep 2002 17:00:01 PDT",
        "Sat, 07 Sep 2002 02:00:01 +02:00",
        "Sat, 07 Sep 2002 00:00:01",
        "2002-09-07T00:00:01Z",
        "2002-09-07T00:00:01+00:00",
        "2002-09-07T02:00:01+02:00",
        "2002-09-06T19:00:01-05:00",
        "2002-09-07 00:00:01",
        "2002-09-07T00:00:01.000Z",
        "20020907T000001Z",
    ])
    func parsesVariants(_ text: String) {
        #expect(FeedDate.parse(text) == Self.reference, "\(text)")
    }

    @Test func missingSecondsAndDateOnly() {
        #expect(FeedDate.parse("Sat, 07 Sep 2002 00:01 GMT") == Date(timeIntervalSince1970: 1_031_356_860))
        #expect(FeedDate.parse("2002-09-07") == Date(timeIntervalSince1970: 1_031_356_800))
        #expect(FeedDate.parse("2002-09-07T00:01Z") == Date(timeIntervalSince1970: 1_031_356_860))
        #expect(FeedDate.parse("Sat, 07 Sep 2002 09:00:01 JST") == Self.reference)
    }

    @Test(arguments: [
        "", "garbage", "yesterday", "99999-01-01T00:00:00Z", "Sat, 07 Sep 99999 00:00:01 GMT",
        "2002-13-45T00:00:00Z", "Sat, 45 Foo 2002", "0000-00-00 00:00:00", "2002-09-07T25:61:00Z",
        String(repeating: "1", count: 500),
    ])
    func garbageIsNil(_ text: String) {
        #expect(FeedDate.parse(text) == nil, "\(text)")
    }

    /// Huge digit runs in any field once trapped (Int(Double) / offset arithmetic overflow).
    @Test(arguments: [
        "Mon, 01 Jan 2024 12:00:99999999999999999999 GMT",
        "Mon, 01 Jan 2024 12:00:1e400 GMT",
        "Mon, 01 Jan 2024 12:00:inf GMT",
        "Mon, 01 Jan 2024 99999999999999999999:00:00 GMT",
        "Mon, 01 Jan 2024 12:99999999999999999999 GMT",
        "2024-01-01T00:00:00 GMT+9000000000000000000",
        "2024-01-01T00:00:00 UTC-9223372036854775808",
        "Mon, 01 Jan 2024 12:00:00 GMT+99999999999999999",
        "Mon, 01 Jan 2024 12:00:00 +9223372036854775807",
        "Mon, 99999999999999999999 Jan 2024 12:00:00 GMT",
        "Mon, 01 Jan 99999999999999999999 12:00:00 GMT",
        "01-Jan-99999999999999999999 12:00:00",
        "2024-01-01T00:00:00.99999999999999999999999999999999999999999999999999999999999999999Z",
    ])
    func hugeNumbersDoNotCrash(_ text: String) {
        // Either rejected or, where the huge run is ignorable noise, a date in the accepted range.
        if let date = FeedDate.parse(text) {
            #expect(date.timeIntervalSince1970 > -2_208_988_800 && date.timeIntervalSince1970 < 7_258_118_400, "\(text)")
        }
    }

    @Test func reportedOverflowsAreRejected() {
        #expect(FeedDate.parse("Mon, 01 Jan 2024 12:00:99999999999999999999 GMT") == nil)
        #expect(FeedDate.parse("2024-01-01T00:00:00 GMT+9000000000000000000") == nil)
    }

    @Test func boundedFieldsStillParse() {
        #expect(FeedDate.parse("Sat, 07 Sep 2002 00:00:01.5 GMT") == Self.reference)
        #expect(FeedDate.parse("2002-09-07T09:00:01 GMT+9") == Self.reference)
        #expect(FeedDate.parse("2002-09-07T05:30:01 UTC+05:30") == Self.reference)
    }

    @Test func rssItemWithHugeSecondsKeepsTheItem() throws {
        let xml = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>A</title><guid>a</guid><pubDate>Mon, 01 Jan 2024 12:00:99999999999999999999 GMT</pubDate></item>
            </channel></rss>
            """
        let document = try FeedParser.parse(data: Data(xml.utf8), url: URL(string: "https://example.org/feed"))
        #expect(document.articles.count == 1)
    }
}
