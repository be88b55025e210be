import Foundation

/// Money in dollars as `Decimal`, read from a JSON number or string and written with `.` and no locale.
public enum Money {
    /// Parses `45`, `45.0`, `"45.00"`; `nil` for anything else (exponents, thousands separators, more than 2 decimals).
    public static func parse(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = 0
        var decimals: Int?
        for (index, character) in trimmed.enumerated() {
            if character == "-" && index == 0 { continue }
            if character == "." {
                if decimals != nil { return nil }
                decimals = 0
                continue
            }
            guard character.isASCIIDigit else { return nil }
            if decimals != nil { decimals = (decimals ?? 0) + 1 } else { digits += 1 }
        }
        guard digits > 0, (decimals ?? 0) <= 2 else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Whether an amount has at most two decimals.
    static func hasCents(_ value: Decimal) -> Bool {
        var scaled = value * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return rounded == scaled
    }

    /// The amount as X12 `R` text: `120`, `120.5`, `120.55` (rounded to cents, no trailing zeros, no exponent).
    public static func x12(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        return rounded.description
    }

    /// The amount with exactly two decimals (`120.50`), for human summaries.
    public static func display(_ amount: Decimal) -> String {
        let text = x12(amount)
        guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        return text + String(repeating: "0", count: max(0, 2 - decimals))
    }

    /// Decimal units as X12 text (`4`, `1.5`).
    static func quantity(_ value: Decimal) -> String { value.description }
}
