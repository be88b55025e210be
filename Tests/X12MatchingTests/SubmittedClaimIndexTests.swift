import X12
import X12Matching
import XCTest

final class SubmittedClaimIndexTests: XCTestCase {
    private let submitted = """
    ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240115*1430*^*00501*000000101*0*T*:~
    GS*HC*SUBMITTER*RECEIVER*20240115*1430*7*X*005010X222A1~
    ST*837*0001*005010X222A1~
    BHT*0019*00*B1*20240115*1430*CH~
    NM1*41*2*PT CLINIC*****46*S1~
    HL*1**20*1~
    NM1*85*2*PT CLINIC*****XX*1234567893~
    HL*2*1*22*0~
    SBR*P*18*******MB~
    NM1*IL*1*DOE*JANE****MI*1EG4TE5MK72~
    NM1*PR*2*MEDICARE B*****PI*12345~
    CLM*V100-1*200***11:B:1*Y*A*Y*Y~
    REF*G1*0000~
    LX*1~
    SV1*HC:97110:GP:KX*120*UN*2***1~
    DTP*472*D8*20240110~
    REF*6R*V100-1-1~
    LX*2~
    SV1*HC:97140:GP*80*UN*1***1~
    DTP*472*D8*20240110~
    REF*6R*V100-1-2~
    CLM*V101-1*60***11:B:7*Y*A*Y*Y~
    REF*F8*PAYER-ICN-9~
    LX*1~
    SV1*HC:97530:GP*60*UN*1***1~
    REF*6R*V101-1-1~
    SE*25*0001~
    GE*1*7~
    IEA*1*000000101~
    """

    func testIndexesClaimsLinesAndPositions() throws {
        let index = try SubmittedClaimIndex(reader: SegmentReader(string: submitted))
        XCTAssertEqual(index.problems, [])
        XCTAssertEqual(index.claims.map(\.patientControlNumber), ["V100-1", "V101-1"])
        let first = try XCTUnwrap(index.claims.first)
        XCTAssertEqual(first.chargeAmount, 200)
        XCTAssertEqual(first.payerName, "MEDICARE B")
        XCTAssertEqual(first.patientName, "DOE, JANE")
        XCTAssertEqual(first.claimSegmentIndex, 10)
        XCTAssertEqual(first.lastSegmentIndex, 19)
        XCTAssertEqual(first.hierarchySegmentIndex, 6)
        XCTAssertEqual(first.lines.map(\.procedureCode), ["97110", "97140"])
        XCTAssertEqual(first.lines.first?.modifiers, ["GP", "KX"])
        XCTAssertEqual(first.lines.first?.units, 2)
        XCTAssertEqual(first.lines.map(\.lineControlNumber), ["V100-1-1", "V100-1-2"])
        let second = index.claims[1]
        XCTAssertEqual(second.frequencyCode, "7")
        XCTAssertEqual(second.originalPayerClaimControlNumber, "PAYER-ICN-9")
        XCTAssertEqual(second.lastSegmentIndex, 24)
    }

    func testMapsSegmentPositionsToClaims() throws {
        let index = try SubmittedClaimIndex(reader: SegmentReader(string: submitted))
        XCTAssertEqual(index.claims(atSegment: 13, transactionSetControlNumber: "0001").map(\.patientControlNumber), ["V100-1"])
        XCTAssertEqual(index.claims(atSegment: 21, transactionSetControlNumber: "0001").map(\.patientControlNumber), ["V101-1"])
        // The subscriber's NM1*IL sits before both claims of its HL.
        XCTAssertEqual(index.claims(atSegment: 8, transactionSetControlNumber: "0001").map(\.patientControlNumber), ["V100-1", "V101-1"])
        XCTAssertEqual(index.claims(atSegment: 2, transactionSetControlNumber: "0001"), [])
        XCTAssertEqual(index.segmentText(atSegment: 10, transactionSetControlNumber: "0001"), "CLM*V100-1*200***11:B:1*Y*A*Y*Y")
        XCTAssertEqual(index.line(controlNumber: "V100-1-2")?.line.procedureCode, "97140")
        XCTAssertNil(index.line(controlNumber: "nope"))
        // Without segment text (what remittance matching uses): the same claims, no text.
        let lean = try SubmittedClaimIndex(reader: SegmentReader(string: submitted), keepingSegmentText: false)
        XCTAssertEqual(lean.claims, index.claims)
        XCTAssertNil(lean.segmentText(atSegment: 10, transactionSetControlNumber: "0001"))
        XCTAssertEqual(lean.claims(atSegment: 13, transactionSetControlNumber: "0001").map(\.patientControlNumber), ["V100-1"])
    }

    /// Two functional groups that both number their transaction set 0001: each position is looked up in
    /// its own group's set, and a claim number that appears twice gives both claims.
    func testGroupsReusingATransactionSetNumberKeepTheirOwnSegments() throws {
        let secondGroup = submitted
            .replacingOccurrences(of: "GS*HC*SUBMITTER*RECEIVER*20240115*1430*7*", with: "GS*HC*SUBMITTER*RECEIVER*20240115*1430*8*")
            .replacingOccurrences(of: "GE*1*7~", with: "GE*1*8~")
            .replacingOccurrences(of: "CLM*V100-1*200*", with: "CLM*V200-1*200*")
            .replacingOccurrences(of: "SV1*HC:97110:GP:KX*120*", with: "SV1*HC:97110:GP:::59:THERAPEUTIC EXERCISE*120*")
        let lines = secondGroup.split(separator: "\n")
        // One interchange: the first file's groups, then the second group.
        let combined = (submitted.split(separator: "\n").dropLast() + lines.dropFirst().dropLast() + [lines.last ?? ""])
            .joined(separator: "\n").replacingOccurrences(of: "IEA*1*", with: "IEA*2*")
        let index = try SubmittedClaimIndex(reader: SegmentReader(string: combined))
        XCTAssertEqual(index.problems, [])
        XCTAssertEqual(index.claims.map(\.patientControlNumber), ["V100-1", "V101-1", "V200-1", "V101-1"])
        XCTAssertEqual(index.segmentText(atSegment: 10, transactionSetControlNumber: "0001", groupControlNumber: "7"),
                       "CLM*V100-1*200***11:B:1*Y*A*Y*Y")
        XCTAssertEqual(index.segmentText(atSegment: 10, transactionSetControlNumber: "0001", groupControlNumber: "8"),
                       "CLM*V200-1*200***11:B:1*Y*A*Y*Y")
        XCTAssertEqual(index.segmentText(atSegment: 10, transactionSetControlNumber: "0001"), "CLM*V100-1*200***11:B:1*Y*A*Y*Y")
        XCTAssertEqual(index.claims(patientControlNumber: "V101-1").map(\.groupControlNumber), ["7", "8"])
        // Modifiers are SV101-3...6; component 7 is a description.
        XCTAssertEqual(index.claims[2].lines.first?.modifiers, ["GP", "59"])
    }
}
