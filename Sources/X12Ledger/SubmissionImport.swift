import Foundation
import GRDB
import X12
import X12Claims
import X12Matching

extension Ledger {
    /// Records a submitted 837: its interchange (control numbers, SHA-256, the bytes themselves, kept for
    /// corrected claims), every claim with its lines and line control numbers and, when the batch report of the
    /// `generate` run is given, the visit and batch payer of each claim and its held, excluded, exception and
    /// self-pay entries.
    ///
    /// - Throws: ``LedgerError`` when the file cannot be read or has envelope faults (nothing is recorded then).
    @discardableResult
    public func recordSubmission(bytes: [UInt8], path source: String, report: BatchReport? = nil) throws(LedgerError) -> ImportSummary {
        try recordSubmission(bytes: bytes, path: source, report: report, origins: [:], changed: [])
    }

    /// Records a submitted 837; `origins` gives the visit and batch payer of claims the report does not list.
    func recordSubmission(bytes: [UInt8], path source: String, report: BatchReport?, origins: [String: ClaimOrigin],
                          changed: [ChargeUpdate], coverages: [String: SecondaryCoverage] = [:],
                          primaryClaimIds: [String: Int64] = [:]) throws(LedgerError) -> ImportSummary {
        let index: SubmittedClaimIndex
        let envelopes: [String: (header: InterchangeHeader, group: FunctionalGroupHeader?)]
        do {
            index = try SubmittedClaimIndex(reader: SegmentReader(bytes: bytes), keepingSegmentText: false)
            envelopes = try Self.interchanges(in: bytes)
        } catch {
            throw LedgerError("\(source):\(error)")
        }
        if let problem = index.problems.first {
            throw LedgerError("\(source):\(problem); the 837 was not recorded")
        }
        if index.claims.isEmpty { throw LedgerError("\(source): no 837 claims in the file; nothing recorded") }
        let entries = Dictionary(report?.claims.map { ($0.patientControlNumber, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let payerNames = Dictionary(report?.payers.map { ($0.payerId, $0.name) } ?? [], uniquingKeysWith: { first, _ in first })
        return try recordOnce(kind: "837", sha256: FileFingerprint.sha256(bytes), path: source) { db, fileId in
            var summary = ImportSummary(kind: "837", path: source, sha256: FileFingerprint.sha256(bytes))
            var interchangeIds: [String: Int64] = [:]
            var submittedDays: [Int64: String] = [:]
            for claim in index.claims {
                let interchangeId: Int64
                if let known = interchangeIds[claim.interchangeControlNumber] {
                    interchangeId = known
                } else {
                    let envelope = envelopes[claim.interchangeControlNumber]
                    let submittedOn = envelope?.group.map { LedgerDate.day(x12: $0.date) } ?? LedgerDate.day(clock())
                    try db.run(sql: """
                        INSERT INTO interchange (fileId, controlNumber, groupControlNumber, senderId, receiverId, submittedOn, content)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [fileId, claim.interchangeControlNumber, claim.groupControlNumber,
                                         envelope?.header.senderId ?? "", envelope?.header.receiverId ?? "", submittedOn, Data(bytes)])
                    interchangeId = db.lastInsertedRowID
                    interchangeIds[claim.interchangeControlNumber] = interchangeId
                    submittedDays[interchangeId] = submittedOn
                }
                let entry = entries[claim.patientControlNumber]
                let origin = origins[claim.patientControlNumber]
                let payerId = entry?.payerId ?? origin?.payerId ?? claim.payerId ?? ""
                let payerName = entry.flatMap { payerNames[$0.payerId] } ?? origin?.payerName ?? claim.payerName ?? ""
                let visitId = entry?.visitId ?? origin?.visitId
                let submittedOn = submittedDays[interchangeId] ?? ""
                try db.run(sql: """
                    INSERT INTO claim (interchangeId, patientControlNumber, visitId, payerId, payerName, patientName,
                        transactionSetControlNumber, frequencyCode, originalPayerClaimControlNumber, chargeAmount, submittedOn)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [interchangeId, claim.patientControlNumber, visitId, payerId, payerName, claim.patientName,
                                     claim.transactionSetControlNumber, claim.frequencyCode, claim.originalPayerClaimControlNumber,
                                     (claim.chargeAmount ?? 0).ledgerText, submittedOn])
                let claimId = db.lastInsertedRowID
                if let coverage = coverages[claim.patientControlNumber] {
                    try db.run(sql: "INSERT INTO secondaryCoverage (claimId, payerId, coverage) VALUES (?, ?, ?)",
                               arguments: [claimId, coverage.payerRecordId, try LedgerJSON.encode(coverage)])
                }
                if let primary = primaryClaimIds[claim.patientControlNumber] {
                    try db.run(sql: "UPDATE claim SET primaryClaimId = ? WHERE id = ?", arguments: [primary, claimId])
                }
                if let memberId = claim.memberId {
                    try db.run(sql: "UPDATE claim SET memberId = ? WHERE id = ?", arguments: [memberId, claimId])
                }
                for line in claim.lines {
                    try db.run(sql: """
                        INSERT INTO claimLine (claimId, lineNumber, procedureCode, modifiers, units, chargeAmount, serviceDate, lineControlNumber)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [claimId, line.lineNumber, line.procedureCode, line.modifiers.joined(separator: ":"),
                                         (line.units ?? 1).ledgerText, (line.chargeAmount ?? 0).ledgerText,
                                         line.serviceDate.map(LedgerDate.day(x12:)), line.lineControlNumber])
                }
                summary.claims += 1
            }
            if let report {
                let buckets: [(BatchBucket, [BatchReport.ChargeEntry])] = [
                    (.delayed, report.delayedClaims), (.exception, report.billingExceptions),
                    (.excluded, report.excluded), (.selfPay, report.selfPay),
                ]
                for (bucket, list) in buckets {
                    for item in list {
                        try Self.insertBatchEntry(db, fileId: fileId, bucket: bucket, visitId: item.visitId, codes: item.codes,
                                                  amount: item.amount, reasons: item.reasons)
                        summary.batchEntries += 1
                    }
                }
            }
            for update in changed {
                try Self.insertBatchEntry(db, fileId: fileId, bucket: .changedSinceSubmission, visitId: update.visitId,
                                          codes: [update.patientControlNumber], amount: update.finalizedAmount, reasons: update.differences)
                summary.batchEntries += 1
            }
            return summary
        }
    }

    static func insertBatchEntry(_ db: Database, fileId: Int64, bucket: BatchBucket, visitId: String, codes: [String],
                                 amount: Decimal, reasons: [String]) throws {
        try db.run(sql: "INSERT INTO batchEntry (fileId, bucket, visitId, codes, amount, reasons) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [fileId, bucket.rawValue, visitId, codes.joined(separator: " "), amount.ledgerText,
                                   reasons.joined(separator: "\n")])
    }

    /// Interchange and first functional group headers of every interchange in `bytes`, by ISA13.
    static func interchanges(in bytes: [UInt8]) throws(X12Error) -> [String: (header: InterchangeHeader, group: FunctionalGroupHeader?)] {
        var found: [String: (header: InterchangeHeader, group: FunctionalGroupHeader?)] = [:]
        let envelopes = EnvelopeReader(SegmentReader(bytes: bytes))
        while let item = try envelopes.next() {
            if case .transactionSet(let set) = item, found[set.interchange.controlNumber] == nil {
                found[set.interchange.controlNumber] = (set.interchange, set.group)
            }
        }
        return found
    }
}

/// Where the batch report put charges that did not go out on a claim.
public enum BatchBucket: String, Sendable, Codable, CaseIterable {
    /// Held for an authorization.
    case delayed
    /// Billing exception: data to fix before it can be billed.
    case exception
    /// Never billed (Do Not Bill).
    case excluded
    /// Not sent to insurance.
    case selfPay
    /// Held by the ledger: the visit was claimed before and its charges changed without a rebill.
    case changedSinceSubmission
}
