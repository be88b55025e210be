import Foundation
import GRDB

/// One thing a person has to act on.
public struct WorkItem: Sendable, Hashable, Codable {
    /// What kind of work it is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A claim rejected by a TA1, 999 or 277CA: fix and send again.
        case rejected
        /// A claim denied by the payer.
        case denied
        /// A line paid nothing on a claim otherwise paid.
        case deniedLine
        /// A payment reversed with no new payment: send a corrected claim.
        case reversed
        /// A visit held for a missing authorization.
        case delayed
        /// A visit not billable until its data is fixed.
        case billingException
        /// A visit claimed before whose charges changed: send a corrected claim (`x12 ledger rebill`).
        case changedSinceSubmission
        /// An acknowledgment or payment that matches no submitted claim.
        case unmatched
    }

    /// The kind.
    public var kind: Kind
    /// The claim (CLM01), visit id or reference it concerns.
    public var reference: String
    /// The payer id, when known.
    public var payerId: String?
    /// The money at stake.
    public var amount: Decimal?
    /// Codes and sentences that say why (CARC/RARC, 999 errors, 277CA statuses, batch reasons).
    public var reasons: [String]
}

extension Ledger {
    /// What needs a person today, most urgent kinds first: rejected, denied and reversed claims, denied lines,
    /// held visits (authorization, billing exceptions, changed charges) not claimed since, and unmatched facts.
    public func worklist() throws(LedgerError) -> [WorkItem] {
        let claims = try status()
        var items: [WorkItem] = []
        for claim in claims {
            switch claim.stage {
            case .rejected:
                items.append(WorkItem(kind: .rejected, reference: claim.patientControlNumber, payerId: claim.payerId, amount: claim.chargeAmount,
                                      reasons: claim.reasons.map { "\($0.source) \($0.code): \($0.description)" }))
            case .denied:
                items.append(WorkItem(kind: .denied, reference: claim.patientControlNumber, payerId: claim.payerId, amount: claim.outstandingAmount,
                                      reasons: claim.deniedLines.map(Self.describe)))
            case .reversed:
                items.append(WorkItem(kind: .reversed, reference: claim.patientControlNumber, payerId: claim.payerId, amount: claim.chargeAmount,
                                      reasons: ["payment reversed (CLP02 22)" + (claim.payerClaimControlNumber.map { "; payer claim control number \($0)" } ?? "")]))
            case .partiallyPaid:
                for line in claim.deniedLines {
                    items.append(WorkItem(kind: .deniedLine, reference: "\(claim.patientControlNumber) \(line.lineControlNumber ?? line.procedureCode)",
                                          payerId: claim.payerId, amount: line.chargeAmount, reasons: [Self.describe(line)]))
                }
            default:
                break
            }
        }
        let held: [WorkItem] = try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT b.* FROM batchEntry b
                WHERE b.id IN (SELECT MAX(id) FROM batchEntry GROUP BY visitId, bucket)
                  AND b.bucket IN ('delayed', 'exception', 'changedSinceSubmission')
                  AND NOT EXISTS (SELECT 1 FROM claim c JOIN interchange i ON i.id = c.interchangeId
                                  WHERE c.visitId = b.visitId AND i.fileId > b.fileId)
                ORDER BY b.id
                """)
            return rows.map { row in
                let bucket = BatchBucket(rawValue: row["bucket"]) ?? .exception
                let kind: WorkItem.Kind = bucket == .delayed ? .delayed : bucket == .changedSinceSubmission ? .changedSinceSubmission : .billingException
                let reasons: String = row["reasons"]
                return WorkItem(kind: kind, reference: row["visitId"], payerId: nil, amount: Decimal(ledgerText: row["amount"]),
                                reasons: reasons.split(separator: "\n").map(String.init))
            }
        }
        items += held
        items += try unmatchedFacts().map { fact in
            WorkItem(kind: .unmatched, reference: fact.reference, payerId: nil, amount: nil, reasons: ["\(fact.source) in \(fact.file): \(fact.description)"])
        }
        let order = WorkItem.Kind.allCases
        return items.enumerated().sorted { left, right in
            let leftRank = order.firstIndex(of: left.element.kind) ?? 0
            let rightRank = order.firstIndex(of: right.element.kind) ?? 0
            return leftRank != rightRank ? leftRank < rightRank : left.offset < right.offset
        }.map(\.element)
    }

    private static func describe(_ line: ClaimLifecycle.DeniedLine) -> String {
        let codes = line.adjustments + line.remarkCodes.map { "RARC \($0)" }
        return "line \(line.lineControlNumber ?? "-") \(line.procedureCode) \(LedgerMoney.text(line.chargeAmount)): \(codes.joined(separator: ", "))"
    }
}

extension Array where Element == WorkItem {
    /// CSV columns of `x12 ledger worklist --format csv`.
    public static let csvColumns = ["kind", "reference", "payerId", "amount", "reasons"]

    /// The worklist as CSV (reasons joined with `; `).
    public func csv() -> String {
        var text = CSV.row(Self.csvColumns)
        for item in self {
            text += CSV.row([item.kind.rawValue, item.reference, item.payerId ?? "", item.amount.map(LedgerMoney.text) ?? "",
                             item.reasons.joined(separator: "; ")])
        }
        return text
    }

    /// The worklist as JSON.
    public func json() throws(LedgerError) -> String { try LedgerJSON.encode(self) }

    /// One block per item for people.
    public func text() -> String {
        if isEmpty { return "nothing to work on\n" }
        var lines: [String] = []
        for item in self {
            var head = "\(item.kind.rawValue)  \(item.reference)"
            if let payer = item.payerId { head += "  payer \(payer)" }
            if let amount = item.amount { head += "  \(LedgerMoney.text(amount))" }
            lines.append(head)
            lines += item.reasons.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
