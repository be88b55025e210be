import Foundation
import GRDB
import X12
import X12Matching
import X12Remittance

extension Ledger {
    /// Records an 835: every claim payment (CLP) with its lines and CAS adjustments, matched to the submitted claim and
    /// lines by the `ClaimMatcher` as `x12 remit --claims` matches them (CLP01 = CLM01 with the charge as tie-break;
    /// lines by REF*6R, else procedure, modifiers and charge). Payments for claims never submitted
    /// are recorded all the same, unlinked, and listed as unmatched; claim loops the decoder had to skip are kept
    /// as unmatched facts too.
    ///
    /// - Throws: ``LedgerError`` when the file is unreadable or truncated (nothing is recorded then).
    @discardableResult
    public func importRemittance(bytes: [UInt8], path source: String) throws(LedgerError) -> ImportSummary {
        let decoder = RemittanceDecoder(reader: SegmentReader(bytes: bytes))
        let sha = FileFingerprint.sha256(bytes)
        return try recordOnce(kind: "835", sha256: sha, path: source) { db, fileId in
            var summary = ImportSummary(kind: "835", path: source, sha256: sha)
            var sets = 0
            do {
                while let remittance = try decoder.next() {
                    sets += 1
                    for claim in remittance.claims {
                        try recordPayment(claim, in: remittance, db: db, fileId: fileId, summary: &summary)
                    }
                    for problem in remittance.errors {
                        try Self.insertUnmatched(db, fileId: fileId, source: "835", reference: "ST02 \(remittance.transactionSetControlNumber)",
                                                 description: "skipped by the decoder: \(problem.error)")
                        summary.unmatched += 1
                    }
                }
            } catch {
                throw LedgerError("\(source):\(error); the 835 was not recorded")
            }
            if let fatal = decoder.problems.first(where: { Self.fatalKinds.contains($0.error.kind) }) {
                throw LedgerError("\(source):\(fatal.error); the 835 was not recorded")
            }
            if sets == 0 { throw LedgerError("\(source): no 835 in the file; nothing recorded") }
            return summary
        }
    }

    private func recordPayment(_ claim: RemittanceClaim, in remittance: Remittance, db: Database, fileId: Int64,
                               summary: inout ImportSummary) throws {
        let match = try ClaimMatcher(lookup: LedgerClaimLookup(db: db)).payment(claim)
        let claimId = match?.claim.id
        try db.run(sql: """
            INSERT INTO payment (fileId, claimId, patientControlNumber, claimStatus, chargeAmount, paidAmount, patientResponsibilityAmount,
                payerClaimControlNumber, payerName, paymentDate, traceNumber, remarkCodes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [fileId, claimId, claim.patientControlNumber, claim.status, claim.chargeAmount.value.ledgerText,
                             claim.paidAmount.value.ledgerText, (claim.patientResponsibilityAmount?.value ?? 0).ledgerText,
                             claim.payerClaimControlNumber, remittance.payer.name, LedgerDate.day(x12: remittance.payment.date),
                             remittance.payment.traceNumber, (claim.adjudication?.remarkCodes ?? []).joined(separator: " ")])
        let paymentId = db.lastInsertedRowID
        for adjustment in claim.adjustments {
            try Self.insertAdjustment(db, paymentId: paymentId, lineId: nil, adjustment)
        }
        for (offset, line) in claim.lines.enumerated() {
            let claimLineId = match?.lines[offset]?.line.id
            try db.run(sql: """
                INSERT INTO paymentLine (paymentId, claimLineId, lineControlNumber, procedureCode, modifiers, units, chargeAmount, paidAmount, remarkCodes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [paymentId, claimLineId, line.lineControlNumber, line.procedureCode, line.modifiers.joined(separator: ":"),
                                 line.units, line.chargeAmount.value.ledgerText, line.paidAmount.value.ledgerText,
                                 line.remarkCodes.joined(separator: " ")])
            let lineId = db.lastInsertedRowID
            for adjustment in line.adjustments {
                try Self.insertAdjustment(db, paymentId: paymentId, lineId: lineId, adjustment)
            }
        }
        if claimId == nil {
            try Self.insertUnmatched(db, fileId: fileId, source: "835", reference: "CLP01 \(claim.patientControlNumber)",
                                     description: "payment of \(claim.paidAmount.value.ledgerText) (CLP02 \(claim.status)) for a claim never submitted")
            summary.unmatched += 1
        } else {
            summary.claims += 1
        }
    }

    private static func insertAdjustment(_ db: Database, paymentId: Int64, lineId: Int64?, _ adjustment: ClaimAdjustment) throws {
        try db.run(sql: "INSERT INTO adjustment (paymentId, paymentLineId, groupCode, reason, amount, quantity) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [paymentId, lineId, adjustment.group, adjustment.reason, adjustment.amount.value.ledgerText, adjustment.quantity])
    }
}
