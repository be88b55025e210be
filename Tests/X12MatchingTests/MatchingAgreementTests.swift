import Foundation
import GRDB
import X12
import X12Acknowledgments
@testable import X12Ledger
import X12Matching
import X12Remittance
import XCTest

/// `x12 remit --claims`, `x12 ack --claims` and the ledger tie the same payments and acknowledgments to the same
/// submitted claims and lines. Claims are named by their place in the submitted file (0, 1, ...).
final class MatchingAgreementTests: XCTestCase {
    /// One claim payment: its CLP01, the submitted claim it matched, and the LX01 each service line matched.
    private struct Payment: Equatable {
        var paid: String
        var claim: Int?
        var lines: [Int?]
    }

    /// One acknowledgment answer: the submitted claim it matched and where it came from.
    private struct Answer: Hashable {
        var claim: Int
        var source: String
    }

    func testLedgerFixturesMatchAlike() throws {
        let payments = try agreeOnPayments(submitted: ("ledger", "submitted.837"), remittance: ("ledger", "payments.835"))
        // V1001 0, V1002 1, V1003 2, V3001 3, V2001 4, V2002 5, V3001-2 6 in the submitted file.
        XCTAssertEqual(payments, [
            Payment(paid: "V1001", claim: 0, lines: [1, 2, 3]),
            Payment(paid: "V1002", claim: 1, lines: [1]),
            Payment(paid: "V3001", claim: 3, lines: [1]),
            Payment(paid: "V3001", claim: 3, lines: [1]),
            Payment(paid: "V3001-2", claim: 6, lines: [1, 2]),
            Payment(paid: "Z8888", claim: nil, lines: [nil]),
        ])
        let answers = try agreeOnAcknowledgments(submitted: ("ledger", "submitted.837"),
                                                 files: [("ledger", "claims.ta1"), ("ledger", "claims.999"), ("ledger", "claims.277")])
        XCTAssertEqual(answers.matched.filter { $0.source == "277CA" }.map(\.claim).sorted(), [0, 1, 2, 3, 6])
        XCTAssertEqual(answers.unmatched, ["Z9999"])
    }

    func testRemittanceFixturesMatchAlike() throws {
        let payments = try agreeOnPayments(submitted: ("remit", "submitted.837"), remittance: ("remit", "reversal-plb.835"))
        // The reversal of V100-1 matches its lines by procedure, modifiers and negated charge; the correction by REF*6R.
        // V102-1 and V103-1 were never submitted.
        XCTAssertEqual(payments.map(\.paid), ["V100-1", "V100-1", "V101-1", "V102-1", "V103-1"])
        XCTAssertEqual(payments.map(\.claim), [0, 0, 1, nil, nil])
        XCTAssertEqual(payments[0].lines, [1, 2])
        XCTAssertEqual(payments[1].lines, [1, 2])
    }

    func testAcknowledgmentFixturesMatchAlike() throws {
        let answers = try agreeOnAcknowledgments(submitted: ("acks", "submitted.837"),
                                                 files: [("acks", "reject.ta1"), ("acks", "reject-st.999"), ("acks", "accept-reject.277")])
        XCTAssertEqual(answers.matched.filter { $0.source == "277CA" }.map(\.claim).sorted(), [0, 1])
        XCTAssertEqual(answers.unmatched, ["ZZZ-9"])
    }

    func testDuplicateClaimNumbersMatchAlike() throws {
        let answers = try agreeOnAcknowledgments(submitted: ("acks", "duplicate-pcn.837"), files: [("acks", "duplicate-pcn.277")])
        XCTAssertEqual(answers.matched, [Answer(claim: 0, source: "277CA"), Answer(claim: 1, source: "277CA")])
        XCTAssertEqual(answers.unmatched, [])
    }

    // MARK: - Helpers

    /// The payments as `x12 remit --claims` matches them, checked against the ledger's.
    private func agreeOnPayments(submitted: (String, String), remittance: (String, String)) throws -> [Payment] {
        let index = try SubmittedClaimIndex(path: MatchingTestSupport.fixture(submitted.0, submitted.1))
        let report = RemittanceReport(reader: try SegmentReader(path: MatchingTestSupport.fixture(remittance.0, remittance.1)),
                                      matcher: SubmittedClaimMatcher(index: index))
        let remit = report.transactions.flatMap(\.claims).map { claim in
            Payment(paid: claim.patientControlNumber, claim: claim.submitted.flatMap { match in
                index.claims.firstIndex {
                    match.matched && $0.interchangeControlNumber == match.interchangeControlNumber
                        && $0.transactionSetControlNumber == match.transactionSetControlNumber && $0.claimSegmentIndex == match.claimSegment
                }
            }, lines: claim.lines.map { $0.submitted?.lineNumber })
        }
        let ledger = try ledger(submitted: submitted)
        try ledger.importRemittance(bytes: try MatchingTestSupport.bytes(remittance.0, remittance.1), path: remittance.1)
        let recorded = try ledger.pool.read { db in
            let order = try Self.claimOrder(db)
            return try Row.fetchAll(db, sql: "SELECT id, patientControlNumber, claimId FROM payment ORDER BY id").map { row in
                let lines = try Int?.fetchAll(db, sql: """
                    SELECT l.lineNumber FROM paymentLine p LEFT JOIN claimLine l ON l.id = p.claimLineId WHERE p.paymentId = ? ORDER BY p.id
                    """, arguments: [row["id"] as Int64])
                return Payment(paid: row["patientControlNumber"], claim: (row["claimId"] as Int64?).flatMap { order[$0] }, lines: lines)
            }
        }
        XCTAssertEqual(remit, recorded)
        return remit
    }

    /// The answers as `x12 ack --claims` matches them, checked against the ledger's; and the 277CA claims neither matched.
    private func agreeOnAcknowledgments(submitted: (String, String),
                                        files: [(String, String)]) throws -> (matched: Set<Answer>, unmatched: [String]) {
        let index = try SubmittedClaimIndex(path: MatchingTestSupport.fixture(submitted.0, submitted.1))
        var decoder = AckDecoder(matching: AcknowledgmentMatcher(index: index))
        for file in files { decoder.read(try SegmentReader(path: MatchingTestSupport.fixture(file.0, file.1)), file: file.1) }
        let report = decoder.report()
        var reported: Set<Answer> = []
        for (claim, record) in report.claims.enumerated() {
            for step in record.acknowledgments { reported.insert(Answer(claim: claim, source: step.source)) }
        }
        let reportedUnmatched = report.unmatched.filter { $0.source == "277CA" }.map(\.reference).sorted()
        let ledger = try ledger(submitted: submitted)
        for file in files {
            try ledger.importAcknowledgments(bytes: try MatchingTestSupport.bytes(file.0, file.1), path: file.1)
        }
        let (recorded, recordedUnmatched) = try ledger.pool.read { db in
            let order = try Self.claimOrder(db)
            let answers = try Row.fetchAll(db, sql: "SELECT claimId, source FROM acknowledgment ORDER BY id").compactMap { row in
                (row["claimId"] as Int64?).flatMap { order[$0] }.map { Answer(claim: $0, source: row["source"]) }
            }
            let unmatched = try String.fetchAll(db, sql: "SELECT reference FROM unmatched WHERE source = '277CA' ORDER BY reference")
            return (Set(answers), unmatched.map { String($0.dropFirst("CLM01 ".count)) })
        }
        XCTAssertEqual(reported, recorded)
        XCTAssertEqual(reportedUnmatched, recordedUnmatched)
        return (reported, reportedUnmatched)
    }

    /// A new ledger holding the submitted file.
    private func ledger(submitted: (String, String)) throws -> Ledger {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("x12-matching-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let ledger = try Ledger(path: directory.appendingPathComponent("ledger.sqlite").path, clock: { Date(timeIntervalSince1970: 1_706_745_600) })
        try ledger.recordSubmission(bytes: try MatchingTestSupport.bytes(submitted.0, submitted.1), path: submitted.1)
        return ledger
    }

    /// Each recorded claim's place in the submitted file, by claim id.
    private static func claimOrder(_ db: Database) throws -> [Int64: Int] {
        Dictionary(uniqueKeysWithValues: try Int64.fetchAll(db, sql: "SELECT id FROM claim ORDER BY id").enumerated().map { ($0.element, $0.offset) })
    }
}
