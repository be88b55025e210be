import X12
import X12Matching
import X12Remittance
import XCTest

/// `x12 remit --claims`: claim payments of Fixtures/remit matched to Fixtures/remit/submitted.837.
final class RemittanceMatchingTests: XCTestCase {
    func testMatchingAgainstTheSubmitted837() throws {
        let matcher = SubmittedClaimMatcher(index: try SubmittedClaimIndex(path: MatchingTestSupport.fixture("remit", "submitted.837")))
        let report = RemittanceReport(reader: try SegmentReader(path: MatchingTestSupport.fixture("remit", "reversal-plb.835")), matcher: matcher)
        let claims = try XCTUnwrap(report.transactions.first?.claims)
        // The reversal of V100-1 has no REF*6R: its lines match by procedure, modifiers and (negated) charge.
        XCTAssertEqual(claims[0].submitted?.matched, true)
        XCTAssertEqual(claims[0].submitted?.billedAmount, "200")
        XCTAssertNil(claims[0].submitted?.unpaidAmount)
        XCTAssertEqual(claims[0].lines.map(\.submitted?.matchedBy), ["procedure", "procedure"])
        // The corrected V100-1 matches its lines by REF*6R: billed 200, paid 170.
        XCTAssertEqual(claims[1].submitted?.unpaidAmount, "30")
        XCTAssertEqual(claims[1].lines.map(\.submitted?.matchedBy), ["lineControlNumber", "lineControlNumber"])
        XCTAssertEqual(claims[1].lines.map(\.submitted?.lineNumber), [1, 2])
        XCTAssertEqual(claims[1].submitted?.claimSegment, 15)
        XCTAssertEqual(claims[2].submitted?.billedAmount, "60")
        XCTAssertEqual(claims[2].lines.first?.submitted?.billedAmount, "60")
        XCTAssertEqual(claims[3].submitted?.matched, false)
        XCTAssertEqual(claims[4].lines.first?.submitted?.matched, false)
        let matching = try XCTUnwrap(report.matching)
        XCTAssertEqual(matching.submittedClaimCount, 3)
        XCTAssertEqual(matching.matchedClaimCount, 3)
        XCTAssertEqual(matching.unmatchedClaims, ["V102-1", "V103-1"])
        XCTAssertEqual(matching.submittedClaimsNotInRemittance, ["V104-1"])
        // Billed 200 + 60 (the reversal is not billed again); paid −150 + 170 + 45.
        XCTAssertEqual(matching.billedAmount, "260")
        XCTAssertEqual(matching.paidAmount, "65")
    }
}
