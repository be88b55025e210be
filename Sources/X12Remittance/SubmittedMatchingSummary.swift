/// Totals of matching remittances against a submitted 837.
public struct SubmittedMatchingSummary: Sendable, Hashable, Codable {
    /// Number of claims in the submitted file.
    public var submittedClaimCount: Int
    /// Number of claim payments matched to a submitted claim.
    public var matchedClaimCount: Int
    /// CLP01 of the claim payments that matched no submitted claim.
    public var unmatchedClaims: [String]
    /// CLM01 of the submitted claims no claim payment matched.
    public var submittedClaimsNotInRemittance: [String]
    /// Σ CLM02 of the matched submitted claims, once per matching claim payment that is not a reversal.
    public var billedAmount: Money
    /// Σ CLP04 of the matched claim payments (reversals included, so a reversed and re-paid claim nets out).
    public var paidAmount: Money

    /// Creates a summary.
    public init(submittedClaimCount: Int, matchedClaimCount: Int, unmatchedClaims: [String],
                submittedClaimsNotInRemittance: [String], billedAmount: Money, paidAmount: Money) {
        self.submittedClaimCount = submittedClaimCount
        self.matchedClaimCount = matchedClaimCount
        self.unmatchedClaims = unmatchedClaims
        self.submittedClaimsNotInRemittance = submittedClaimsNotInRemittance
        self.billedAmount = billedAmount
        self.paidAmount = paidAmount
    }
}
