import Foundation
import GRDB
import X12Acknowledgments

/// Which claims a status query returns.
public struct ClaimFilter: Sendable, Hashable {
    /// Only these patient control numbers (empty: every claim).
    public var patientControlNumbers: [String]
    /// Only this payer (batch payer id or 837 payer id).
    public var payerId: String?

    /// Creates a filter.
    public init(patientControlNumbers: [String] = [], payerId: String? = nil) {
        self.patientControlNumbers = patientControlNumbers
        self.payerId = payerId
    }
}

extension Ledger {
    /// Every claim's lifecycle, one row per patient control number (its latest submission), in submission order.
    ///
    /// - Parameter filter: which claims to list (default: all).
    /// - Parameter asOf: "today" for days since submission (default: the ledger's clock).
    public func status(_ filter: ClaimFilter = ClaimFilter(), asOf: Date? = nil) throws(LedgerError) -> [ClaimLifecycle] {
        let today = asOf ?? clock()
        return try read { db in try Self.lifecycles(db, filter: filter, today: today) }
    }

    static func lifecycles(_ db: Database, filter: ClaimFilter, today: Date) throws -> [ClaimLifecycle] {
        var sql = """
            SELECT c.*, i.controlNumber AS interchangeControlNumber FROM claim c JOIN interchange i ON i.id = c.interchangeId
            WHERE c.id IN (SELECT MAX(id) FROM claim GROUP BY patientControlNumber)
            """
        var arguments: StatementArguments = []
        if !filter.patientControlNumbers.isEmpty {
            sql += " AND c.patientControlNumber IN (\(databaseQuestionMarks(count: filter.patientControlNumbers.count)))"
            arguments += StatementArguments(filter.patientControlNumbers)
        }
        if let payer = filter.payerId {
            sql += " AND c.payerId = ?"
            arguments += [payer]
        }
        sql += " ORDER BY c.id"
        let claims = try Row.fetchAll(db, sql: sql, arguments: arguments)
        let ids = Set(claims.map { $0["id"] as Int64 })
        var acknowledgments: [Int64: [Row]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM acknowledgment WHERE claimId IS NOT NULL ORDER BY id") {
            let claimId: Int64 = row["claimId"]
            if ids.contains(claimId) { acknowledgments[claimId, default: []].append(row) }
        }
        var payments: [Int64: [Row]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM payment WHERE claimId IS NOT NULL ORDER BY id") {
            let claimId: Int64 = row["claimId"]
            if ids.contains(claimId) { payments[claimId, default: []].append(row) }
        }
        let paymentIds = Set(payments.values.flatMap { $0.map { $0["id"] as Int64 } })
        var adjustments: [Int64: [Row]] = [:]
        var linesByPayment: [Int64: [Row]] = [:]
        if !paymentIds.isEmpty {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM adjustment ORDER BY id") {
                let paymentId: Int64 = row["paymentId"]
                if paymentIds.contains(paymentId) { adjustments[paymentId, default: []].append(row) }
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM paymentLine ORDER BY id") {
                let paymentId: Int64 = row["paymentId"]
                if paymentIds.contains(paymentId) { linesByPayment[paymentId, default: []].append(row) }
            }
        }
        return claims.map { claim in
            let id: Int64 = claim["id"]
            return lifecycle(claim, acknowledgments: acknowledgments[id] ?? [], payments: payments[id] ?? [],
                             adjustments: adjustments, lines: linesByPayment, today: today)
        }
    }

    private static func lifecycle(_ claim: Row, acknowledgments: [Row], payments: [Row], adjustments: [Int64: [Row]],
                                  lines: [Int64: [Row]], today: Date) -> ClaimLifecycle {
        let submittedOn: String = claim["submittedOn"]
        let charge = Decimal(ledgerText: claim["chargeAmount"])
        var record = ClaimLifecycle(
            patientControlNumber: claim["patientControlNumber"], visitId: claim["visitId"], payerId: claim["payerId"],
            payerName: claim["payerName"], patientName: claim["patientName"], interchangeControlNumber: claim["interchangeControlNumber"],
            transactionSetControlNumber: claim["transactionSetControlNumber"], frequencyCode: claim["frequencyCode"],
            submittedOn: submittedOn, daysSinceSubmission: max(0, LedgerDate.days(from: submittedOn, to: today) ?? 0),
            stage: .submitted, functionalAcknowledgment: nil, claimAcknowledgment: nil, payerClaimControlNumber: nil,
            chargeAmount: charge, paidAmount: 0, patientResponsibilityAmount: 0, adjustmentAmount: 0, outstandingAmount: charge,
            reasons: [], deniedLines: [])
        for acknowledgment in acknowledgments {
            let source: String = acknowledgment["source"]
            let status: String = acknowledgment["status"]
            if source == "277CA" {
                record.claimAcknowledgment = status
                if let number: String = acknowledgment["payerClaimControlNumber"] { record.payerClaimControlNumber = number }
            } else if record.functionalAcknowledgment != "rejected" {
                record.functionalAcknowledgment = source == "TA1" && status != "rejected" ? record.functionalAcknowledgment : status
            }
            if status == "rejected" {
                let text: String = acknowledgment["reasons"]
                record.reasons += (try? JSONDecoder().decode([AckReport.Reason].self, from: Data(text.utf8))) ?? []
            }
        }
        if record.claimAcknowledgment == "rejected" || (record.claimAcknowledgment == nil && record.functionalAcknowledgment == "rejected") {
            record.stage = .rejected
        } else if record.claimAcknowledgment == "accepted" {
            record.stage = .accepted
        } else if record.functionalAcknowledgment != nil {
            record.stage = .acknowledged
        }
        guard let last = payments.last else { return record }
        for payment in payments {
            record.paidAmount += Decimal(ledgerText: payment["paidAmount"])
            record.patientResponsibilityAmount += Decimal(ledgerText: payment["patientResponsibilityAmount"])
            for adjustment in adjustments[payment["id"]] ?? [] { record.adjustmentAmount += Decimal(ledgerText: adjustment["amount"]) }
            let number: String = payment["payerClaimControlNumber"]
            if !number.isEmpty { record.payerClaimControlNumber = number }
        }
        let lastStatus: String = last["claimStatus"]
        let lastLines = lines[last["id"]] ?? []
        for line in lastLines where Decimal(ledgerText: line["paidAmount"]) == 0 {
            let lineAdjustments = (adjustments[last["id"]] ?? []).filter { ($0["paymentLineId"] as Int64?) == (line["id"] as Int64) }
            let remarks: String = line["remarkCodes"]
            record.deniedLines.append(.init(
                lineControlNumber: line["lineControlNumber"], procedureCode: line["procedureCode"],
                chargeAmount: Decimal(ledgerText: line["chargeAmount"]),
                adjustments: lineAdjustments.map { "\($0["groupCode"] as String)-\($0["reason"] as String) \($0["amount"] as String)" },
                remarkCodes: remarks.split(separator: " ").map(String.init)))
        }
        let lastPaid = Decimal(ledgerText: last["paidAmount"])
        let lastPatient = Decimal(ledgerText: last["patientResponsibilityAmount"])
        if lastStatus == "22" {
            record.stage = .reversed
            record.deniedLines = []
        } else if lastStatus == "4" || (lastPaid == 0 && lastPatient == 0) {
            record.stage = .denied
        } else if !record.deniedLines.isEmpty {
            record.stage = .partiallyPaid
        } else {
            record.stage = .paid
        }
        record.outstandingAmount = record.stage == .denied
            ? charge - record.paidAmount
            : charge - record.paidAmount - record.adjustmentAmount
        return record
    }
}
