import Foundation

/// An exact amount of money read from an X12 `R` element (`100`, `100.5`, `-25.00`).
///
/// The value is a `Decimal`, never a `Double`, so sums and balancing checks are exact. It prints and
/// encodes as a decimal string with at least two decimal places and `.` as the separator, whatever the
/// locale: `810.8` becomes `"810.80"`, `-25` becomes `"-25.00"`, and a value with more than two decimals
/// keeps them all (`"0.125"`) rather than being rounded.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The exact amount.
    public var value: Decimal

    /// Zero.
    public static let zero = Money(Decimal(0))

    /// Wraps a decimal amount.
    public init(_ value: Decimal) {
        self.value = value
    }

    /// Reads an X12 `R` value: optional leading `-`, digits, optional `.` and decimals; `nil` otherwise
    /// (empty, `+`, exponents, thousands separators or more than 18 digits).
    public init?(_ text: String) {
        var text = text
        guard let money = text.withUTF8({ Money(bytes: $0) }) else { return nil }
        self = money
    }

    /// Reads an X12 `R` value from bytes without building a `String`.
    init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        var negative = false
        var significand: UInt64 = 0
        var digits = 0
        var scale = 0
        var seenPoint = false
        var first = true
        for byte in bytes {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first:
                negative = true
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                guard digits <= 18 else { return nil }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                if seenPoint { scale += 1 }
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        value = Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: -scale,
                        significand: Decimal(significand))
    }

    /// The amount with at least two decimal places (`"810.80"`, `"-25.00"`, `"0.00"`).
    public var description: String {
        if value.isZero { return "0.00" }
        var text = value.description
        if let point = text.firstIndex(of: ".") {
            let decimals = text.distance(from: point, to: text.endIndex) - 1
            if decimals < 2 { text += String(repeating: "0", count: 2 - decimals) }
        } else {
            text += ".00"
        }
        return text
    }

    /// Whether the amount is below zero (reversals, recoupments, negative adjustments).
    public var isNegative: Bool { value < 0 }

    /// Reads the decimal string written by ``encode(to:)``.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let money = Money(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a decimal amount")
        }
        self = money
    }

    /// Writes the amount as a decimal string (`"45.00"`).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Parses a literal such as `"45.00"` in code; a literal that is not a decimal is a programming error.
    public init(stringLiteral text: String) {
        guard let money = Money(text) else { preconditionFailure("'\(text)' is not a decimal amount") }
        self = money
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(lhs.value + rhs.value) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(lhs.value - rhs.value) }
    public static prefix func - (amount: Money) -> Money { Money(-amount.value) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.value += rhs.value }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.value -= rhs.value }
}

extension Sequence where Element == Money {
    /// The exact sum.
    public func sum() -> Money { reduce(.zero, +) }
}
