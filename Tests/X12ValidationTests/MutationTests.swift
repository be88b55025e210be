import XCTest
import X12
@testable import X12Validation

/// One clean 837P fixture, broken one way at a time; each break must be reported at its exact place.
final class MutationTests: XCTestCase {
    private var clean = ""

    override func setUpWithError() throws {
        clean = try TestSupport.fixtureText("claim-837p.x12")
    }

    private func errors(_ text: String) -> [Seen] {
        TestSupport.validate(text).findings.filter { $0.severity == .error }.map(Seen.init)
    }

    func testCleanFixtureHasNoFindings() {
        let report = TestSupport.validate(clean)
        XCTAssertEqual(report.findings.map(\.description), [])
        XCTAssertEqual(report.transactionSets.count, 1)
        XCTAssertTrue(report.isValid(strict: true))
    }

    func testDroppedRequiredSegment() {
        let text = clean.replacingSegment("N3*100 MAIN ST~", with: nil).replacingSegment("SE*26*0001~", with: "SE*25*0001~")
        // N4 moves up to file segment 10, position 8; the missing N3 is reported there.
        XCTAssertEqual(errors(text), [Seen(10, 8, "N3", "2010AA", nil, nil, .requiredSegmentMissing, "3")])
    }

    func testDroppedRequiredSegmentWithoutFixingSE01() {
        let text = clean.replacingSegment("N3*100 MAIN ST~", with: nil)
        XCTAssertEqual(errors(text), [
            Seen(10, 8, "N3", "2010AA", nil, nil, .requiredSegmentMissing, "3"),
            Seen(27, 25, "SE", nil, 1, nil, .transactionEnvelope, "4"),
        ])
    }

    func testOverlongElement() {
        let name = String(repeating: "A", count: 61)
        let text = clean.replacingSegment("NM1*85*2*ACME THERAPY*****XX*1234567893~", with: "NM1*85*2*\(name)*****XX*1234567893~")
        XCTAssertEqual(errors(text), [Seen(9, 7, "NM1", "2010AA", 3, nil, .elementTooLong, "5")])
        let finding = TestSupport.validate(text).findings[0]
        XCTAssertEqual(finding.elementReference, "1035")
        XCTAssertEqual(finding.message, "NM103 (Billing Provider Last or Organizational Name) is too long: 61 characters, at most 60 allowed")
    }

    func testInvalidCode() {
        let text = clean.replacingSegment("DMG*D8*19500101*M~", with: "DMG*D8*19500101*X~")
        XCTAssertEqual(errors(text), [Seen(18, 16, "DMG", "2010BA", 3, nil, .invalidCode, "7")])
    }

    func testInvalidCompositeComponentCode() {
        let text = clean.replacingSegment("CLM*PCN001*220***11:B:1*Y*A*Y*Y~", with: "CLM*PCN001*220***11:X:1*Y*A*Y*Y~")
        XCTAssertEqual(errors(text), [Seen(20, 18, "CLM", "2300", 5, 2, .invalidCode, "7")])
        XCTAssertEqual(TestSupport.validate(text).findings[0].claimId, "PCN001")
    }

    func testBrokenHLParent() {
        let text = clean.replacingSegment("HL*2*1*22*0~", with: "HL*2*3*22*0~")
        XCTAssertEqual(errors(text), [Seen(13, 11, "HL", "2000B", 2, nil, .hierarchy, "I12")])
    }

    func testWrongSE01() {
        let text = clean.replacingSegment("SE*26*0001~", with: "SE*27*0001~")
        XCTAssertEqual(errors(text), [Seen(28, 26, "SE", nil, 1, nil, .transactionEnvelope, "4")])
    }

    func testClaimChargeNotEqualToLineCharges() {
        let text = clean.replacingSegment("CLM*PCN001*220***11:B:1*Y*A*Y*Y~", with: "CLM*PCN001*230***11:B:1*Y*A*Y*Y~")
        let report = TestSupport.validate(text)
        XCTAssertEqual(report.findings.map(Seen.init), [Seen(20, 18, "CLM", "2300", 2, nil, .balance, "I12")])
        XCTAssertEqual(report.findings[0].message, "CLM02 total claim charge must equal the sum of the SV102 line charges (off by 10)")
    }

    func testBadNPIIsAWarning() {
        let text = clean.replacingSegment("NM1*85*2*ACME THERAPY*****XX*1234567893~", with: "NM1*85*2*ACME THERAPY*****XX*1234567890~")
        let report = TestSupport.validate(text)
        XCTAssertEqual(report.findings.map(Seen.init), [Seen(9, 7, "NM1", "2010AA", 9, nil, .npiCheckDigit, "I12")])
        XCTAssertEqual(report.findings[0].severity, .warning)
        XCTAssertTrue(report.isValid())
        XCTAssertFalse(report.isValid(strict: true))
    }

    func testUnrecognizedAndOutOfOrderSegments() {
        let unknown = clean.replacingSegment("HI*ABK:M5416~", with: "HI*ABK:M5416~\nZZZ*1~").replacingSegment("SE*26*0001~", with: "SE*27*0001~")
        XCTAssertEqual(errors(unknown), [Seen(22, 20, "ZZZ", "2300", nil, nil, .unrecognizedSegment, "1")])
        let late = clean.replacingSegment("N3*1 ELM ST~", with: nil)
            .replacingSegment("DMG*D8*19500101*M~", with: "DMG*D8*19500101*M~\nN3*1 ELM ST~")
        XCTAssertEqual(errors(late), [Seen(18, 16, "N3", "2010BA", nil, nil, .segmentOutOfOrder, "7")])
    }

    func testDateTimeAndNumericChecks() {
        let text = clean.replacingSegment("DTP*472*D8*20240110~", with: "DTP*472*D8*20240231~")
            .replacingSegment("BHT*0019*00*BATCH1*20240115*1430*CH~", with: "BHT*0019*00*BATCH1*20240115*2561*CH~")
            .replacingSegment("SV1*HC:97140:GP*100*UN*2***1~", with: "SV1*HC:97140:GP*1O0*UN*2***1~")
        XCTAssertEqual(errors(text), [
            Seen(4, 2, "BHT", nil, 5, nil, .invalidTime, "9"),
            Seen(24, 22, "DTP", "2400", 3, nil, .invalidDate, "8"),
            Seen(26, 24, "SV1", "2400", 2, nil, .nonNumeric, "6"),
        ])
    }

    func testRequiredElementMissingAndNotUsedElementPresent() {
        let text = clean.replacingSegment("N4*SPRINGFIELD*IL*62701~", with: "N4**IL*62701~")
            .replacingSegment("CLM*PCN001*220***11:B:1*Y*A*Y*Y~", with: "CLM*PCN001*220*X**11:B:1*Y*A*Y*Y~")
        XCTAssertEqual(errors(text), [
            Seen(17, 15, "N4", "2010BA", 1, nil, .requiredElementMissing, "1"),
            Seen(20, 18, "CLM", "2300", 3, nil, .notUsedElementPresent, "I10"),
        ])
    }

    func testSegmentOverMaxUseAndSituationalRule() {
        let text = clean.replacingSegment("HI*ABK:M5416~", with: "HI*ABK:M5416~\nHI*ABK:M5417~").replacingSegment("SE*26*0001~", with: "SE*27*0001~")
        XCTAssertEqual(errors(text), [Seen(22, 20, "HI", "2300", nil, nil, .segmentOverMaxUse, "5")])
        let replacement = clean.replacingSegment("CLM*PCN001*220***11:B:1*Y*A*Y*Y~", with: "CLM*PCN001*220***11:B:7*Y*A*Y*Y~")
        XCTAssertEqual(errors(replacement), [Seen(20, 18, "REF", "2300", nil, nil, .situationalRule, "I6")])
    }

    func testPatientLoopWhenSubscriberIsPatient() {
        let text = clean.replacingSegment("CLM*PCN001*220***11:B:1*Y*A*Y*Y~",
                                          with: "HL*3*2*23*0~\nPAT*19~\nNM1*QC*1*DOE*JANE~\nN3*1 ELM ST~\nN4*SPRINGFIELD*IL*62701~\nDMG*D8*20100101*F~\nCLM*PCN001*220***11:B:1*Y*A*Y*Y~")
            .replacingSegment("HL*2*1*22*0~", with: "HL*2*1*22*1~")
            .replacingSegment("SE*26*0001~", with: "SE*32*0001~")
        XCTAssertEqual(errors(text), [Seen(20, 18, "HL", "2000C", nil, nil, .situationalRule, "I9")])
    }
}
