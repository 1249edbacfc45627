import Foundation
import Testing
import Markup

/// The one ISO-8601 parser (front matter, `<meta>`, and feeds through `FeedDate`): the union of
/// the forms the two former parsers took, each still checked.
@Suite struct LooseISODateTests {
    static let reference = Date(timeIntervalSince1970: 1_031_356_801)  // 2002-09-07 00:00:01 UTC

    @Test(arguments: [
        "2002-09-07T00:00:01Z", "2002-09-07t00:00:01z", "2002/09/07 00:00:01", "2002-09-07T02:00:01+02:00",
        "2002-09-07T02:00:01+0200", "2002-09-07T02:00:01 +02", "20020907T000001Z", "2002-09-07T000001",
        "2002-09-07T00:00:01  GMT", "2002-09-07T09:00:01 JST", "2002-09-07T05:30:01 UTC+05:30",
        "2002-09-07T00:00:01.000Z", "2002-09-07T00:00:01,0Z",
    ])
    func parsesEveryForm(_ text: String) {
        #expect(LooseISODate.parse(text) == Self.reference, "\(text)")
    }

    @Test func dateOnlyAndYearMonth() {
        #expect(LooseISODate.parse("2002-09-07") == Date(timeIntervalSince1970: 1_031_356_800))
        #expect(LooseISODate.parse("20020907") == Date(timeIntervalSince1970: 1_031_356_800))
        #expect(LooseISODate.parse("2002-09") == Date(timeIntervalSince1970: 1_030_838_400))
        #expect(LooseISODate.parse("2002-09-07T00:01") == Date(timeIntervalSince1970: 1_031_356_860))
    }

    @Test func fractionIsKept() {
        #expect(LooseISODate.parse("2002-09-07T00:00:01.5Z") == Self.reference.addingTimeInterval(0.5))
    }

    @Test(arguments: [
        "", "garbage", "2002-13-07", "2002-02-30", "2002-09-07T25:00Z", "2002-09-07T24:01Z",
        "2002-0907", "2002-09-07T00:00:01 Mars", "2002-09-07T00:00:01+99:00", "2002-09-07T00:00:01+02:75",
        "0000-01-01", "99999-01-01", String(repeating: "1", count: 500),
    ])
    func garbageIsNil(_ text: String) {
        #expect(LooseISODate.parse(text) == nil, "\(text)")
    }

    /// The year window belongs to the caller: any year for articles, 1900–2200 for feeds.
    @Test func yearWindowIsTheCallers() {
        #expect(LooseISODate.parse("1850-01-01") != nil)
        #expect(LooseISODate.parse("0001-01-01") != nil)
        #expect(LooseISODate.parse("1850-01-01", years: 1900...2200) == nil)
        #expect(LooseISODate.parse("2000-02-29", years: 1900...2200) != nil)
    }
}
