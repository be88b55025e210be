import Foundation
import X12Acknowledgments
import X12Remittance

/// The one policy that ties payments and acknowledgments to submitted claims and lines, over any
/// ``SubmittedClaimLookup``: `x12 remit --claims`, `x12 ack --claims` and the ledger all match through it.
///
/// - A claim payment (CLP01) or a 277CA claim (TRN02) matches a submitted claim with the same CLM01, compared
///   without regard to case. Among several, those whose CLM02 equals the charge (CLP03, or −CLP03 for a
///   reversal; STC04) come first, then those spelled exactly alike, then the lookup's order; a 277CA claim
///   also prefers a claim no earlier 277CA claim answered, so a claim sent twice gets both answers.
/// - A service line matches the submitted line with the same REF*6R line control number, or else the first
///   unmatched line of the claim with the same procedure code (SVC06 when the payer changed the code),
///   modifiers and charge (or negated charge).
/// - A TA1 matches the claims of its interchange (ISA13), a 999 those of its group (GS06) and transaction set
///   (ST02), control numbers compared as numbers; a 999 CTX*CLM01 names a claim of that set by its exact CLM01.
public struct ClaimMatcher<Lookup: SubmittedClaimLookup> {
    /// Where the submitted claims are looked up.
    public let lookup: Lookup

    /// Matches against `lookup`.
    public init(lookup: Lookup) {
        self.lookup = lookup
    }

    /// The submitted claim for CLM01 `patientControlNumber` charged `chargeAmount`, preferring one whose id is not
    /// in `answered`; `nil` when no claim has that number.
    public func claim(patientControlNumber: String, chargeAmount: Money?,
                      answered: Set<Lookup.Claim.ID> = []) throws(Lookup.Failure) -> Lookup.Claim? {
        let candidates = try lookup.claims(patientControlNumber: patientControlNumber)
        var pool = candidates
        if let charge = chargeAmount {
            let sameCharge = candidates.filter { Self.same($0.chargeAmount, charge) }
            if !sameCharge.isEmpty { pool = sameCharge }
        }
        let exact = pool.filter { $0.patientControlNumber == patientControlNumber }
        if !exact.isEmpty { pool = exact }
        return pool.first { !answered.contains($0.id) } ?? pool.first
    }

    /// The submitted claim and lines a claim payment pays; `nil` when no claim has its CLP01.
    public func payment(_ claim: RemittanceClaim) throws(Lookup.Failure) -> PaymentMatch<Lookup.Claim>? {
        guard let submitted = try self.claim(patientControlNumber: claim.patientControlNumber, chargeAmount: claim.chargeAmount)
        else { return nil }
        let lines = try lookup.lines(of: submitted)
        var used: Set<Int> = []
        let matches = claim.lines.map { Self.line(for: $0, in: lines, used: &used) }
        let unpaid = lines.indices.filter { !used.contains($0) }.map { lines[$0] }
        return PaymentMatch(claim: submitted, lines: matches, unpaidLines: unpaid)
    }

    /// The submitted claim a 277CA claim answers, preferring one not in `answered`; `nil` when no claim has its TRN02.
    public func acknowledgment(_ claim: AcknowledgedClaim,
                               answered: Set<Lookup.Claim.ID> = []) throws(Lookup.Failure) -> Lookup.Claim? {
        try self.claim(patientControlNumber: claim.patientControlNumber, chargeAmount: claim.chargeAmount.map { Money($0) },
                       answered: answered)
    }

    /// The claims a TA1 answers: those of the interchange with ISA13 = TA101.
    public func claims(acknowledgingInterchange controlNumber: String) throws(Lookup.Failure) -> [Lookup.Claim] {
        try lookup.claims(interchangeControlNumber: controlNumber)
    }

    /// The claims a 999 answers for its group: those of the group with GS06 = AK102.
    public func claims(acknowledgingGroup controlNumber: String) throws(Lookup.Failure) -> [Lookup.Claim] {
        try lookup.claims(groupControlNumber: controlNumber)
    }

    /// The claims a 999 AK2 answers: those of the set with ST02 = AK202 in the group with GS06 = AK102.
    public func claims(acknowledgingTransactionSet controlNumber: String,
                       group groupControlNumber: String) throws(Lookup.Failure) -> [Lookup.Claim] {
        try lookup.claims(transactionSetControlNumber: controlNumber, groupControlNumber: groupControlNumber)
    }

    /// The claims of that transaction set a 999 CTX*CLM01 names: the 999 echoes CLM01 as sent, so it must be exact.
    public func claims(referencedBy patientControlNumber: String, transactionSet controlNumber: String,
                       group groupControlNumber: String) throws(Lookup.Failure) -> [Lookup.Claim] {
        try lookup.claims(transactionSetControlNumber: controlNumber, groupControlNumber: groupControlNumber)
            .filter { $0.patientControlNumber == patientControlNumber }
    }

    /// The submitted line of one service line: same REF*6R, else the first unused line with the same procedure.
    private static func line(for line: RemittanceServiceLine, in lines: [Lookup.Claim.Line],
                             used: inout Set<Int>) -> PaymentMatch<Lookup.Claim>.Line? {
        if let control = line.lineControlNumber, let position = lines.firstIndex(where: { $0.lineControlNumber == control }) {
            used.insert(position)
            return .init(line: lines[position], method: .lineControlNumber)
        }
        let code = line.originalProcedureCode ?? line.procedureCode
        let modifiers = line.originalProcedureCode == nil ? line.modifiers : (line.originalModifiers ?? [])
        guard let position = lines.indices.first(where: { position in
            !used.contains(position) && lines[position].procedureCode == code && lines[position].modifiers == modifiers
                && same(lines[position].chargeAmount, line.chargeAmount)
        }) else { return nil }
        used.insert(position)
        return .init(line: lines[position], method: .procedure)
    }

    /// Whether a submitted charge equals `charge` or its negation (a reversal).
    private static func same(_ submitted: Decimal?, _ charge: Money) -> Bool {
        guard let submitted else { return false }
        let amount = Money(submitted)
        return amount == charge || amount == -charge
    }
}

extension ClaimMatcher: Sendable where Lookup: Sendable {}
