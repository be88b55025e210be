import Foundation
import XCTest
import X12
import X12Claims
import X12Matching
@testable import X12Ledger
import X12TestSupport

final class LedgerWorkTests: XCTestCase {
    private let rebillDate = InterchangeSettings.parseDate("2024-03-01T09:00") ?? Date()

    func testWorklist() throws {
        let items = try LedgerFixtures.scenarioLedger().worklist()
        XCTAssertEqual(items.map(\.kind), [.rejected, .rejected, .rejected, .denied, .deniedLine, .reversed, .delayed, .billingException,
                                           .unmatched, .unmatched])
        XCTAssertEqual(items.map(\.reference), ["V1003", "V2001", "V2002", "V1002", "V3001-2 V3001-3", "V3001", "V4001", "V5001",
                                                "CLM01 Z9999", "CLP01 Z8888"])
        XCTAssertEqual(items.map(\.amount), [200, 240, 135, 135, Decimal(string: "68.5"), 90, 135, 45, nil, nil])
        XCTAssertEqual(items[0].reasons, ["277CA A7:562:82: rejected for invalid information; entity's National Provider Identifier (NPI); rendering provider"])
        XCTAssertEqual(items[3].reasons, ["line V1002-1 97110 135.00: CO-50 135, RARC N115"])
        XCTAssertEqual(items[4].reasons, ["line V3001-3 E0114 68.50: CO-96 68.5, RARC N130"])
        XCTAssertEqual(items[6].reasons, ["authorization: required but no number on file (R6)"])
    }

    func testRebillWritesCorrectedClaimsWithPayerClaimControlNumber() throws {
        let ledger = try LedgerFixtures.scenarioLedger()
        let rebill = try ledger.rebill(RebillRequest(patientControlNumbers: ["V3001", "V3001-2"], controlNumber: 102, date: rebillDate))
        XCTAssertEqual(rebill.claims.map(\.payerClaimControlNumber), ["ICN-3001", "ICN-3002"])
        XCTAssertEqual(rebill.claims.map(\.chargeAmount), [90, Decimal(string: "193.5")])
        let text = String(decoding: rebill.bytes, as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "ISA*00*          *00*          *ZZ*RIVERSIDEPT    *ZZ*CLEARHOUSE01   *240301*0900*^*00501*000000102*0*T*:~")
        XCTAssertEqual(lines.filter { $0.hasPrefix("CLM*") || $0.hasPrefix("REF*F8") || $0.hasPrefix("ST*") || $0.hasPrefix("BHT*") }, [
            "ST*837*0001*005010X222A1~", "BHT*0019*00*0000001020001*20240301*0900*CH~",
            "CLM*V3001*90***11:B:7*Y*A*Y*Y~", "REF*F8*ICN-3001~",
            "ST*837*0002*005010X222A1~", "BHT*0019*00*0000001020002*20240301*0900*CH~",
            "CLM*V3001-2*193.5***11:B:7*Y*A*Y*Y~", "REF*F8*ICN-3002~",
        ])
        // The corrected file reads back as two claims with the same lines as the originals.
        let index = try SubmittedClaimIndex(reader: SegmentReader(bytes: rebill.bytes))
        XCTAssertEqual(index.problems.count, 0)
        XCTAssertEqual(index.claims.map(\.originalPayerClaimControlNumber), ["ICN-3001", "ICN-3002"])
        XCTAssertEqual(index.claims.flatMap(\.lines).compactMap(\.lineControlNumber), ["V3001-1", "V3001-2", "V3001-3"])

        try ledger.recordRebill(rebill, path: "corrected.837")
        let status = try ledger.status(ClaimFilter(patientControlNumbers: ["V3001"]))
        XCTAssertEqual(status.map(\.stage), [.submitted])
        XCTAssertEqual(status.map(\.frequencyCode), ["7"])
        XCTAssertEqual(status.map(\.visitId), ["V3001"])
        XCTAssertEqual(status.map(\.payerId), ["MCR"])
    }

    func testVoidUsesFrequencyEight() throws {
        let rebill = try LedgerFixtures.scenarioLedger().rebill(RebillRequest(patientControlNumbers: ["V1001"], frequency: .void,
                                                                              controlNumber: 104, date: rebillDate))
        let text = String(decoding: rebill.bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("CLM*V1001*285***11:B:8*Y*A*Y*Y~\n"))
        XCTAssertTrue(text.contains("REF*F8*ICN-1001~\n"))
    }

    func testRebillRefusedWithoutPayerClaimControlNumber() throws {
        let ledger = try LedgerFixtures.scenarioLedger()
        XCTAssertThrowsError(try ledger.rebill(RebillRequest(patientControlNumbers: ["V1001", "V1003", "NOPE"], controlNumber: 102, date: rebillDate))) { error in
            let lines = "\(error)".split(separator: "\n")
            XCTAssertEqual(lines.count, 2)
            XCTAssertTrue(lines[0].hasPrefix("V1003: no payer claim control number is known"), String(lines[0]))
            XCTAssertEqual(lines[1], "NOPE: no such claim in the ledger")
        }
    }

    func testDuplicateGuardAndChargeUpdates() throws {
        let ledger = try LedgerFixtures.scenarioLedger()
        let batch = try BillingBatch.decode(from: Data(try FixtureFiles.bytes("ledger/example-changed.json")))
        let options = ClaimBuilder.Options(controlNumber: 103, date: InterchangeSettings.parseDate("2024-02-01T08:00") ?? Date())
        let screened = try ledger.screen(batch, options: options)
        // V1003 (277CA), V2001 and V2002 (999) were rejected: sent again. V1002 was denied, V3001 paid: not sent twice.
        XCTAssertEqual(screened.output.report.claims.map(\.patientControlNumber), ["V1003", "V1004", "V2001", "V2002"])
        XCTAssertEqual(screened.alreadySubmitted.map(\.visitId), ["V1002", "V3001"])
        XCTAssertEqual(screened.alreadySubmitted[1].patientControlNumbers, ["V3001", "V3001-2"])
        XCTAssertEqual(screened.changed.map(\.visitId), ["V1001"])
        XCTAssertEqual(screened.changed.first?.differences, ["line 2 97110: units 2 → 3", "line 2 97110: charge 90.00 → 135.00"])
        XCTAssertEqual(screened.changed.first?.finalizedAmount, 330)
        XCTAssertTrue(screened.output.report.warnings.contains(
            "visit V1002: alreadySubmitted as V1002 on 2024-01-20 (ISA13 000000101); not billed again"))

        let bytes = try ClaimEncoder.encode(screened.output.file)
        try ledger.recordSubmission(bytes: bytes, path: "second.837", screened: screened)
        let held = try ledger.chargeUpdates(batch: nil, date: LedgerFixtures.today)
        XCTAssertEqual(held.map(\.visitId), ["V1001"])
        XCTAssertEqual(held.map(\.correctedClaimSent), [false])
        XCTAssertTrue(try ledger.worklist().contains { $0.kind == .changedSinceSubmission && $0.reference == "V1001" && $0.amount == 330 })

        // The same batch again: the resubmissions and V1004 went out with the second file and have no answer yet.
        let again = try ledger.screen(batch, options: options)
        XCTAssertEqual(again.output.report.claims.map(\.patientControlNumber), [])
        XCTAssertEqual(again.alreadySubmitted.map(\.visitId), ["V1002", "V1003", "V1004", "V3001", "V2001", "V2002"])
        XCTAssertEqual(again.changed.map(\.visitId), ["V1001"])

        // A batch rebill of V1001 with the new charges: the charge update is then answered.
        var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try FixtureFiles.bytes("ledger/example-changed.json")))
            as? [String: Any])
        var visits = try XCTUnwrap(json["visits"] as? [[String: Any]])
        let position = try XCTUnwrap(visits.firstIndex { $0["id"] as? String == "V1001" })
        visits[position]["rebill"] = ["frequency": "7", "payerClaimControlNumber": "ICN-1001"]
        json["visits"] = visits
        let rebilled = try BillingBatch.decode(from: try JSONSerialization.data(withJSONObject: json))
        let third = try ledger.screen(rebilled, options: ClaimBuilder.Options(controlNumber: 105, date: options.date))
        XCTAssertEqual(third.output.report.claims.map(\.patientControlNumber), ["V1001"])
        try ledger.recordSubmission(bytes: try ClaimEncoder.encode(third.output.file), path: "third.837", screened: third)
        let updates = try ledger.chargeUpdates(batch: rebilled, date: LedgerFixtures.today)
        XCTAssertEqual(updates.map(\.visitId), ["V1001"])
        XCTAssertEqual(updates.map(\.correctedClaimSent), [true])
        XCTAssertFalse(try ledger.worklist().contains { $0.kind == .changedSinceSubmission })
    }
}

final class LedgerInterchangeAcknowledgmentTests: XCTestCase {
    func testRejectingTA1RejectsEveryClaimOfTheInterchange() throws {
        let ledger = try LedgerFixtures.emptyLedger()
        let example = try LedgerFixtures.generatedExample()
        try ledger.recordSubmission(bytes: example.bytes, path: "claims.837", report: example.report)
        let summary = try ledger.importAcknowledgments(bytes: try FixtureFiles.bytes("ledger/claims.ta1"), path: "claims.ta1")
        XCTAssertEqual(summary.claims, 7)
        let claims = try ledger.status()
        XCTAssertEqual(Set(claims.map(\.stage)), [.rejected])
        XCTAssertEqual(Set(claims.map(\.functionalAcknowledgment)), ["rejected"])
        XCTAssertEqual(claims.first?.reasons.map(\.code), ["006"])
        XCTAssertEqual(claims.first?.reasons.map(\.source), ["TA1"])
        // A TA1 for an interchange never sent is kept as unmatched.
        let other = try LedgerFixtures.emptyLedger()
        XCTAssertEqual(try other.importAcknowledgments(bytes: try FixtureFiles.bytes("ledger/claims.ta1"), path: "claims.ta1").unmatched, 1)
        XCTAssertEqual(try other.unmatchedFacts().map(\.reference), ["ISA13 000000101"])
    }
}
