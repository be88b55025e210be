import Foundation
import X12
import X12Acknowledgments
import X12Matching
import X12Output
import XCTest
import X12TestSupport

/// Acknowledgments of Fixtures/acks/submitted.837 (ISA13 000000101, GS06 7; ST 0001 holds V100-1 and V101-1,
/// ST 0002 holds V200-1, V201-1 and V202-1), mapped back to its claims.
final class AckMappingTests: XCTestCase {
    private let submitted = MatchingTestSupport.ackFixture("submitted.837")

    func test999RejectingOneTransactionSetMapsErrorsToClaims() throws {
        let report = try MatchingTestSupport.decodeAcknowledgments([MatchingTestSupport.ackFixture("reject-st.999")], claims: submitted).report()
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.groups.first?.status, .partiallyAccepted)
        XCTAssertEqual(report.transactionSets.map(\.controlNumber), ["0001", "0002"])
        XCTAssertEqual(report.transactionSets.map(\.status), [.accepted, .rejected])
        XCTAssertEqual(report.transactionSets[1].claims, ["V200-1", "V201-1", "V202-1"])
        XCTAssertEqual(report.transactionSets[1].setErrors, [AckReport.Reason(code: "5", description: "one or more segments in error", source: "999")])

        // IK3*NM1*23*2310*8 has no CTX: position 23 lies inside V201-1 (CLM at 21, next HL at 29).
        let npi = report.transactionSets[1].errors[0]
        XCTAssertEqual(npi.segmentId, "NM1")
        XCTAssertEqual(npi.segmentPosition, 23)
        XCTAssertEqual(npi.loopId, "2310")
        XCTAssertEqual(npi.code, "I12")
        XCTAssertEqual(npi.description, "implementation pattern match failure")
        XCTAssertEqual(npi.elementPosition, 9)
        XCTAssertEqual(npi.dataElementReference, "67")
        XCTAssertEqual(npi.badData, "123456789")
        XCTAssertEqual(npi.claim, "V201-1")
        XCTAssertEqual(npi.segmentText, "NM1*82*1*SMITH*JOHN****XX*123456789")
        // IK3*DTP*37 carries CTX*CLM01:V202-1 and lies inside V202-1 too.
        let date = report.transactionSets[1].errors[1]
        XCTAssertEqual(date.segmentPosition, 37)
        XCTAssertEqual(date.code, "8")
        XCTAssertEqual(date.description, "invalid date")
        XCTAssertEqual(date.elementPosition, 3)
        XCTAssertEqual(date.claim, "V202-1")
        XCTAssertEqual(date.segmentText, "DTP*472*D8*20241341")
        XCTAssertEqual(date.context, ["CLM01:V202-1"])

        let byNumber = Dictionary(uniqueKeysWithValues: report.claims.map { ($0.patientControlNumber, $0) })
        XCTAssertEqual(report.claims.map(\.patientControlNumber), ["V100-1", "V101-1", "V200-1", "V201-1", "V202-1"])
        XCTAssertEqual(report.claims.map(\.status), [.pending, .pending, .rejected, .rejected, .rejected])
        XCTAssertEqual(byNumber["V201-1"]?.reasons, [AckReport.Reason(
            code: "I12",
            description: "segment 23 (NM1, loop 2310) element 9 (67): implementation pattern match failure (value '123456789') "
                + "in NM1*82*1*SMITH*JOHN****XX*123456789",
            source: "999")])
        XCTAssertEqual(byNumber["V200-1"]?.reasons, [AckReport.Reason(
            code: "R 5", description: "transaction set 0002 rejected: one or more segments in error (errors in claim V201-1, V202-1)",
            source: "999")])
        XCTAssertEqual(byNumber["V100-1"]?.reasons, [])
        XCTAssertEqual(byNumber["V100-1"]?.acknowledgments, [AckReport.Step(source: "999", status: .accepted, controlNumber: "0001")])
        XCTAssertEqual(report.summary.rejected, 3)
        XCTAssertEqual(report.summary.rejectedEnvelopes, 1)
        XCTAssertEqual(report.unmatched, [])
    }

    func test277CAAcceptsOneClaimAndRejectsAnotherWithTwoReasons() throws {
        let report = try MatchingTestSupport.decodeAcknowledgments([MatchingTestSupport.ackFixture("accept-reject.277")], claims: submitted).report()
        XCTAssertEqual(report.problems, [])
        let accepted = report.claims[0]
        XCTAssertEqual(accepted.patientControlNumber, "V100-1")
        XCTAssertEqual(accepted.status, .accepted)
        XCTAssertEqual(accepted.payerClaimControlNumber, "PAYER-ICN-100")
        XCTAssertEqual(accepted.reasons.map(\.code), ["A2:20"])
        let rejected = report.claims[1]
        XCTAssertEqual(rejected.patientControlNumber, "V101-1")
        XCTAssertEqual(rejected.status, .rejected)
        XCTAssertNil(rejected.payerClaimControlNumber)
        XCTAssertEqual(rejected.reasons, [
            AckReport.Reason(code: "A7:562:85", description: "rejected for invalid information; entity's National Provider "
                + "Identifier (NPI); billing provider (BILLING PROVIDER NPI NOT ON FILE)", source: "277CA"),
            AckReport.Reason(code: "A6:21:IL", description: "rejected for missing information; missing or invalid information; subscriber",
                             source: "277CA"),
            AckReport.Reason(code: "A7:21", description: "line V101-1-1: rejected for invalid information; missing or invalid information",
                             source: "277CA"),
        ])
        // The claims of ST 0002 were not answered by the 277CA.
        XCTAssertEqual(report.claims[2...].map(\.status), [.pending, .pending, .pending])
        // ZZZ-9 was never submitted: listed, not dropped.
        XCTAssertEqual(report.unmatched.map(\.reference), ["ZZZ-9"])
        XCTAssertEqual(report.unmatched.first?.description, "277CA accepted claim ZZZ-9 (payer claim PAYER-ICN-999): not in the submitted 837")
        let receiver = try XCTUnwrap(report.claimLevels.first { $0.level == .informationReceiver })
        XCTAssertEqual(receiver.traceNumber, "B0001")
        XCTAssertEqual(receiver.acceptedQuantity, 2)
        XCTAssertEqual(receiver.rejectedQuantity, 1)
        XCTAssertEqual(receiver.acceptedAmount, 275)
        XCTAssertEqual(receiver.rejectedAmount, 60)
    }

    func test277CADecodesLineLevelStatus() throws {
        let decoder = try MatchingTestSupport.decodeAcknowledgments([MatchingTestSupport.ackFixture("accept-reject.277")])
        let claim = try XCTUnwrap(decoder.claimAcknowledgments.first?.claims[1])
        XCTAssertEqual(claim.statuses.count, 2)
        XCTAssertEqual(claim.statuses[0].actionCode, "U")
        XCTAssertEqual(claim.statuses[0].message, "BILLING PROVIDER NPI NOT ON FILE")
        XCTAssertEqual(claim.clearinghouseTraceNumber, "CH-TRACE-2")
        XCTAssertEqual(claim.serviceDate, "20240111")
        let line = try XCTUnwrap(claim.lines.first)
        XCTAssertEqual(line.procedure, "HC:97530:GP")
        XCTAssertEqual(line.procedureCode, "97530")
        XCTAssertEqual(line.chargeAmount, 60)
        XCTAssertEqual(line.units, 1)
        XCTAssertEqual(line.lineControlNumber, "V101-1-1")
        XCTAssertEqual(line.serviceDate, "20240111")
        XCTAssertEqual(line.statuses.first?.codes, [StatusCode(category: "A7", status: "21", entity: "")])
    }

    func test999Then277CATogether() throws {
        let report = try MatchingTestSupport.decodeAcknowledgments([MatchingTestSupport.ackFixture("reject-st.999"), MatchingTestSupport.ackFixture("accept-reject.277")],
                                               claims: submitted).report()
        XCTAssertEqual(report.claims.map(\.status), [.accepted, .rejected, .rejected, .rejected, .rejected])
        XCTAssertEqual(report.claims[0].acknowledgments.map(\.source), ["999", "277CA"])
        XCTAssertEqual(report.summary, AckReport.Summary(claims: 5, accepted: 1, rejected: 4, pending: 0, rejectedEnvelopes: 1,
                                                         unmatched: 1, problems: 0))
    }

    func testTA1RejectRejectsEveryClaimOfTheInterchange() throws {
        let report = try MatchingTestSupport.decodeAcknowledgments([MatchingTestSupport.ackFixture("reject.ta1")], claims: submitted).report()
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.interchanges.first?.controlNumber, "000000101")
        XCTAssertEqual(report.interchanges.first?.status, .rejected)
        XCTAssertEqual(report.interchanges.first?.claims, ["V100-1", "V101-1", "V200-1", "V201-1", "V202-1"])
        XCTAssertEqual(Set(report.claims.map(\.status)), [.rejected])
        XCTAssertEqual(report.claims[0].reasons, [AckReport.Reason(
            code: "006", description: "interchange 000000101 rejected: invalid sender id", source: "TA1")])
    }

    func testUnmatchedAcknowledgmentsAreListed() throws {
        let report = try MatchingTestSupport.decodeAcknowledgments([MatchingTestSupport.ackFixture("unmatched.999")], claims: submitted).report()
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.unmatched.map(\.source), ["TA1", "999", "999", "999", "999"])
        XCTAssertEqual(report.unmatched.map(\.reference),
                       ["000000555", "GS06 99", "GS06 7 ST02 0009", "CLM01 NOPE-1", "ST02 0001 segment 16"])
        XCTAssertEqual(report.unmatched[4].description, "999 names CLM at segment 16, but the submitted segment there is HI*ABK:M545")
        // Set 0001 was accepted with errors (which name no claim of it); 0002 is not listed and the group is partially accepted.
        XCTAssertEqual(report.claims.map(\.status), [.pending, .pending, .pending, .pending, .pending])
        XCTAssertEqual(report.claims[0].acknowledgments, [AckReport.Step(source: "999", status: .accepted, controlNumber: "0002")])
        XCTAssertEqual(report.claims[0].reasons, [])
    }

    func testTruncated999ReportsWhatWasReadAndWhereItBroke() throws {
        let decoder = try MatchingTestSupport.decodeAcknowledgments([MatchingTestSupport.ackFixture("truncated.999")], claims: submitted)
        let file = "truncated.999:"
        XCTAssertEqual(decoder.problems.map(\.description), [
            file + "segment 11 (CTX): transaction set 0002 (AK2) has no IK5 result",
            file + "segment 11 (CTX): the 999 has no AK9 (functional group response)",
            file + "segment 11 (CTX): the 999 ends without its SE: the acknowledgment is incomplete",
            file + "segment 12 (IK4): the input ends inside segment IK4: no segment terminator '~'",
        ])
        XCTAssertEqual(decoder.problems.last?.kind, .truncatedSegment)
        let report = decoder.report()
        XCTAssertEqual(report.transactionSets.map(\.status), [.accepted, .unknown])
        XCTAssertEqual(report.transactionSets[1].errors.map(\.claim), ["V201-1", "V202-1"])
        XCTAssertEqual(report.claims.map(\.status), [.pending, .pending, .pending, .pending, .pending])
    }

    func testReportReadMatchesDecoderAndJSONKeysAreStable() throws {
        let index = try SubmittedClaimIndex(path: submitted)
        let report = AckReport.read(reader: try SegmentReader(path: MatchingTestSupport.ackFixture("reject-st.999")), matching: AcknowledgmentMatcher(index: index))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONDocument.pretty(report))) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["interchanges", "groups", "transactionSets", "claimLevels", "claims", "unmatched",
                                          "problems", "summary"])
        let claims = try XCTUnwrap(object["claims"] as? [[String: Any]])
        XCTAssertEqual(Set(claims[0].keys), ["patientControlNumber", "status", "payerClaimControlNumber", "reasons", "chargeAmount",
                                             "patientName", "interchangeControlNumber", "groupControlNumber",
                                             "transactionSetControlNumber", "acknowledgments"])
        XCTAssertTrue(claims[0]["payerClaimControlNumber"] is NSNull)
        let sets = try XCTUnwrap(object["transactionSets"] as? [[String: Any]])
        let errors = try XCTUnwrap(sets[1]["errors"] as? [[String: Any]])
        XCTAssertEqual(errors[0]["claim"] as? String, "V201-1")
        XCTAssertEqual(errors[0]["segmentPosition"] as? Int, 23)
        XCTAssertEqual(errors[0]["elementPosition"] as? Int, 9)
        let decoded = try JSONDecoder().decode(AckReport.self, from: Data(JSONDocument.pretty(report)))
        XCTAssertEqual(decoded.claims, report.claims)
        XCTAssertEqual(decoded.transactionSets, report.transactionSets)
    }

    func testCSVHasOneRowPerReason() throws {
        let report = try MatchingTestSupport.decodeAcknowledgments([MatchingTestSupport.ackFixture("accept-reject.277")], claims: submitted).report()
        let rows = report.csv().split(separator: "\n").map(String.init)
        XCTAssertEqual(rows[0], "patientControlNumber,status,payerClaimControlNumber,chargeAmount,interchangeControlNumber,"
                       + "groupControlNumber,transactionSetControlNumber,source,code,description")
        XCTAssertEqual(rows[1], "V100-1,accepted,PAYER-ICN-100,200.00,000000101,7,0001,277CA,A2:20,accepted into adjudication; accepted for processing")
        XCTAssertEqual(rows.count, 1 + 1 + 3 + 3)
        XCTAssertEqual(rows[5], "V200-1,pending,,150.00,000000101,7,0002,,,")
    }
}
