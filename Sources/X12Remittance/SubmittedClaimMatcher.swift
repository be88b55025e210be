import X12
import X12Claims

/// Matches claim payments back to the claims of a submitted 837.
///
/// A claim payment matches the submitted claim whose CLM01 equals CLP01 (compared without regard to
/// case, since payers may upper-case it); when several submitted claims share the number, the one whose
/// charge equals CLP03 (or −CLP03 for a reversal) wins. A service line matches the submitted line with
/// the same REF*6R line control number, or else the first unmatched line of the claim with the same
/// procedure code (SVC06 when the payer changed the code), modifiers and charge.
///
/// The matcher remembers which submitted claims were paid, so ``summary`` lists the submitted claims
/// that no remittance mentioned.
public final class SubmittedClaimMatcher {
    private let index: SubmittedClaimIndex
    private var byPatientControlNumber: [String: [Int]] = [:]
    private var seen: Set<Int> = []
    private var matchedCount = 0
    private var unmatched: [String] = []
    private var billed = Money.zero
    private var paid = Money.zero

    /// Prepares matching against a submitted 837.
    public init(index: SubmittedClaimIndex) {
        self.index = index
        for (position, claim) in index.claims.enumerated() {
            byPatientControlNumber[claim.patientControlNumber.uppercased(), default: []].append(position)
        }
    }

    /// Fills ``RemittanceClaim/submitted`` and ``RemittanceServiceLine/submitted`` for every claim.
    public func match(_ remittance: inout Remittance) {
        for offset in remittance.claims.indices {
            match(&remittance.claims[offset])
        }
    }

    /// Totals of the matching done so far.
    public var summary: SubmittedMatchingSummary {
        let unpaid = index.claims.indices.filter { !seen.contains($0) }.map { index.claims[$0].patientControlNumber }
        return SubmittedMatchingSummary(submittedClaimCount: index.claims.count, matchedClaimCount: matchedCount,
                                        unmatchedClaims: unmatched, submittedClaimsNotInRemittance: unpaid,
                                        billedAmount: billed, paidAmount: paid)
    }

    /// Fills ``RemittanceClaim/submitted`` and ``RemittanceServiceLine/submitted`` for one claim payment.
    public func match(_ claim: inout RemittanceClaim) {
        let candidates = byPatientControlNumber[claim.patientControlNumber.uppercased()] ?? []
        let charge = claim.chargeAmount
        guard let found = candidates.first(where: { position in
            index.claims[position].chargeAmount.map { Money($0) == charge || Money($0) == -charge } ?? false
        }) ?? candidates.first else {
            unmatched.append(claim.patientControlNumber)
            claim.submitted = SubmittedClaimMatch(matched: false, billedAmount: nil, paidAmount: claim.paidAmount)
            for offset in claim.lines.indices {
                claim.lines[offset].submitted = SubmittedLineMatch(matchedBy: nil, lineNumber: nil, billedAmount: nil,
                                                                   paidAmount: claim.lines[offset].paidAmount)
            }
            return
        }
        seen.insert(found)
        matchedCount += 1
        let submitted = index.claims[found]
        let billedAmount = submitted.chargeAmount.map(Money.init)
        if !claim.isReversal { billed += billedAmount ?? .zero }
        paid += claim.paidAmount
        var used: Set<Int> = []
        for offset in claim.lines.indices {
            claim.lines[offset].submitted = matchLine(claim.lines[offset], in: submitted, used: &used)
        }
        let unpaidLines = submitted.lines.indices.filter { !used.contains($0) }.map { submitted.lines[$0].lineNumber }
        claim.submitted = SubmittedClaimMatch(
            matched: true, billedAmount: billedAmount, paidAmount: claim.paidAmount, isReversal: claim.isReversal,
            interchangeControlNumber: submitted.interchangeControlNumber,
            transactionSetControlNumber: submitted.transactionSetControlNumber, claimSegment: submitted.claimSegmentIndex,
            unpaidLineNumbers: claim.lines.isEmpty ? [] : unpaidLines)
    }

    private func matchLine(_ line: RemittanceServiceLine, in claim: SubmittedClaimIndex.Claim,
                           used: inout Set<Int>) -> SubmittedLineMatch {
        func found(_ position: Int, by method: String) -> SubmittedLineMatch {
            used.insert(position)
            let submitted = claim.lines[position]
            return SubmittedLineMatch(matchedBy: method, lineNumber: submitted.lineNumber,
                                      billedAmount: submitted.chargeAmount.map(Money.init), paidAmount: line.paidAmount)
        }
        if let control = line.lineControlNumber,
           let position = claim.lines.firstIndex(where: { $0.lineControlNumber == control }) {
            return found(position, by: "lineControlNumber")
        }
        let code = line.originalProcedureCode ?? line.procedureCode
        let modifiers = line.originalProcedureCode == nil ? line.modifiers : (line.originalModifiers ?? [])
        let charge = line.chargeAmount
        if let position = claim.lines.indices.first(where: { position in
            let submitted = claim.lines[position]
            return !used.contains(position) && submitted.procedureCode == code && submitted.modifiers == modifiers
                && submitted.chargeAmount.map { Money($0) == charge || Money($0) == -charge } ?? false
        }) {
            return found(position, by: "procedure")
        }
        return SubmittedLineMatch(matchedBy: nil, lineNumber: nil, billedAmount: nil, paidAmount: line.paidAmount)
    }
}

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
}
