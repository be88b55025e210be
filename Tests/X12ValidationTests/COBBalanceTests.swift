import Foundation
import X12
import X12Validation
import X12TestSupport
import XCTest

/// COB balancing on any 837P (837 spec rules "COB line balances" and "COB claim balances"), on the secondary claims
/// of the end-to-end scenario (Fixtures/cob/secondary.837: S1001-S after Medicare, S2001-S after Aetna).
final class COBBalanceTests: XCTestCase {
    private func secondary() throws -> String { try FixtureFiles.text("cob/secondary.837") }

    func testBalancedSecondaryClaimsHaveNoFinding() throws {
        let report = TestSupport.validate(try secondary(), name: "secondary.837")
        XCTAssertEqual(report.findings.map(\.message), [])
    }

    func testLineWhoseSVDAndCASDoNotAddUpToSV102IsAFindingWithTheAmounts() throws {
        // S1001-S line 2: SV102 90 = SVD02 50 + CAS 20 + 20; SVD02 55 leaves it 5 over.
        let text = try secondary().replacingSegment("SVD*02402*50*HC:97110:GP:CQ**2~", with: "SVD*02402*55*HC:97110:GP:CQ**2~")
        let findings = TestSupport.validate(text).findings
        XCTAssertEqual(findings.count, 1)
        let finding = try XCTUnwrap(findings.first)
        XCTAssertEqual(finding.kind, .balance)
        XCTAssertEqual(finding.message, "SV102 line charge must equal the other payer's SVD02 paid amount plus the line's CAS adjustments (2430) (SV1 90; SVD 55; CAS 40; off by -5)")
        XCTAssertEqual(finding.segmentId, "SV1")
        XCTAssertEqual(finding.loopId, "2400")
        XCTAssertEqual(finding.fileSegmentIndex, 47)
        XCTAssertEqual(finding.element, 2)
        XCTAssertEqual(finding.value, "90")
    }

    func testClaimWhoseAMTDAndCASDoNotAddUpToCLM02IsAFindingWithTheAmounts() throws {
        // S2001-S: CLM02 135 = AMT*D 85 + claim CAS 10 + line CAS 40; AMT*D 80 leaves it 5 short.
        let text = try secondary().replacingSegment("AMT*D*85~", with: "AMT*D*80~")
        let findings = TestSupport.validate(text).findings
        XCTAssertEqual(findings.map(\.message), [
            "CLM02 claim charge must equal the other payer's AMT*D paid amount plus its claim CAS (2320) and line CAS (2430) adjustments (CLM 135; AMT*D 80; CAS 50; off by 5)",
        ])
        XCTAssertEqual(findings.first?.segmentId, "CLM")
        XCTAssertEqual(findings.first?.fileSegmentIndex, 89)
    }

    func testClaimsWithoutCOBLoopsAreNotChecked() throws {
        // The primary claims of the same scenario carry no 2320/2430: nothing to balance against.
        let primary = try FixtureFiles.text("claims/example.837")
        XCTAssertFalse(TestSupport.validate(primary).findings.contains { $0.message.contains("other payer") })
    }
}
