import Foundation

/// An exact amount of money read from an X12 `R` element (`100`, `100.5`, `-25.00`).
///
/// The value is exact, never a `Double`, so sums and balancing checks are exact. It prints and encodes
/// as a decimal string with at least two decimal places and `.` as the separator, whatever the locale:
/// `810.8` becomes `"810.80"`, `-25` becomes `"-25.00"`, and a value with more than two decimals keeps
/// them all (`"0.125"`) rather than being rounded.
///
/// Amounts with up to four decimals (every real remittance amount) are held as a count of
/// ten-thousandths in an `Int64`, which makes adding up a large 835 cheap; anything else, and any sum
/// that would overflow, is held as a `Decimal`. ``value`` always gives the `Decimal`.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    private enum Storage: Sendable, Hashable {
        /// Ten-thousandths of the unit. Used whenever the amount fits, so equal amounts have equal storage.
        case fixed(Int64)
        /// Any other amount.
        case decimal(Decimal)
    }

    private static let scale = 4
    private static let unit: Int64 = 10_000
    private var storage: Storage

    /// Zero.
    public static let zero = Money(fixed: 0)

    private init(fixed units: Int64) {
        storage = .fixed(units)
    }

    /// Wraps a decimal amount.
    public init(_ value: Decimal) {
        if let money = Money(bytes: value.description.utf8), case .fixed = money.storage {
            self = money
        } else {
            storage = .decimal(value)
        }
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
        var decimals = 0
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
                if seenPoint { decimals += 1 }
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        var units = Int64(significand)
        var fits = decimals <= Self.scale
        if fits {
            for _ in decimals..<Self.scale {
                let (scaled, overflow) = units.multipliedReportingOverflow(by: 10)
                units = scaled
                fits = fits && !overflow
            }
        }
        if fits {
            storage = .fixed(negative ? -units : units)
        } else {
            storage = .decimal(Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: -decimals,
                                       significand: Decimal(significand)))
        }
    }

    /// The exact amount.
    public var value: Decimal {
        switch storage {
        case .fixed(let units):
            return Decimal(sign: units < 0 ? .minus : .plus, exponent: -Self.scale, significand: Decimal(units.magnitude))
        case .decimal(let value):
            return value
        }
    }

    /// The amount with at least two decimal places (`"810.80"`, `"-25.00"`, `"0.00"`).
    public var description: String {
        switch storage {
        case .fixed(let units):
            let magnitude = units.magnitude
            var fraction = Int(magnitude % UInt64(Self.unit))
            var places = Self.scale
            while places > 2 && fraction % 10 == 0 {
                fraction /= 10
                places -= 1
            }
            var fractionText = String(fraction)
            if fractionText.utf8.count < places {
                fractionText = String(repeating: "0", count: places - fractionText.utf8.count) + fractionText
            }
            return (units < 0 ? "-" : "") + String(magnitude / UInt64(Self.unit)) + "." + fractionText
        case .decimal(let value):
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
    }

    /// Whether the amount is below zero (reversals, recoupments, negative adjustments).
    public var isNegative: Bool {
        switch storage {
        case .fixed(let units): return units < 0
        case .decimal(let value): return value < 0
        }
    }

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

    public static func < (lhs: Money, rhs: Money) -> Bool {
        if case .fixed(let left) = lhs.storage, case .fixed(let right) = rhs.storage { return left < right }
        return lhs.value < rhs.value
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        if case .fixed(let left) = lhs.storage, case .fixed(let right) = rhs.storage {
            let (sum, overflow) = left.addingReportingOverflow(right)
            if !overflow { return Money(fixed: sum) }
        }
        return Money(lhs.value + rhs.value)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        if case .fixed(let left) = lhs.storage, case .fixed(let right) = rhs.storage {
            let (difference, overflow) = left.subtractingReportingOverflow(right)
            if !overflow { return Money(fixed: difference) }
        }
        return Money(lhs.value - rhs.value)
    }

    public static prefix func - (amount: Money) -> Money {
        if case .fixed(let units) = amount.storage, units != .min { return Money(fixed: -units) }
        return Money(-amount.value)
    }

    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
}

extension Sequence where Element == Money {
    /// The exact sum.
    public func sum() -> Money { reduce(.zero, +) }
}
