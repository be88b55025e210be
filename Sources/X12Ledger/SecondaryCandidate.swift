import Foundation
import GRDB
import X12
import X12Claims

/// The primary's payment as the ledger recorded it from the 835 (CLP loop, SVC lines, CAS), lines already tied to
/// the claim's lines by the matcher at import.
struct PrimaryPayment: Sendable {
    struct Adjustment: Sendable {
        var group: String
        var reason: String
        var amount: Decimal
        var quantity: Decimal?
    }

    struct Line: Sendable {
        var claimLineId: Int64?
        var procedureCode: String
        var modifiers: [String]
        var units: Decimal
        var charge: Decimal
        var paid: Decimal
        var adjustments: [Adjustment]
    }

    var status: String
    var paid: Decimal
    var payerClaimControlNumber: String
    var paymentDate: CalendarDate?
    var adjustments: [Adjustment]
    var lines: [Line]
}

/// One primary claim asked for, with what the ledger knows about it.
struct SecondaryCandidate: Sendable {
    var patientControlNumber: String
    var claimId: Int64?
    var visitId: String?
    var interchangeId: Int64 = 0
    var content: [UInt8] = []
    var transactionSetControlNumber = ""
    var coverage: SecondaryCoverage?
    /// Why there is nothing to build when `claimId` or `coverage` is nil.
    var missing = ""
    var alreadySent: String?
    var payment: PrimaryPayment?
    var lineIds: [Int64] = []

    /// Where the primary claim sits in its decoded 837.
    struct Source {
        var transaction: ClaimTransaction
        var provider: BillingProvider
        var group: SubscriberGroup
        var claim: Claim
    }

    static func locate(_ candidate: SecondaryCandidate, in file: ClaimFile) -> Source? {
        let index = (Int(candidate.transactionSetControlNumber) ?? 0) - 1
        guard file.transactions.indices.contains(index) else { return nil }
        let transaction = file.transactions[index]
        for provider in transaction.billingProviders {
            for group in provider.subscribers {
                if let claim = group.claims.first(where: { $0.patientControlNumber == candidate.patientControlNumber }) {
                    return Source(transaction: transaction, provider: provider.provider, group: group, claim: claim)
                }
            }
        }
        return nil
    }

    /// The candidates: the named primary claims, or every primary claim recorded with a secondary coverage.
    static func fetch(_ db: Database, named: [String]) throws -> [SecondaryCandidate] {
        var numbers = named
        if numbers.isEmpty {
            numbers = try String.fetchAll(db, sql: """
                SELECT c.patientControlNumber FROM claim c JOIN secondaryCoverage s ON s.claimId = c.id
                WHERE c.primaryClaimId IS NULL GROUP BY c.patientControlNumber ORDER BY MIN(c.id)
                """)
        }
        return try numbers.map { try candidate(db, patientControlNumber: $0) }
    }

    private static func candidate(_ db: Database, patientControlNumber pcn: String) throws -> SecondaryCandidate {
        var candidate = SecondaryCandidate(patientControlNumber: pcn)
        guard let row = try Row.fetchOne(db, sql: """
            SELECT c.id, c.visitId, c.interchangeId, c.transactionSetControlNumber, c.primaryClaimId, i.content
            FROM claim c JOIN interchange i ON i.id = c.interchangeId
            WHERE c.patientControlNumber = ? ORDER BY c.id DESC LIMIT 1
            """, arguments: [pcn]) else {
            candidate.missing = "no such claim in the ledger"
            return candidate
        }
        if (row["primaryClaimId"] as Int64?) != nil {
            candidate.missing = "a secondary claim itself"
            return candidate
        }
        let claimId: Int64 = row["id"]
        candidate.visitId = row["visitId"]
        candidate.interchangeId = row["interchangeId"]
        candidate.transactionSetControlNumber = row["transactionSetControlNumber"]
        candidate.content = [UInt8](row["content"] as Data)
        guard let coverageText = try String.fetchOne(db, sql: """
            SELECT s.coverage FROM secondaryCoverage s JOIN claim c ON c.id = s.claimId
            WHERE c.patientControlNumber = ? ORDER BY s.id DESC LIMIT 1
            """, arguments: [pcn]) else {
            candidate.missing = "no secondary coverage is recorded with the claim (generate --ledger stores the case's secondary)"
            return candidate
        }
        do {
            candidate.coverage = try JSONDecoder().decode(SecondaryCoverage.self, from: Data(coverageText.utf8))
        } catch {
            candidate.missing = "the recorded secondary coverage cannot be read: \(error)"
            return candidate
        }
        candidate.claimId = claimId
        candidate.alreadySent = try String.fetchOne(db, sql: """
            SELECT s.patientControlNumber FROM claim s JOIN claim p ON p.id = s.primaryClaimId
            WHERE p.patientControlNumber = ? ORDER BY s.id LIMIT 1
            """, arguments: [pcn])
        candidate.lineIds = try Int64.fetchAll(db, sql: "SELECT id FROM claimLine WHERE claimId = ? ORDER BY lineNumber, id", arguments: [claimId])
        candidate.payment = try payment(db, claimId: claimId)
        return candidate
    }

    /// The latest payment recorded for the claim that is not a reversal (CLP02 22).
    private static func payment(_ db: Database, claimId: Int64) throws -> PrimaryPayment? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT * FROM payment WHERE claimId = ? AND claimStatus <> '22' ORDER BY id DESC LIMIT 1
            """, arguments: [claimId]) else { return nil }
        let paymentId: Int64 = row["id"]
        func adjustment(_ row: Row) -> PrimaryPayment.Adjustment {
            let quantity: String? = row["quantity"]
            return .init(group: row["groupCode"], reason: row["reason"], amount: Decimal(ledgerText: row["amount"]),
                         quantity: quantity.flatMap { $0.isEmpty ? nil : Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) })
        }
        let adjustments = try Row.fetchAll(db, sql: "SELECT * FROM adjustment WHERE paymentId = ? ORDER BY id", arguments: [paymentId])
        var lines: [PrimaryPayment.Line] = []
        for line in try Row.fetchAll(db, sql: "SELECT * FROM paymentLine WHERE paymentId = ? ORDER BY id", arguments: [paymentId]) {
            let lineId: Int64 = line["id"]
            let modifiers: String = line["modifiers"]
            let units: String = line["units"]
            lines.append(.init(claimLineId: line["claimLineId"], procedureCode: line["procedureCode"],
                               modifiers: modifiers.split(separator: ":").map(String.init),
                               units: units.isEmpty ? 1 : Decimal(ledgerText: units),
                               charge: Decimal(ledgerText: line["chargeAmount"]), paid: Decimal(ledgerText: line["paidAmount"]),
                               adjustments: adjustments.filter { ($0["paymentLineId"] as Int64?) == lineId }.map(adjustment)))
        }
        let day: String = row["paymentDate"]
        return PrimaryPayment(status: row["claimStatus"], paid: Decimal(ledgerText: row["paidAmount"]),
                              payerClaimControlNumber: row["payerClaimControlNumber"], paymentDate: CalendarDate(iso: day),
                              adjustments: adjustments.filter { ($0["paymentLineId"] as Int64?) == nil }.map(adjustment), lines: lines)
    }
}
