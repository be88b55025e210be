import Foundation
import X12

/// Dollar amounts held as `Decimal`: read from a JSON number or string and written with `.` and no locale
/// (the remittance side has its own exact value type, `X12Remittance.Money`).
public enum AmountText {
    /// Parses `45`, `45.0`, `"45.00"`; `nil` for anything else (exponents, thousands separators, more than 2 decimals).
    public static func parse(_ text: String) -> Decimal? {
        guard let (value, decimals) = plainNumber(text.trimmingSpaces), decimals <= 2 else { return nil }
        return value
    }

    /// Reads `-?digits[.digits]` without going through `Decimal(string:)` (slow) or `Double` (inexact);
    /// returns the value and its number of decimals.
    static func plainNumber(_ text: String) -> (Decimal, Int)? {
        var negative = false
        var significand: UInt64 = 0
        var digits = 0
        var decimals: Int?
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where index == 0:
                negative = true
            case UInt8(ascii: "."):
                guard decimals == nil else { return nil }
                decimals = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return nil }
                if significand > 0 || byte != UInt8(ascii: "0") { digits += 1 }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                if let count = decimals { decimals = count + 1 }
            default:
                return nil
            }
        }
        let places = decimals ?? 0
        guard text.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              decimals != 0 else { return nil }
        let value = Decimal(sign: negative ? .minus : .plus, exponent: -places, significand: Decimal(significand))
        return (value, places)
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
