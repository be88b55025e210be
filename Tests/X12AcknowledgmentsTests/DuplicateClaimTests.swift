import Foundation
import X12
@testable import X12Acknowledgments
import X12TestSupport
import XCTest

/// Fixtures/acks/duplicate-pcn.277: two patient loops answer claims with the same TRN02 (masked test data, or a
/// claim sent twice). Without a submitted 837 both stay in the report, each with its own answer.
final class DuplicateClaimTests: XCTestCase {
    func testTwoClaimsWithOneNumberStayTwoRecords() throws {
        let decoder = try AckTestSupport.decode([FixtureFiles.path("acks/duplicate-pcn.277")])
        XCTAssertEqual(decoder.problems, [])
        let decoded = try XCTUnwrap(decoder.claimAcknowledgments.first).claims
        XCTAssertEqual(decoded.map(\.patientControlNumber), ["MASKED-1", "MASKED-1"])
        XCTAssertEqual(decoded.map(\.serviceDate), ["20240110", "20240112"])
        XCTAssertEqual(decoded.map { $0.statuses.map(\.effectiveDate) }, [["20240117"], ["20240118"]])

        let report = decoder.report()
        XCTAssertEqual(report.claims, [
            AckReport.ClaimResult(
                patientControlNumber: "MASKED-1", status: .accepted, payerClaimControlNumber: "PAYER-ICN-301",
                reasons: [AckReport.Reason(code: "A2:20", description: "accepted into adjudication; accepted for processing", source: "277CA")],
                chargeAmount: 125, patientName: "XXXXX, XXXX", interchangeControlNumber: nil, groupControlNumber: nil,
                transactionSetControlNumber: nil, acknowledgments: [AckReport.Step(source: "277CA", status: .accepted, controlNumber: "0001")]),
            AckReport.ClaimResult(
                patientControlNumber: "MASKED-1", status: .rejected, payerClaimControlNumber: nil,
                reasons: [AckReport.Reason(code: "A7:562:85",
                                           description: "rejected for invalid information; entity's National Provider Identifier (NPI); "
                                               + "billing provider (BILLING PROVIDER NPI NOT ON FILE)", source: "277CA")],
                chargeAmount: 90, patientName: "XXXXX, XXXX", interchangeControlNumber: nil, groupControlNumber: nil,
                transactionSetControlNumber: nil, acknowledgments: [AckReport.Step(source: "277CA", status: .rejected, controlNumber: "0001")]),
        ])
        XCTAssertEqual(report.summary, AckReport.Summary(claims: 2, accepted: 1, rejected: 1, pending: 0, rejectedEnvelopes: 0,
                                                         unmatched: 0, problems: 0))
    }
}
