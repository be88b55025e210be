import Foundation
import XCTest
import X12Acknowledgments
@testable import X12Ledger
import X12TestSupport

final class LedgerTests: XCTestCase {
    func testGeneratedExampleIsTheSubmittedFixture() throws {
        XCTAssertEqual(try LedgerFixtures.generatedExample().bytes, try FixtureFiles.bytes("ledger/submitted.837"))
    }

    func testFreshDatabaseIsMigrated() throws {
        let ledger = try LedgerFixtures.emptyLedger()
        XCTAssertEqual(try ledger.appliedMigrations(), ["v1", "v2", "v3"])
        XCTAssertEqual(try ledger.rowCounts().values.reduce(0, +), 0)
        // Opening it again applies nothing twice.
        let again = try Ledger(path: ledger.path)
        XCTAssertEqual(try again.appliedMigrations(), ["v1", "v2", "v3"])
    }

    func testImportCounts() throws {
        let ledger = try LedgerFixtures.emptyLedger()
        let example = try LedgerFixtures.generatedExample()
        let submitted = try ledger.recordSubmission(bytes: example.bytes, path: "claims.837", report: example.report)
        XCTAssertEqual(submitted.claims, 7)
        XCTAssertEqual(submitted.batchEntries, 5)
        let functional = try ledger.importAcknowledgments(bytes: try FixtureFiles.bytes("ledger/claims.999"), path: "claims.999")
        XCTAssertEqual(functional.claims, 7)
        XCTAssertEqual(functional.unmatched, 0)
        let claimAcks = try ledger.importAcknowledgments(bytes: try FixtureFiles.bytes("ledger/claims.277"), path: "claims.277")
        XCTAssertEqual(claimAcks.claims, 5)
        XCTAssertEqual(claimAcks.unmatched, 1)
        let payments = try ledger.importRemittance(bytes: try FixtureFiles.bytes("ledger/payments.835"), path: "payments.835")
        XCTAssertEqual(payments.claims, 5)
        XCTAssertEqual(payments.unmatched, 1)
        XCTAssertEqual(try ledger.rowCounts(), [
            "importedFile": 4, "interchange": 1, "claim": 7, "claimLine": 13, "batchEntry": 5, "acknowledgment": 12,
            "payment": 6, "paymentLine": 9, "adjustment": 10, "unmatched": 2,
        ])
    }

    func testLifecycleOfEveryClaim() throws {
        let claims = try LedgerFixtures.scenarioLedger().status()
        XCTAssertEqual(claims.map(\.patientControlNumber), ["V1001", "V1002", "V1003", "V3001", "V2001", "V2002", "V3001-2"])
        XCTAssertEqual(claims.map(\.stage), [.paid, .denied, .rejected, .reversed, .rejected, .rejected, .partiallyPaid])
        XCTAssertEqual(claims.map(\.functionalAcknowledgment), ["accepted", "accepted", "accepted", "accepted", "rejected", "rejected", "accepted"])
        XCTAssertEqual(claims.map(\.claimAcknowledgment), ["accepted", "accepted", "rejected", "accepted", nil, nil, "accepted"])
        XCTAssertEqual(claims.map(\.payerClaimControlNumber), ["ICN-1001", "ICN-1002", nil, "ICN-3001", nil, nil, "ICN-3002"])
        XCTAssertEqual(claims.map(\.chargeAmount), [285, 135, 200, 90, 240, 135, Decimal(string: "193.5")])
        XCTAssertEqual(claims.map(\.paidAmount), [200, 0, 0, 0, 0, 0, 100])
        XCTAssertEqual(claims.map(\.patientResponsibilityAmount), [25, 0, 0, 0, 0, 0, 0])
        // V1001: 285 - 200 - (20+20+25+5+15); V1002 denied keeps its charge; V3001 paid 72 then reversed;
        // V3001-2: 193.50 - 100 - (25 + 68.50).
        XCTAssertEqual(claims.map(\.outstandingAmount), [0, 135, 200, 90, 240, 135, 0])
        XCTAssertEqual(Set(claims.map(\.daysSinceSubmission)), [41])
        XCTAssertEqual(claims.map(\.payerId), ["MCR", "MCR", "MCR", "MCR", "AET", "AET", "DME"])

        let v1003 = claims[2]
        XCTAssertEqual(v1003.reasons.map(\.code), ["A7:562:82"])
        let v2002 = claims[5]
        XCTAssertEqual(v2002.reasons.map(\.source), ["999"])
        XCTAssertEqual(v2002.frequencyCode, "7")
        let v1002 = claims[1]
        XCTAssertEqual(v1002.deniedLines, [.init(lineControlNumber: "V1002-1", procedureCode: "97110", chargeAmount: 135,
                                                  adjustments: ["CO-50 135"], remarkCodes: ["N115"])])
        let v3001b = claims[6]
        XCTAssertEqual(v3001b.deniedLines.map(\.lineControlNumber), ["V3001-3"])
        XCTAssertEqual(v3001b.deniedLines.map(\.remarkCodes), [["N130"]])
    }

    func testStatusFilters() throws {
        let ledger = try LedgerFixtures.scenarioLedger()
        XCTAssertEqual(try ledger.status(ClaimFilter(payerId: "AET")).map(\.patientControlNumber), ["V2001", "V2002"])
        XCTAssertEqual(try ledger.status(ClaimFilter(patientControlNumbers: ["V3001-2", "V1001"])).map(\.patientControlNumber),
                       ["V1001", "V3001-2"])
        XCTAssertEqual(try ledger.status(ClaimFilter(patientControlNumbers: ["NOPE"])).count, 0)
    }

    func testSummaryByStagePayerAndAging() throws {
        let summary = try LedgerFixtures.scenarioLedger().summary()
        XCTAssertEqual(summary.total.claims, 7)
        XCTAssertEqual(summary.total.chargeAmount, Decimal(string: "1278.5"))
        XCTAssertEqual(summary.total.paidAmount, 300)
        XCTAssertEqual(summary.total.outstandingAmount, 800)
        XCTAssertEqual(summary.stages.map(\.key), ["rejected", "paid", "partiallyPaid", "denied", "reversed"])
        XCTAssertEqual(summary.stages.map(\.claims), [3, 1, 1, 1, 1])
        XCTAssertEqual(summary.stages.map(\.outstandingAmount), [575, 0, 0, 135, 90])
        XCTAssertEqual(summary.payers.map(\.key), ["AET", "DME", "MCR"])
        XCTAssertEqual(summary.payers.map(\.outstandingAmount), [375, 0, 425])
        XCTAssertEqual(summary.aging.map(\.key), ["0-30", "31-60", "61-90", "90+"])
        XCTAssertEqual(summary.aging.map(\.claims), [0, 5, 0, 0])

        let later = try LedgerFixtures.scenarioLedger().summary(asOf: LedgerFixtures.today.addingTimeInterval(30 * 86_400))
        XCTAssertEqual(later.aging.map(\.claims), [0, 0, 5, 0])
    }

    func testUnmatchedFactsAreKept() throws {
        let ledger = try LedgerFixtures.scenarioLedger()
        let unmatched = try ledger.unmatchedFacts()
        XCTAssertEqual(unmatched.map(\.reference), ["CLM01 Z9999", "CLP01 Z8888"])
        XCTAssertEqual(unmatched.map(\.source), ["277CA", "835"])
    }

    func testSameFileTwiceChangesNothing() throws {
        let ledger = try LedgerFixtures.scenarioLedger()
        let before = try ledger.rowCounts()
        let again = try ledger.importRemittance(bytes: try FixtureFiles.bytes("ledger/payments.835"), path: "copy.835")
        XCTAssertEqual(again.alreadyImported?.path, "payments.835")
        XCTAssertEqual(again.alreadyImported?.importedAt, "2024-03-01T12:00:00Z")
        XCTAssertEqual(again.description, "copy.835: already imported (from payments.835 at 2024-03-01T12:00:00Z); ledger unchanged")
        let example = try LedgerFixtures.generatedExample()
        XCTAssertNotNil(try ledger.recordSubmission(bytes: example.bytes, path: "claims.837", report: example.report).alreadyImported)
        XCTAssertNotNil(try ledger.importAcknowledgments(bytes: try FixtureFiles.bytes("ledger/claims.277"), path: "x").alreadyImported)
        XCTAssertEqual(try ledger.rowCounts(), before)
    }

    func testFileFailingMidImportLeavesLedgerUnchanged() throws {
        let ledger = try LedgerFixtures.emptyLedger()
        let example = try LedgerFixtures.generatedExample()
        try ledger.recordSubmission(bytes: example.bytes, path: "claims.837", report: example.report)
        let before = try ledger.rowCounts()
        // The first transaction set is whole (its payments get inserted), the second breaks off mid-segment.
        let text = String(decoding: try FixtureFiles.bytes("ledger/payments.835"), as: UTF8.self)
        guard let cut = text.range(of: "CLP*Z8888") else { return XCTFail("fixture changed") }
        let truncated = Array(text[..<cut.lowerBound].utf8) + Array("CLP*Z88".utf8)
        XCTAssertThrowsError(try ledger.importRemittance(bytes: truncated, path: "broken.835")) { error in
            XCTAssertTrue("\(error)".hasPrefix("broken.835:"), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix("the 835 was not recorded"), "\(error)")
        }
        XCTAssertEqual(try ledger.rowCounts(), before)
        let truncatedAck = Array(try FixtureFiles.bytes("ledger/claims.277").prefix(900))
        XCTAssertThrowsError(try ledger.importAcknowledgments(bytes: truncatedAck, path: "broken.277"))
        XCTAssertEqual(try ledger.rowCounts(), before)
        // The whole file still imports afterwards: the failed attempt left no fingerprint.
        XCTAssertNil(try ledger.importRemittance(bytes: try FixtureFiles.bytes("ledger/payments.835"), path: "p.835").alreadyImported)
    }

    func testReaderSeesLedgerAsBeforeUntilImportCommits() throws {
        let ledger = try LedgerFixtures.emptyLedger()
        let reader = try Ledger(path: ledger.path)
        let example = try LedgerFixtures.generatedExample()
        var seenDuringImport: Int?
        try ledger.pool.write { db in
            try db.execute(sql: "INSERT INTO importedFile (kind, sha256, path, importedAt) VALUES ('837', 'x', 'x', 'x')")
            seenDuringImport = try reader.rowCounts()["importedFile"]
        }
        XCTAssertEqual(seenDuringImport, 0)
        XCTAssertEqual(try reader.rowCounts()["importedFile"], 1)
        try ledger.recordSubmission(bytes: example.bytes, path: "claims.837", report: example.report)
        XCTAssertEqual(try reader.status().count, 7)
    }

    func testImportFileTellsKindsApart() throws {
        let ledger = try LedgerFixtures.emptyLedger()
        XCTAssertEqual(try ledger.importFile(path: FixtureFiles.path("ledger/submitted.837")).kind, "837")
        XCTAssertEqual(try ledger.importFile(path: FixtureFiles.path("ledger/claims.999")).kind, "ack")
        XCTAssertEqual(try ledger.importFile(path: FixtureFiles.path("ledger/payments.835")).kind, "835")
        // Without a batch report the payer is the 837's NM1*PR id and there is no visit id.
        let first = try XCTUnwrap(try ledger.status().first)
        XCTAssertEqual(first.payerId, "02402")
        XCTAssertNil(first.visitId)
        XCTAssertThrowsError(try ledger.importFile(path: FixtureFiles.path("batches/example.json")))
    }

    func testAcknowledgmentForUnknownGroupIsUnmatched() throws {
        let ledger = try LedgerFixtures.emptyLedger()
        let summary = try ledger.importAcknowledgments(bytes: try FixtureFiles.bytes("ledger/claims.999"), path: "claims.999")
        XCTAssertEqual(summary.claims, 0)
        XCTAssertEqual(summary.unmatched, 1)
        XCTAssertEqual(try ledger.unmatchedFacts().map(\.reference), ["GS06 1"])
    }

    /// NIST FIPS 180-4 example digests (and two more), from memory and from a file hashed in odd-sized chunks.
    func testSHA256KnownAnswers() throws {
        let answers: [([UInt8], String)] = [
            ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ([UInt8](repeating: 0x61, count: 1_000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
            ([UInt8](repeating: 0x61, count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("x12-sha256-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        for (bytes, digest) in answers {
            XCTAssertEqual(FileFingerprint.sha256(bytes), digest)
            try Data(bytes).write(to: file)
            XCTAssertEqual(try FileFingerprint.sha256(contentsOf: file.path, chunkSize: 4_099), digest, "\(bytes.count) bytes")
            XCTAssertEqual(try FileFingerprint.sha256(contentsOf: file.path, chunkSize: 64), digest, "\(bytes.count) bytes")
        }
        XCTAssertThrowsError(try FileFingerprint.sha256(contentsOf: "/nonexistent/file.835")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/file.835: cannot read the file")
        }
    }

    func testImportingAFileAgainIsRecognisedBeforeItIsLoaded() throws {
        let ledger = try LedgerFixtures.emptyLedger()
        let path = FixtureFiles.path("ledger/claims.999")
        let first = try ledger.importFile(path: path)
        XCTAssertNil(first.alreadyImported)
        let again = try ledger.importFile(path: path)
        XCTAssertEqual(again.kind, "ack")
        XCTAssertEqual(again.sha256, first.sha256)
        XCTAssertEqual(again.alreadyImported?.path, path)
        XCTAssertEqual(again.sha256, FileFingerprint.sha256(try FixtureFiles.bytes("ledger/claims.999")))
    }

    func testLedgerLocation() {
        XCTAssertEqual(Ledger.location("a.sqlite", environment: ["X12_LEDGER": "b.sqlite"]), "a.sqlite")
        XCTAssertEqual(Ledger.location(nil, environment: ["X12_LEDGER": "b.sqlite"]), "b.sqlite")
        XCTAssertEqual(Ledger.location(nil, environment: [:]), "x12-ledger.sqlite")
    }

    func testMoneyText() {
        XCTAssertEqual(LedgerMoney.text(Decimal(string: "1278.5") ?? 0), "1278.50")
        XCTAssertEqual(LedgerMoney.text(-90), "-90.00")
        XCTAssertEqual(LedgerMoney.text(Decimal(string: "0.005") ?? 0), "0.01")
    }
}
