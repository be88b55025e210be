import Foundation
import X12
import X12Acknowledgments
import X12Matching
import XCTest

/// Fixtures/acks/duplicate-pcn.277 answers MASKED-1 twice: accepted at 125, rejected at 90.
final class DuplicateClaimMatchingTests: XCTestCase {
    /// The 837 sent the claim twice (Fixtures/acks/duplicate-pcn.837, charges 125 and 90): each answer finds its own claim.
    func testAClaimSentTwiceGetsBothAnswers() throws {
        let report = try MatchingTestSupport.decodeAcknowledgments(
            [MatchingTestSupport.ackFixture("duplicate-pcn.277")], claims: MatchingTestSupport.ackFixture("duplicate-pcn.837")).report()
        XCTAssertEqual(report.claims.map(\.patientControlNumber), ["MASKED-1", "MASKED-1"])
        XCTAssertEqual(report.claims.map(\.status), [.accepted, .rejected])
        XCTAssertEqual(report.claims.map(\.chargeAmount), [125, 90])
        XCTAssertEqual(report.claims.map(\.payerClaimControlNumber), ["PAYER-ICN-301", nil])
        XCTAssertEqual(report.claims.map { $0.reasons.map(\.code) }, [["A2:20"], ["A7:562:85"]])
        XCTAssertEqual(report.unmatched, [])
    }

    /// The 837 sent the claim once: the second answer in the same 277CA is listed as unmatched, not merged into the first.
    func testASecondAnswerForAClaimSentOnceIsUnmatched() throws {
        let sentOnce = """
            ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240116*1430*^*00501*000000103*0*T*:~
            GS*HC*SUBMITTER*RECEIVER*20240116*1430*9*X*005010X222A1~
            ST*837*0001*005010X222A1~
            BHT*0019*00*B0003*20240116*1430*CH~
            HL*1**20*1~
            HL*2*1*22*0~
            NM1*IL*1*XXXXX*XXXX****MI*XXXXXXXXXXX~
            CLM*MASKED-1*125***11:B:1*Y*A*Y*Y~
            LX*1~
            SV1*HC:97110:GP*125*UN*2***1~
            SE*9*0001~
            GE*1*9~
            IEA*1*000000103~
            """
        let index = try SubmittedClaimIndex(reader: SegmentReader(string: sentOnce))
        let report = AckReport.read(reader: try SegmentReader(path: MatchingTestSupport.ackFixture("duplicate-pcn.277")),
                                    matching: AcknowledgmentMatcher(index: index))
        XCTAssertEqual(report.claims.map(\.status), [.accepted])
        XCTAssertEqual(report.claims.map(\.payerClaimControlNumber), ["PAYER-ICN-301"])
        XCTAssertEqual(report.unmatched.map(\.reference), ["MASKED-1"])
        XCTAssertEqual(report.unmatched.map(\.description),
                       ["277CA rejected claim MASKED-1: this 277CA already answered the only submitted claim with this number"])
        XCTAssertEqual(report.unmatched.map { $0.reasons.map(\.code) }, [["A7:562:85"]])
    }
}
