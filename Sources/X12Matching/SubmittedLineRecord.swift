import Foundation

/// A submitted service line as the ``ClaimMatcher`` compares it with a paid or acknowledged line.
public protocol SubmittedLineRecord: Sendable {
    /// LX01, the line number within the claim.
    var lineNumber: Int { get }
    /// The procedure code (SV101-2 / SV202-2).
    var procedureCode: String { get }
    /// The procedure modifiers.
    var modifiers: [String] { get }
    /// The line charge (SV102 / SV203).
    var chargeAmount: Decimal? { get }
    /// REF*6R, the line item control number.
    var lineControlNumber: String? { get }
}
