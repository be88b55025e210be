/// The 835 balancing rules, applied exactly with `Decimal` amounts:
///
/// 1. service line: SVC02 − Σ line CAS = SVC03;
/// 2. claim: CLP03 − Σ claim CAS − Σ line CAS = CLP04;
/// 3. patient responsibility (soft): CLP05 = Σ `PR` adjustments, when CLP05 is given;
/// 4. transaction: BPR02 = Σ CLP04 − Σ PLB.
///
/// Reversals need no special case: their amounts are negated and balance the same way.
public enum RemittanceBalancer {
    /// Checks a claim and its lines, and replaces the claim's ``RemittanceClaim/balance`` findings.
    public static func balance(_ claim: inout RemittanceClaim) {
        var findings: [BalanceFinding] = []
        var lineAdjustments = Money.zero
        for index in claim.lines.indices {
            let adjusted = claim.lines[index].adjustments.total
            lineAdjustments += adjusted
            let charge = claim.lines[index].chargeAmount
            let paid = claim.lines[index].paidAmount
            let expected = charge - adjusted
            if expected != paid {
                let line = claim.lines[index]
                findings.append(BalanceFinding(
                    rule: .serviceLine, expected: expected, actual: paid, segment: line.segment,
                    message: "claim \(claim.patientControlNumber) line \(line.procedureCode): SVC02 \(charge) - adjustments "
                        + "\(adjusted) = \(expected), but SVC03 is \(paid) (off by \(paid - expected))"))
            }
        }
        let adjustments = claim.adjustments.total + lineAdjustments
        let expected = claim.chargeAmount - adjustments
        if expected != claim.paidAmount {
            findings.append(BalanceFinding(
                rule: .claim, expected: expected, actual: claim.paidAmount, segment: claim.segment,
                message: "claim \(claim.patientControlNumber): CLP03 \(claim.chargeAmount) - adjustments \(adjustments) = \(expected), "
                    + "but CLP04 is \(claim.paidAmount) (off by \(claim.paidAmount - expected))"))
        }
        if let responsibility = claim.patientResponsibilityAmount {
            let patientShare = claim.patientResponsibilityAdjustmentTotal
            if patientShare != responsibility {
                findings.append(BalanceFinding(
                    rule: .patientResponsibility, expected: patientShare, actual: responsibility, segment: claim.segment,
                    message: "claim \(claim.patientControlNumber): PR adjustments add up to \(patientShare), "
                        + "but CLP05 is \(responsibility) (off by \(responsibility - patientShare))"))
            }
        }
        claim.balance = findings
    }

    /// The transaction-level finding (BPR02 against Σ CLP04 − Σ PLB), from the totals of what was read.
    public static func transactionBalance(of remittance: Remittance, totals: RemittanceTotals) -> [BalanceFinding] {
        let expected = totals.paidAmount - totals.providerAdjustmentAmount
        let actual = remittance.payment.amount
        guard expected != actual else { return [] }
        var message = "transaction \(remittance.transactionSetControlNumber): claim payments \(totals.paidAmount) - provider "
            + "adjustments \(totals.providerAdjustmentAmount) = \(expected), but BPR02 is \(actual) (off by \(actual - expected))"
        if totals.skippedClaimCount > 0 { message += "; \(totals.skippedClaimCount) broken claim loop(s) were skipped" }
        return [BalanceFinding(rule: .transaction, expected: expected, actual: actual, segment: remittance.paymentSegment,
                               message: message)]
    }
}
