import X12Claims

/// Dates as the paper forms print them (the CMS-1500 leaves a space between month, day and year).
public enum FormDate {
    /// `MM DD YY` (items 14 and 24A).
    public static func short(_ date: CalendarDate) -> String {
        "\(two(date.month)) \(two(date.day)) \(two(date.year % 100))"
    }

    /// `MM DD YYYY` (birth dates, items 3 and 11a).
    public static func long(_ date: CalendarDate) -> String {
        "\(two(date.month)) \(two(date.day)) \(date.year)"
    }

    /// `MM/DD/YYYY` from an X12 `CCYYMMDD` or ISO `YYYY-MM-DD` text (remittance dates); the text as is when it is neither.
    public static func slashed(_ text: String) -> String {
        guard let date = CalendarDate(x12: text) ?? CalendarDate(iso: text) else { return text }
        return "\(two(date.month))/\(two(date.day))/\(date.year)"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
