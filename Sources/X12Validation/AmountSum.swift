import Foundation

/// A running total of X12 `R` amounts (`-12.5`), exact and without going through a locale.
///
/// While every amount has at most six decimals and the total fits, it is kept as a whole number of
/// millionths (integer additions); otherwise it continues as a `Decimal`. Either way ``value`` is the exact sum.
struct AmountSum {
    private static let scale = 6
    /// The total in millionths, while ``decimal`` is `nil`.
    private var millionths: Int64 = 0
    /// The total once an amount did not fit the integer form.
    private var decimal: Decimal?

    /// The exact total.
    var value: Decimal {
        if let decimal { return decimal }
        return Decimal(sign: millionths < 0 ? .minus : .plus, exponent: -Self.scale, significand: Decimal(millionths.magnitude))
    }

    /// Whether the total is zero.
    var isZero: Bool { decimal.map { $0 == 0 } ?? (millionths == 0) }

    /// Adds (or with `negated` subtracts) the amount written in `bytes`; `false` when they are not a number.
    mutating func add(_ bytes: some Collection<UInt8>, negated: Bool) -> Bool {
        guard ElementValidator.isDecimal(bytes), bytes.count <= 19 else { return false }
        if decimal == nil, let amount = Self.millionths(bytes) {
            let (total, overflow) = negated ? millionths.subtractingReportingOverflow(amount)
                                            : millionths.addingReportingOverflow(amount)
            if !overflow {
                millionths = total
                return true
            }
        }
        guard let amount = Self.amount(bytes) else { return false }
        var total = value
        total += negated ? -amount : amount
        decimal = total
        return true
    }

    /// The amount in millionths, or `nil` when it has more than six decimals or does not fit.
    private static func millionths(_ bytes: some Collection<UInt8>) -> Int64? {
        var value: Int64 = 0
        var decimals = 0
        var seenPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte != UInt8(ascii: "-") {
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                let (next, carry) = shifted.addingReportingOverflow(Int64(byte - 0x30))
                guard !overflow && !carry else { return nil }
                value = next
                if seenPoint { decimals += 1 }
            }
        }
        guard decimals <= scale else { return nil }
        var factor: Int64 = 1
        for _ in decimals..<scale { factor *= 10 }
        let (scaled, overflow) = value.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        return bytes.first == UInt8(ascii: "-") ? -scaled : scaled
    }

    /// Reads an `R` value as a `Decimal`; `nil` when malformed.
    static func amount(_ bytes: some Collection<UInt8>) -> Decimal? {
        guard ElementValidator.isDecimal(bytes), bytes.count <= 19 else { return nil }
        var significand: UInt64 = 0
        var exponent = 0
        var seenPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte != UInt8(ascii: "-") {
                significand = significand * 10 + UInt64(byte - 0x30)
                if seenPoint { exponent -= 1 }
            }
        }
        return Decimal(sign: bytes.first == UInt8(ascii: "-") ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
    }
}
