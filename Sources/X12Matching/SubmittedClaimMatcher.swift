import X12Remittance

/// Matches claim payments back to the claims of a submitted 837 with the ``ClaimMatcher`` rules, and fills
/// `RemittanceClaim.submitted` and `RemittanceServiceLine.submitted`: what `x12 remit --claims` prints.
///
/// Call ``match(_:)`` once per claim as the 835 streams (or once per transaction set), then read ``summary``:
/// the matcher remembers which submitted claims were paid, so the summary lists those no remittance mentioned.
public final class SubmittedClaimMatcher: RemittanceClaimMatching {
    private let index: SubmittedClaimIndex
    private let matcher: ClaimMatcher<SubmittedClaimIndex>
    private var paidClaims: Set<Int> = []
    private var matchedCount = 0
    private var unmatched: [String] = []
    private var billed = Money.zero
    private var paid = Money.zero

    /// Prepares matching against a submitted 837.
    public init(index: SubmittedClaimIndex) {
        self.index = index
        matcher = ClaimMatcher(lookup: index)
    }

    /// Fills the claim's and its lines' `submitted` match records and counts the claim in ``summary``.
    public func match(_ claim: inout RemittanceClaim) {
        guard let found = matcher.payment(claim) else {
            unmatched.append(claim.patientControlNumber)
            claim.submitted = SubmittedClaimMatch(matched: false, billedAmount: nil, paidAmount: claim.paidAmount)
            for offset in claim.lines.indices {
                claim.lines[offset].submitted = SubmittedLineMatch(matchedBy: nil, lineNumber: nil, billedAmount: nil,
                                                                   paidAmount: claim.lines[offset].paidAmount)
            }
            return
        }
        let submitted = found.claim
        paidClaims.insert(submitted.id)
        matchedCount += 1
        let billedAmount = submitted.chargeAmount.map { Money($0) }
        if !claim.isReversal { billed += billedAmount ?? .zero }
        paid += claim.paidAmount
        for (offset, line) in found.lines.enumerated() {
            claim.lines[offset].submitted = SubmittedLineMatch(
                matchedBy: line?.method.rawValue, lineNumber: line?.line.lineNumber,
                billedAmount: line?.line.chargeAmount.map { Money($0) }, paidAmount: claim.lines[offset].paidAmount)
        }
        claim.submitted = SubmittedClaimMatch(
            matched: true, billedAmount: billedAmount, paidAmount: claim.paidAmount, isReversal: claim.isReversal,
            interchangeControlNumber: submitted.interchangeControlNumber,
            transactionSetControlNumber: submitted.transactionSetControlNumber, claimSegment: submitted.claimSegmentIndex,
            unpaidLineNumbers: claim.lines.isEmpty ? [] : found.unpaidLines.map(\.lineNumber))
    }

    /// Totals of the matching done so far.
    public var summary: SubmittedMatchingSummary {
        let unpaid = index.claims.filter { !paidClaims.contains($0.id) }.map(\.patientControlNumber)
        return SubmittedMatchingSummary(submittedClaimCount: index.claims.count, matchedClaimCount: matchedCount,
                                        unmatchedClaims: unmatched, submittedClaimsNotInRemittance: unpaid,
                                        billedAmount: billed, paidAmount: paid)
    }
}
