import X12
import X12Output
import X12Remittance
import XCTest

/// Less common 835 segments and elements, read from a small inline transaction set.
final class SegmentDetailTests: XCTestCase {
    private let institutional = """
    ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*HOSPITAL       *240315*1200*^*00501*000000777*0*T*:~
    GS*HP*ACMEPAYER*HOSPITAL*20240315*1200*77*X*005010X221A1~
    ST*835*0777~
    BPR*C*1500*C*CHK************20240320~
    TRN*1*CHK9001*1888888888~
    REF*EV*HOSPITAL RECEIVER~
    N1*PR*STATE MEDICAID, INC~
    N1*PE*GENERAL HOSPITAL*XX*1234567893~
    LX*1~
    TS3*1234567893*11*20241231*1*2000~
    CLP*H1*19*2000*1500*500*MC*ICN7*11*1**470~
    CAS*PR*1*500~
    NM1*QC*1*LANE*LOIS*M**JR*MI*W123~
    NM1*TT*2*CROSSOVER PLAN*****PI*CP1~
    MIA*3***0*N1***************MA01*MA02~
    SVC*NU:0450*1200*900*0450*2*HC:99284:25*3~
    DTM*150*20240301~
    DTM*151*20240303~
    CAS*CO*45*300*2~
    SVC*NU:0300*800*600~
    CAS*CO*45*200~
    SE*20*0777~
    GE*1*77~
    IEA*1*000000777~
    """

    func testInstitutionalDetails() throws {
        let remittance = try XCTUnwrap(TestFiles.decode(string: institutional).first)
        XCTAssertEqual(remittance.errors, [])
        XCTAssertEqual(remittance.receiverIdentifier, "HOSPITAL RECEIVER")
        XCTAssertEqual(remittance.payment.handlingDescription, "Payment accompanies remittance advice")
        XCTAssertEqual(remittance.payee.npi, "1234567893")
        let claim = try XCTUnwrap(remittance.claims.first)
        XCTAssertEqual(claim.statusDescription, "Processed as primary, forwarded to additional payer(s)")
        XCTAssertEqual(claim.drgCode, "470")
        XCTAssertEqual(claim.patient?.middleName, "M")
        XCTAssertEqual(claim.patient?.suffix, "JR")
        XCTAssertEqual(claim.otherNames.map(\.entity), ["TT"])
        XCTAssertEqual(claim.otherNames.first?.lastName, "CROSSOVER PLAN")
        XCTAssertEqual(claim.adjudication?.kind, "inpatient")
        XCTAssertEqual(claim.adjudication?.elements.first, "3")
        XCTAssertEqual(claim.adjudication?.remarkCodes, ["N1", "MA01", "MA02"])
        // Line 1: revenue code, units 2, recoded from 99284-25 (3 units): 1200 − 300 = 900.
        let first = claim.lines[0]
        XCTAssertEqual(first.procedureQualifier, "NU")
        XCTAssertEqual(first.procedureCode, "0450")
        XCTAssertEqual(first.revenueCode, "0450")
        XCTAssertEqual(first.units, "2")
        XCTAssertEqual(first.originalProcedureCode, "99284")
        XCTAssertEqual(first.originalModifiers, ["25"])
        XCTAssertEqual(first.originalUnits, "3")
        XCTAssertEqual(first.adjustments.first?.quantity, "2")
        XCTAssertEqual(first.serviceStartDate, "20240301")
        XCTAssertEqual(first.serviceEndDate, "20240303")
        // Claim: 2000 − (500 + 300 + 200) = 1000, not 1500: one claim finding; lines and PR balance.
        XCTAssertEqual(claim.balance.map(\.rule), [.claim])
        XCTAssertEqual(claim.balance.first?.expected, "1000")
        XCTAssertEqual(remittance.balance, [])
    }

    /// SVC01 is C003: qualifier, code, modifiers 3-6, description 7. Empty modifier slots are skipped and
    /// the description is not a modifier.
    func testProcedureCompositeModifiersStopBeforeTheDescription() throws {
        let text = institutional
            .replacingOccurrences(of: "SVC*NU:0300*800*600~", with: "SVC*HC:97110:GP::59::THERAPEUTIC EXERCISE*800*600**4*HC:97110:KX:::::X~")
        let remittance = try XCTUnwrap(TestFiles.decode(string: text).first)
        XCTAssertEqual(remittance.errors, [])
        let line = try XCTUnwrap(remittance.claims.first?.lines.last)
        XCTAssertEqual(line.procedureCode, "97110")
        XCTAssertEqual(line.modifiers, ["GP", "59"])
        XCTAssertEqual(line.units, "4")
        XCTAssertEqual(line.originalProcedureCode, "97110")
        XCTAssertEqual(line.originalModifiers, ["KX"])
    }

    /// Elements past the 32 whose separators the field reader keeps in its table are found by scanning.
    /// MIA20 and MIA21 are MA01 and MA02; the added elements are named after their positions (X22...X36).
    func testSegmentWithMoreElementsThanTheSeparatorTable() throws {
        let extra = (22...36).map { "X\($0)" }.joined(separator: "*")
        let text = institutional.replacingOccurrences(of: "MIA*3***0*N1***************MA01*MA02~",
                                                      with: "MIA*3***0*N1***************MA01*MA02*" + extra + "~")
        let remittance = try XCTUnwrap(TestFiles.decode(string: text).first)
        XCTAssertEqual(remittance.errors, [])
        let elements = try XCTUnwrap(remittance.claims.first?.adjudication?.elements)
        XCTAssertEqual(elements.count, 36)
        XCTAssertEqual(Array(elements[19...]), ["MA01", "MA02"] + (22...36).map { "X\($0)" })
        // MIA05, 20, 21, 22 and 23 are remark codes.
        XCTAssertEqual(remittance.claims.first?.adjudication?.remarkCodes, ["N1", "MA01", "MA02", "X22", "X23"])
    }

    func testCSVQuotesAPayerNameWithAComma() throws {
        let report = RemittanceReport(reader: SegmentReader(string: institutional))
        let text = String(decoding: try RemittanceWriter.write(report, format: .csv), as: UTF8.self)
        let rows = text.split(separator: "\n")
        XCTAssertEqual(rows.count, 1 + 2 + 1)
        XCTAssertTrue(rows[1].hasPrefix("line,0777,CHK9001,20240320,1500.00,1888888888,\"STATE MEDICAID, INC\",GENERAL HOSPITAL,1234567893,H1,19,"),
                      String(rows[1]))
    }

    func testBalancerOnAClaimBuiltInCode() {
        var claim = RemittanceClaim(patientControlNumber: "X1", status: "1", chargeAmount: "100", paidAmount: "70", segment: 5)
        var line = RemittanceServiceLine(procedureQualifier: "HC", procedureCode: "99213", modifiers: [], chargeAmount: "100",
                                         paidAmount: "70", segment: 7)
        line.adjustments = [ClaimAdjustment(group: "CO", reason: "45", amount: "20"), ClaimAdjustment(group: "PR", reason: "3", amount: "10")]
        claim.lines = [line]
        claim.patientResponsibilityAmount = "10"
        RemittanceBalancer.balance(&claim)
        XCTAssertEqual(claim.balance, [])
        claim.paidAmount = "75.50"
        RemittanceBalancer.balance(&claim)
        XCTAssertEqual(claim.balance.map(\.difference), ["5.50"])
    }
}
