import Foundation
import GRDB
import X12Claims

extension Ledger {
    /// K1: warnings for the Medicare claims of `output` that take a patient's therapy charges of a calendar year past
    /// that year's KX threshold (`KXThreshold` in X12Claims) while the case has no KX flag. The claims are not changed.
    ///
    /// A patient is known by the subscriber's member id (the MBI) on claims to a payer with filing code `MB`. The
    /// year's total counts the therapy lines (codes flagged `therapy`, or custom codes mapped to one) of the latest
    /// submission of every earlier claim of the patient in the ledger (secondary claims and voids left out, and
    /// claims this run replaces), then this run's claims in date order.
    public func kxThresholdWarnings(_ output: ClaimBuilder.Output, batch: BillingBatch) throws(LedgerError) -> [String] {
        let medicarePayers = Set(batch.payers.filter { $0.claimFilingCode?.uppercased() == "MB" && $0.resolvedKind == .insurance }.map(\.id))
        var therapyCodes = Set<String>()
        for code in batch.codes where code.therapy == true {
            therapyCodes.insert(code.code.uppercased())
            if let mapped = code.mapsTo { therapyCodes.insert(mapped.uppercased()) }
        }
        guard !medicarePayers.isEmpty, !therapyCodes.isEmpty else { return [] }
        let entries = Dictionary(output.report.claims.map { ($0.patientControlNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let visits = Dictionary(batch.visits.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let cases = Dictionary(batch.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        struct Item {
            var patientControlNumber: String
            var visitId: String
            var caseId: String
            var memberId: String
            var date: CalendarDate
            var therapyCharge: Decimal
        }
        var items: [Item] = []
        for transaction in output.file.transactions {
            for provider in transaction.billingProviders {
                for group in provider.subscribers {
                    for claim in group.claims {
                        guard let entry = entries[claim.patientControlNumber], medicarePayers.contains(entry.payerId),
                              let visit = visits[entry.visitId], let first = claim.lines.first else { continue }
                        let charge = claim.lines.filter { therapyCodes.contains($0.procedureCode.uppercased()) }.reduce(Decimal(0)) { $0 + $1.charge }
                        guard charge > 0 else { continue }
                        items.append(Item(patientControlNumber: claim.patientControlNumber, visitId: visit.id, caseId: visit.caseId,
                                          memberId: group.subscriber.memberId, date: first.serviceDate, therapyCharge: charge))
                    }
                }
            }
        }
        guard !items.isEmpty else { return [] }
        let thisRun = Set(items.map(\.patientControlNumber))
        var totals: [String: Decimal] = [:]
        for key in Set(items.map { "\($0.memberId)\u{1}\($0.date.year)" }) {
            let parts = key.split(separator: "\u{1}").map(String.init)
            guard parts.count == 2 else { continue }
            let rows = try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT c.patientControlNumber, c.payerId, l.procedureCode, l.chargeAmount FROM claimLine l JOIN claim c ON c.id = l.claimId
                    WHERE c.memberId = ? AND c.primaryClaimId IS NULL AND c.frequencyCode <> '8' AND l.serviceDate LIKE ?
                      AND c.id IN (SELECT MAX(id) FROM claim WHERE memberId = ? GROUP BY patientControlNumber)
                    """, arguments: [parts[0], parts[1] + "-%", parts[0]])
            }
            var total = Decimal(0)
            for row in rows {
                let number: String = row["patientControlNumber"]
                let payer: String = row["payerId"]
                let code: String = row["procedureCode"]
                guard !thisRun.contains(number), medicarePayers.contains(payer), therapyCodes.contains(code.uppercased()) else { continue }
                total += Decimal(ledgerText: row["chargeAmount"])
            }
            totals[key] = total
        }
        var warnings: [String] = []
        var unknownYears = Set<Int>()
        for item in items.sorted(by: { ($0.date, $0.patientControlNumber) < ($1.date, $1.patientControlNumber) }) {
            let key = "\(item.memberId)\u{1}\(item.date.year)"
            let total = (totals[key] ?? 0) + item.therapyCharge
            totals[key] = total
            guard cases[item.caseId]?.kxModifier != true else { continue }
            guard let threshold = KXThreshold.amount(for: item.date.year) else {
                if unknownYears.insert(item.date.year).inserted {
                    warnings.append("no KX threshold is known for \(item.date.year): add it to the KXThreshold table \(BillingRule.kxThreshold.tag)")
                }
                continue
            }
            if total > threshold {
                warnings.append("visit \(item.visitId): Medicare patient \(item.memberId) has \(LedgerMoney.text(total)) of therapy charges billed in "
                                + "\(item.date.year), past the \(item.date.year) KX threshold \(LedgerMoney.text(threshold)), and case \(item.caseId) "
                                + "has no KX flag: \(item.patientControlNumber) goes out without KX \(BillingRule.kxThreshold.tag)")
            }
        }
        return warnings
    }
}
