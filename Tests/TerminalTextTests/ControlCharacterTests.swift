import NewsModel
import Testing

/// The one control-character predicate: its ranges, checked against Unicode's own properties
/// where Unicode has one, and its byte forms against the scalar forms.
@Suite struct ControlCharacterTests {
    @Test func controlIsExactlyGeneralCategoryCc() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ControlCharacter.isControl(scalar) == (scalar.properties.generalCategory == .control),
                    "U+\(String(value, radix: 16))")
        }
    }

    @Test func c0DeleteAndC1PartitionTheControls() {
        for value in UInt32(0)...0xFF {
            let parts = [ControlCharacter.isC0(value), ControlCharacter.isDelete(value), ControlCharacter.isC1(value)]
            #expect(parts.filter { $0 }.count == (ControlCharacter.isControl(value) ? 1 : 0), "\(value)")
        }
        #expect(ControlCharacter.isC0(0x1B) && ControlCharacter.isC0(0x09) && !ControlCharacter.isC0(0x20))
        #expect(ControlCharacter.isC1(0x9B) && !ControlCharacter.isC1(0xA0) && !ControlCharacter.isC1(0x7F))
    }

    @Test func bidiControlsAreTheFormattingCharactersThatReorder() {
        let bidi: [UInt32] = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                              0x2066, 0x2067, 0x2068, 0x2069]
        for value in UInt32(0)...0x3000 {
            #expect(ControlCharacter.isBidiControl(value) == bidi.contains(value), "U+\(String(value, radix: 16))")
        }
        // Every one is a Bidi_Control in Unicode's own data.
        for value in bidi { #expect(Unicode.Scalar(value)!.properties.isBidiControl) }
    }

    @Test func unsafeIsControlsBidiAndLineSeparators() {
        for value in UInt32(0)...0x3000 {
            let expected = ControlCharacter.isControl(value) || ControlCharacter.isBidiControl(value)
                || value == 0x2028 || value == 0x2029
            #expect(ControlCharacter.isUnsafe(value) == expected, "U+\(String(value, radix: 16))")
        }
        #expect(!ControlCharacter.isUnsafe("a") && !ControlCharacter.isUnsafe("日") && !ControlCharacter.isUnsafe(" "))
        #expect(ControlCharacter.isLineSeparator(0x2028) && !ControlCharacter.isLineSeparator(0x0A))
    }

    @Test func byteFormsAgreeWithScalarForms() {
        for byte in UInt8.min...UInt8.max where byte < 0x80 {
            let v = UInt32(byte)
            #expect(ControlCharacter.isControl(byte: byte) == ControlCharacter.isControl(v))
            #expect(ControlCharacter.isC0(byte: byte) == ControlCharacter.isC0(v))
            #expect(ControlCharacter.isPrintableASCII(byte: byte) == ControlCharacter.isPrintableASCII(v))
            #expect(ControlCharacter.isVisibleASCII(byte: byte) == ControlCharacter.isVisibleASCII(v))
            #expect(ControlCharacter.isPrintableASCII(byte: byte) == (byte >= 0x20 && !ControlCharacter.isControl(v)))
            #expect(ControlCharacter.isVisibleASCII(byte: byte) == (ControlCharacter.isPrintableASCII(v) && byte != 0x20))
        }
        // The UTF-8 of U+0080…U+009F is C2 80…C2 9F, and nothing else is.
        for value in UInt32(0x80)...0x7FF {
            let utf8 = Array(String(Unicode.Scalar(value)!).utf8)
            #expect(ControlCharacter.isC1(lead: utf8[0], next: utf8[1]) == ControlCharacter.isC1(value))
        }
    }

    @Test func visibleFormUsesCaretNotationForC0AndDelete() {
        #expect(ControlCharacter.visibleForm(0x1B) == "^[")
        #expect(ControlCharacter.visibleForm(0x00) == "^@")
        #expect(ControlCharacter.visibleForm(0x07) == "^G")
        #expect(ControlCharacter.visibleForm(0x1F) == "^_")
        #expect(ControlCharacter.visibleForm(0x7F) == "^?")
        #expect(ControlCharacter.visibleForm(0x85) == "<85>")
        #expect(ControlCharacter.visibleForm(0x9B) == "<9B>")
        // Every visible form is printable ASCII, so it is itself safe to show.
        for value in UInt32(0)...0xA0 where ControlCharacter.isControl(value) {
            #expect(ControlCharacter.visibleForm(value).utf8.allSatisfy(ControlCharacter.isPrintableASCII(byte:)))
        }
    }
}
