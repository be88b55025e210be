import Foundation
import GRDB
import X12
import X12Acknowledgments
import X12Matching

extension Ledger {
    /// Records what a TA1, 999 or 277CA file says about the submitted claims: one acknowledgment fact per claim
    /// (source, outcome, reasons, and the payer claim control number a 277CA assigns).
    ///
    /// Claims are found by the `ClaimMatcher` over the recorded claims, as `x12 ack --claims` finds them: a TA1 by
    /// ISA13, a 999 by its AK102 group and AK202 transaction set control numbers (the sets it does not list share the
    /// group's status), a 277CA claim by its TRN02 patient control number and charge; what matches nothing is kept
    /// as unmatched.
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
            var answered: Set<Int64> = []
            for acknowledgment in decoder.claimAcknowledgments {
                var answeredHere: Set<Int64> = []
                for claim in acknowledgment.claims {
                    try recordClaimAcknowledgment(claim, controlNumber: acknowledgment.controlNumber, answered: &answered,
                                                  answeredHere: &answeredHere, db: db, fileId: fileId, summary: &summary)
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
        let claims = try ClaimMatcher(lookup: LedgerClaimLookup(db: db)).claims(acknowledgingInterchange: ta1.controlNumber)
        guard !claims.isEmpty else {
            try Self.insertUnmatched(db, fileId: fileId, source: "TA1", reference: "ISA13 \(ta1.controlNumber)",
                                     description: "TA1 \(ta1.status.rawValue) for an interchange never submitted")
            summary.unmatched += 1
            return
        }
        let reason = AckReport.Reason(code: ta1.noteCode, description: ta1.noteDescription ?? "note \(ta1.noteCode)", source: "TA1")
        for claim in claims {
            try Self.insertAcknowledgment(db, fileId: fileId, claimId: claim.id, source: "TA1", status: ta1.status.rawValue,
                                          controlNumber: ta1.acknowledgmentControlNumber, payerClaimControlNumber: nil,
                                          reasons: ta1.status == .rejected ? [reason] : [])
            summary.claims += 1
        }
    }

    private func recordFunctionalAcknowledgment(_ functional: FunctionalAcknowledgment, bytes: [UInt8], source: String, db: Database,
                                                fileId: Int64, summary: inout ImportSummary) throws {
        let matcher = ClaimMatcher(lookup: LedgerClaimLookup(db: db))
        let groupClaims = try matcher.claims(acknowledgingGroup: functional.groupControlNumber)
        guard let first = groupClaims.first,
              let content = try Data.fetchOne(db, sql: "SELECT i.content FROM interchange i JOIN claim c ON c.interchangeId = i.id WHERE c.id = ?",
                                              arguments: [first.id]) else {
            try Self.insertUnmatched(db, fileId: fileId, source: functional.transactionSetId, reference: "GS06 \(functional.groupControlNumber)",
                                     description: "\(functional.transactionSetId) \(functional.groupStatus.rawValue) for a functional group never submitted")
            summary.unmatched += 1
            return
        }
        let index = try SubmittedClaimIndex(reader: SegmentReader(bytes: [UInt8](content)))
        let report = AckReport.read(reader: SegmentReader(bytes: bytes), matching: AcknowledgmentMatcher(index: index), file: source)
        let reasonsByClaim = Dictionary(report.claims.map { ($0.patientControlNumber, $0.reasons.filter { $0.source == functional.transactionSetId }) },
                                        uniquingKeysWith: { first, _ in first })
        var answered: Set<Int64> = []
        for set in functional.transactionSets {
            let claims = try matcher.claims(acknowledgingTransactionSet: set.controlNumber, group: functional.groupControlNumber)
            if claims.isEmpty {
                try Self.insertUnmatched(db, fileId: fileId, source: functional.transactionSetId,
                                         reference: "GS06 \(functional.groupControlNumber) ST02 \(set.controlNumber)",
                                         description: "\(functional.transactionSetId) \(set.status.rawValue) for a transaction set never submitted")
                summary.unmatched += 1
                continue
            }
            for claim in claims {
                answered.insert(claim.id)
                try Self.insertAcknowledgment(db, fileId: fileId, claimId: claim.id, source: functional.transactionSetId,
                                              status: set.status.rawValue, controlNumber: functional.controlNumber,
                                              payerClaimControlNumber: nil, reasons: reasonsByClaim[claim.patientControlNumber] ?? [])
                summary.claims += 1
            }
        }
        // Transaction sets the 999 does not list share the group's status, as in `x12 ack`.
        for claim in groupClaims where !answered.contains(claim.id) {
            try Self.insertAcknowledgment(db, fileId: fileId, claimId: claim.id, source: functional.transactionSetId,
                                          status: functional.groupStatus.rawValue, controlNumber: functional.controlNumber,
                                          payerClaimControlNumber: nil, reasons: reasonsByClaim[claim.patientControlNumber] ?? [])
            summary.claims += 1
        }
    }

    /// Records one 277CA claim. `answered` holds the claims this file already answered (the matcher prefers others),
    /// `answeredHere` those this 277CA transaction set answered: a second answer there for the same claim is unmatched.
    private func recordClaimAcknowledgment(_ claim: AcknowledgedClaim, controlNumber: String, answered: inout Set<Int64>,
                                           answeredHere: inout Set<Int64>, db: Database, fileId: Int64,
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
        guard let claimId = try ClaimMatcher(lookup: LedgerClaimLookup(db: db)).acknowledgment(claim, answered: answered)?.id else {
            let number = claim.payerClaimControlNumber.map { ", payer claim control number \($0)" } ?? ""
            try Self.insertUnmatched(db, fileId: fileId, source: "277CA", reference: "CLM01 \(claim.patientControlNumber)",
                                     description: "277CA \(claim.disposition.rawValue) for a claim never submitted\(number)")
            summary.unmatched += 1
            return
        }
        guard answeredHere.insert(claimId).inserted else {
            try Self.insertUnmatched(db, fileId: fileId, source: "277CA", reference: "CLM01 \(claim.patientControlNumber)",
                                     description: "277CA \(claim.disposition.rawValue) answering claim \(claim.patientControlNumber) a second time")
            summary.unmatched += 1
            return
        }
        answered.insert(claimId)
        try Self.insertAcknowledgment(db, fileId: fileId, claimId: claimId, source: "277CA", status: claim.disposition.rawValue,
                                      controlNumber: controlNumber, payerClaimControlNumber: claim.payerClaimControlNumber, reasons: reasons)
        summary.claims += 1
    }

    /// A control number compared as a number when it is one (`000000007` = `7`).
    static func controlNumberKey(_ text: String) -> String {
        Int(text).map(String.init) ?? text
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
