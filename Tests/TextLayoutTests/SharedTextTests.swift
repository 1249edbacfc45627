import Foundation
import NewsModel
import Testing

/// The shared JSON quoting and month-name table in NewsModel.
@Suite struct SharedTextTests {
    @Test func quotedJSONRoundTripsThroughJSONDecoder() throws {
        let samples = ["", "plain", "say \"hi\"", "back\\slash", "\t\n\r", "\u{0}\u{1B}\u{1F}",
                       "日本語 café", "\u{7F}\u{85}\u{202E}", "emoji 👍🏽"]
        for sample in samples {
            let quoted = JSONString.quoted(sample)
            let decoded = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
            #expect(decoded == sample, "\(quoted)")
            // No raw C0 control is ever left in the literal.
            #expect(!quoted.unicodeScalars.contains(where: ControlCharacter.isC0))
        }
        #expect(JSONString.quoted("a\u{1B}") == "\"a\\u001b\"")
        #expect(JSONString.unicodeEscape("\u{202E}") == "\\u202e")
    }

    @Test func encodeOrNullKeepsTheKey() throws {
        struct Sample: Encodable {
            var a: String?
            enum CodingKeys: String, CodingKey { case a }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encodeOrNull(a, forKey: .a)
            }
        }
        #expect(String(decoding: try JSONEncoder().encode(Sample(a: nil)), as: UTF8.self) == #"{"a":null}"#)
        #expect(String(decoding: try JSONEncoder().encode(Sample(a: "x")), as: UTF8.self) == #"{"a":"x"}"#)
    }

    @Test func monthNamesMatchTheGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = Locale(identifier: "en_US_POSIX")
        #expect(MonthName.full == calendar.monthSymbols)
        #expect(MonthName.abbreviated == calendar.shortMonthSymbols)
        #expect(MonthName.full(13) == "January")
        #expect(MonthName.number(startingWith: "SEPT") == 9)
        #expect(MonthName.number(startingWith: "dec") == 12)
        #expect(MonthName.number(startingWith: "Ju") == nil)
        #expect(MonthName.number(startingWith: "Foo") == nil)
    }
}
