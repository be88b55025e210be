import Foundation
import GRDB
import X12
import X12Acknowledgments
import X12Claims

extension Ledger {
    /// Records what a TA1, 999 or 277CA file says about the submitted claims: one acknowledgment fact per claim
    /// (source, outcome, reasons, and the payer claim control number a 277CA assigns).
    ///
    /// A TA1 is matched by ISA13, a 999 by its AK102 group control number and AK202 transaction set control number,
    /// a 277CA claim by its TRN02 patient control number; what matches nothing is kept as unmatched.
    ///
    /// - Throws: ``LedgerError`` when the file is unreadable, truncated or malformed (nothing is recorded then).
    @discardableResult
    public func importAcknowledgments(bytes: [UInt8], path source: String) throws(LedgerError) -> ImportSummary {
        var decoder = AckDecoder()
        decoder.read(SegmentReader(bytes: bytes), file: source)
        if let fatal = decoder.problems.first(where: { Self.fatalKinds.contains($0.kind) }) {
            throw LedgerError("\(fatal); the acknowledgment was not recorded")
        }
        if decoder.interchangeAcknowledgments.isEmpty && decoder.functionalAcknowledgments.isEmpty && decoder.claimAcknowledgments.isEmpty {
            throw LedgerError("\(source): no TA1, 999 or 277CA in the file; nothing recorded")
        }
        let sha = FileFingerprint.sha256(bytes)
        return try recordOnce(kind: "ack", sha256: sha, path: source) { db, fileId in
            var summary = ImportSummary(kind: "ack", path: source, sha256: sha)
            for ta1 in decoder.interchangeAcknowledgments {
                try recordInterchangeAcknowledgment(ta1, db: db, fileId: fileId, summary: &summary)
            }
            for functional in decoder.functionalAcknowledgments {
                try recordFunctionalAcknowledgment(functional, bytes: bytes, source: source, db: db, fileId: fileId, summary: &summary)
            }
            for acknowledgment in decoder.claimAcknowledgments {
                for claim in acknowledgment.claims {
                    try recordClaimAcknowledgment(claim, controlNumber: acknowledgment.controlNumber, db: db, fileId: fileId,
                                                  summary: &summary)
                }
            }
            return summary
        }
    }

    static let fatalKinds: Set<X12Error.Kind> = [
        .emptyInput, .missingInterchangeHeader, .malformedInterchangeHeader, .truncatedSegment, .missingTrailer, .unreadable,
    ]

    private func recordInterchangeAcknowledgment(_ ta1: InterchangeAcknowledgment, db: Database, fileId: Int64,
                                                 summary: inout ImportSummary) throws {
        guard let interchangeId = try Int64.fetchOne(db, sql: "SELECT id FROM interchange WHERE controlNumber = ? ORDER BY id DESC LIMIT 1",
                                                     arguments: [ta1.controlNumber]) else {
            try Self.insertUnmatched(db, fileId: fileId, source: "TA1", reference: "ISA13 \(ta1.controlNumber)",
                                     description: "TA1 \(ta1.status.rawValue) for an interchange never submitted")
            summary.unmatched += 1
            return
        }
        let reason = AckReport.Reason(code: ta1.noteCode, description: ta1.noteDescription ?? "note \(ta1.noteCode)", source: "TA1")
        let claimIds = try Int64.fetchAll(db, sql: "SELECT id FROM claim WHERE interchangeId = ?", arguments: [interchangeId])
        for claimId in claimIds {
            try Self.insertAcknowledgment(db, fileId: fileId, claimId: claimId, source: "TA1", status: ta1.status.rawValue,
                                          controlNumber: ta1.acknowledgmentControlNumber, payerClaimControlNumber: nil,
                                          reasons: ta1.status == .rejected ? [reason] : [])
            summary.claims += 1
        }
    }

    private func recordFunctionalAcknowledgment(_ functional: FunctionalAcknowledgment, bytes: [UInt8], source: String, db: Database,
                                                fileId: Int64, summary: inout ImportSummary) throws {
        let groupNumber = Self.controlNumberKey(functional.groupControlNumber)
        let candidates = try Row.fetchAll(db, sql: "SELECT id, groupControlNumber, content FROM interchange ORDER BY id DESC")
        guard let interchange = candidates.first(where: { Self.controlNumberKey($0["groupControlNumber"]) == groupNumber }) else {
            try Self.insertUnmatched(db, fileId: fileId, source: functional.transactionSetId, reference: "GS06 \(functional.groupControlNumber)",
                                     description: "\(functional.transactionSetId) \(functional.groupStatus.rawValue) for a functional group never submitted")
            summary.unmatched += 1
            return
        }
        let interchangeId: Int64 = interchange["id"]
        let content: Data = interchange["content"]
        let index = try SubmittedClaimIndex(reader: SegmentReader(bytes: [UInt8](content)))
        let report = AckReport.read(reader: SegmentReader(bytes: bytes), claims: index, file: source)
        let reasonsByClaim = Dictionary(report.claims.map { ($0.patientControlNumber, $0.reasons.filter { $0.source == functional.transactionSetId }) },
                                        uniquingKeysWith: { first, _ in first })
        for set in functional.transactionSets {
            let claims = try Row.fetchAll(db, sql: "SELECT id, patientControlNumber FROM claim WHERE interchangeId = ? AND transactionSetControlNumber = ?",
                                          arguments: [interchangeId, set.controlNumber])
            if claims.isEmpty {
                try Self.insertUnmatched(db, fileId: fileId, source: functional.transactionSetId,
                                         reference: "GS06 \(functional.groupControlNumber) ST02 \(set.controlNumber)",
                                         description: "\(functional.transactionSetId) \(set.status.rawValue) for a transaction set never submitted")
                summary.unmatched += 1
                continue
            }
            for claim in claims {
                let pcn: String = claim["patientControlNumber"]
                try Self.insertAcknowledgment(db, fileId: fileId, claimId: claim["id"], source: functional.transactionSetId,
                                              status: set.status.rawValue, controlNumber: functional.controlNumber,
                                              payerClaimControlNumber: nil, reasons: reasonsByClaim[pcn] ?? [])
                summary.claims += 1
            }
        }
    }

    private func recordClaimAcknowledgment(_ claim: AcknowledgedClaim, controlNumber: String, db: Database, fileId: Int64,
                                           summary: inout ImportSummary) throws {
        var reasons = claim.statuses.flatMap { status in
            status.codes.map { AckReport.Reason(code: $0.text, description: $0.description, source: "277CA") }
        }
        for line in claim.lines {
            for status in line.statuses {
                for code in status.codes {
                    let reference = line.lineControlNumber.map { "line \($0)" } ?? "line \(line.procedureCode)"
                    reasons.append(AckReport.Reason(code: code.text, description: "\(reference): \(code.description)", source: "277CA"))
                }
            }
        }
        if let message = claim.statuses.map(\.message).first(where: { !$0.isEmpty }) {
            reasons.append(AckReport.Reason(code: "", description: message, source: "277CA"))
        }
        guard let claimId = try Self.latestClaimId(db, patientControlNumber: claim.patientControlNumber) else {
            let number = claim.payerClaimControlNumber.map { ", payer claim control number \($0)" } ?? ""
            try Self.insertUnmatched(db, fileId: fileId, source: "277CA", reference: "CLM01 \(claim.patientControlNumber)",
                                     description: "277CA \(claim.disposition.rawValue) for a claim never submitted\(number)")
            summary.unmatched += 1
            return
        }
        try Self.insertAcknowledgment(db, fileId: fileId, claimId: claimId, source: "277CA", status: claim.disposition.rawValue,
                                      controlNumber: controlNumber, payerClaimControlNumber: claim.payerClaimControlNumber, reasons: reasons)
        summary.claims += 1
    }

    /// A control number compared as a number when it is one (`000000007` = `7`).
    static func controlNumberKey(_ text: String) -> String {
        Int(text).map(String.init) ?? text
    }

    static func latestClaimId(_ db: Database, patientControlNumber: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM claim WHERE patientControlNumber = ? ORDER BY id DESC LIMIT 1"),
                           arguments: [patientControlNumber])
    }

    static func insertAcknowledgment(_ db: Database, fileId: Int64, claimId: Int64, source: String, status: String, controlNumber: String,
                                     payerClaimControlNumber: String?, reasons: [AckReport.Reason]) throws {
        let json = String(decoding: try JSONEncoder().encode(reasons), as: UTF8.self)
        try db.run(sql: """
            INSERT INTO acknowledgment (fileId, claimId, source, status, controlNumber, payerClaimControlNumber, reasons)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [fileId, claimId, source, status, controlNumber, payerClaimControlNumber, json])
    }

    static func insertUnmatched(_ db: Database, fileId: Int64, source: String, reference: String, description: String) throws {
        try db.run(sql: "INSERT INTO unmatched (fileId, source, reference, description) VALUES (?, ?, ?, ?)",
                       arguments: [fileId, source, reference, description])
    }
}
