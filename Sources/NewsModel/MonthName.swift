/// English month names, the one table for date formatting (`%b`, `%B`) and for reading
/// RFC 822 / loose feed dates (`Jan`, `SEPT`). Locale-free on purpose: feeds and the
/// `date-format` setting use English names whatever the system locale.
public enum MonthName {
    /// `January` … `December`; index 0 is January.
    public static let full = ["January", "February", "March", "April", "May", "June", "July",
                              "August", "September", "October", "November", "December"]

    /// `Jan` … `Dec`.
    public static let abbreviated = full.map { String($0.prefix(3)) }

    /// The full name of month `number` (1–12); out-of-range numbers wrap.
    public static func full(_ number: Int) -> String { full[((number - 1) % 12 + 12) % 12] }

    /// The month (1–12) whose three-letter abbreviation starts `token`, ignoring case
    /// (`jan`, `SEPT`, `December`), or nil.
    public static func number(startingWith token: Substring) -> Int? {
        guard token.count >= 3 else { return nil }
        let upper = token.prefix(3).uppercased()
        guard let index = abbreviated.firstIndex(where: { $0.uppercased() == upper }) else { return nil }
        return index + 1
    }
}
