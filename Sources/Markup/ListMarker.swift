/// Ordered-list numbering in the styles HTML's `type` attribute allows.
enum ListMarker {
    static func ordered(_ number: Int, style: Character) -> String {
        switch style {
        case "a": return letters(number)?.lowercased() ?? String(number)
        case "A": return letters(number) ?? String(number)
        case "i": return roman(number)?.lowercased() ?? String(number)
        case "I": return roman(number) ?? String(number)
        default: return String(number)
        }
    }

    /// 1 → A, 26 → Z, 27 → AA.
    static func letters(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var n = number
        var result: [Character] = []
        while n > 0 {
            n -= 1
            result.append(Character(Unicode.Scalar(UInt8(65 + n % 26))))
            n /= 26
        }
        return String(result.reversed())
    }

    static func roman(_ number: Int) -> String? {
        guard number >= 1, number < 4000 else { return nil }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = number
        var result = ""
        for (value, symbol) in table {
            while n >= value { result += symbol; n -= value }
        }
        return result
    }
}
