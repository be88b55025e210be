import X12
import X12Claims
import X12Remittance
import XCTest
import X12TestSupport

/// The hand-written fixtures in Fixtures/remit; every expected amount below is worked out by hand in
/// the comments from the segments of the fixture.
final class FixtureTests: XCTestCase {
    func testReversalCorrectionDenialAndProviderAdjustments() throws {
        let (remittances, problems) = try TestFiles.decode(FixtureFiles.path("remit/reversal-plb.835"))
        XCTAssertEqual(problems, [])
        let remittance = try XCTUnwrap(remittances.first)
        XCTAssertEqual(remittance.errors, [])
        // Σ CLP04 = −150 + 170 + 45 + 0 + 950.25 = 1015.25; Σ PLB = 75 − 15.25 − 0.50 = 59.25; BPR02 = 956.00.
        XCTAssertEqual(remittance.totals.claimCount, 5)
        XCTAssertEqual(remittance.totals.serviceLineCount, 6)
        XCTAssertEqual(remittance.totals.chargeAmount, "1160.50")
        XCTAssertEqual(remittance.totals.paidAmount, "1015.25")
        XCTAssertEqual(remittance.totals.providerAdjustmentAmount, "59.25")
        XCTAssertEqual(remittance.payment.amount, "956.00")
        XCTAssertEqual(remittance.allBalanceFindings, [])

        let reversal = remittance.claims[0]
        XCTAssertTrue(reversal.isReversal)
        XCTAssertEqual(reversal.statusDescription, "Reversal of previous payment")
        XCTAssertEqual(reversal.chargeAmount.description, "-200.00")
        XCTAssertEqual(reversal.paidAmount.description, "-150.00")
        XCTAssertEqual(reversal.patientResponsibilityAmount, "-30")
        XCTAssertEqual(reversal.lines.map(\.paidAmount), ["-90", "-60"])
        XCTAssertEqual(reversal.lines[0].modifiers, ["GP", "KX"])
        XCTAssertEqual(reversal.lines[0].units, "2")
        XCTAssertEqual(reversal.lines[1].units, "1")

        let corrected = remittance.claims[1]
        XCTAssertEqual(corrected.payerClaimControlNumber, "ICN2002")
        XCTAssertEqual(corrected.lines.map(\.lineControlNumber), ["V100-1-1", "V100-1-2"])
        XCTAssertEqual(corrected.lines.map(\.allowedAmount), ["120", "80"])

        // Claim-level OA 23 of 10 plus line CO 45 of 5: 60 − 15 = 45.
        let claimLevel = remittance.claims[2]
        XCTAssertEqual(claimLevel.adjustments, [ClaimAdjustment(group: "OA", reason: "23", amount: "10")])
        XCTAssertEqual(claimLevel.adjustments[0].reasonDescription, "Impact of prior payer(s) adjudication")
        XCTAssertEqual(claimLevel.lines[0].adjustments, [ClaimAdjustment(group: "CO", reason: "45", amount: "5")])
        XCTAssertEqual(claimLevel.lines[0].remarkCodes, ["N130", "M15"])
        XCTAssertEqual(claimLevel.adjudication?.kind, "outpatient")
        XCTAssertEqual(claimLevel.adjudication?.remarkCodes, ["MA01", "N130"])
        XCTAssertEqual(claimLevel.frequencyCode, "7")

        let denied = remittance.claims[3]
        XCTAssertEqual(denied.status, "4")
        XCTAssertEqual(denied.lines, [])
        XCTAssertEqual(denied.statementStartDate, "20240105")

        XCTAssertEqual(remittance.claims[4].serviceProvider?.identifier, "1245319599")
        XCTAssertEqual(remittance.providerAdjustments.map(\.reason), ["WO", "L6", "72"])
        XCTAssertEqual(remittance.providerAdjustments.map(\.amount), ["75.00", "-15.25", "-0.50"])
        XCTAssertEqual(remittance.providerAdjustments.map(\.reference), ["ICN1001", nil, "REF77"])
        XCTAssertEqual(remittance.providerAdjustments.map(\.segment), [51, 51, 52])
        XCTAssertEqual(remittance.providerAdjustments[0].reasonDescription, "Overpayment recovery")
        XCTAssertEqual(remittance.providerAdjustments[0].fiscalPeriodDate, "20241231")
    }

    func testSeveralTransactionSetsAndInterchanges() throws {
        let (remittances, problems) = try TestFiles.decode(FixtureFiles.path("remit/multiple-payments.835"))
        XCTAssertEqual(problems, [])
        XCTAssertEqual(remittances.map(\.transactionSetControlNumber), ["0001", "0002", "0003"])
        XCTAssertEqual(remittances.map(\.interchangeControlNumber), ["000000201", "000000201", "000000202"])
        XCTAssertEqual(remittances.map(\.payment.traceNumber), ["CHK5001", "NONPAY77", "FB2024"])
        XCTAssertEqual(remittances.map(\.totals.claimCount), [2, 1, 0])
        XCTAssertEqual(remittances.map(\.totals.paidAmount), ["300", "0", "0"])
        XCTAssertEqual(remittances.map(\.payment.amount), ["300", "0", "0"])
        // FB −120 and WO +120 cancel out in the zero-pay 835.
        XCTAssertEqual(remittances[2].providerAdjustments.map(\.amount), ["-120", "120"])
        XCTAssertEqual(remittances[2].totals.providerAdjustmentAmount, "0")
        XCTAssertEqual(remittances.flatMap(\.allBalanceFindings), [])
        XCTAssertEqual(remittances.flatMap(\.errors), [])
        XCTAssertEqual(remittances[0].payee.taxId, "999999999")
        XCTAssertEqual(remittances[0].payer.contacts.first?.numbers.first?.value, "5125550100")
    }

    func testUnbalancedAmountsAreWarningsWithTheAmounts() throws {
        let remittance = try XCTUnwrap(TestFiles.decode(FixtureFiles.path("remit/unbalanced.835")).remittances.first)
        XCTAssertEqual(remittance.errors, [])
        // U1: SVC 300 − (50 + 45) = 205, but SVC03 is 210; CLP 300 − 95 = 205, but CLP04 is 200.
        let first = remittance.claims[0]
        XCTAssertEqual(first.balance.map(\.rule), [.serviceLine, .claim])
        XCTAssertEqual(first.balance.map(\.expected), ["205", "205"])
        XCTAssertEqual(first.balance.map(\.actual), ["210", "200"])
        XCTAssertEqual(first.balance.map(\.difference.description), ["5.00", "-5.00"])
        XCTAssertEqual(first.balance.map(\.segment), [12, 10])
        XCTAssertEqual(first.balance[1].message,
                       "claim U1: CLP03 300.00 - adjustments 95.00 = 205.00, but CLP04 is 200.00 (off by -5.00)")
        // U2: CLP05 10 but no PR adjustment.
        XCTAssertEqual(remittance.claims[1].balance.map(\.rule), [.patientResponsibility])
        XCTAssertEqual(remittance.claims[1].balance.first?.difference, "10")
        // BPR02 500 against Σ CLP04 300.
        XCTAssertEqual(remittance.balance.map(\.rule), [.transaction])
        XCTAssertEqual(remittance.balance.first?.expected, "300")
        XCTAssertEqual(remittance.balance.first?.difference, "200")
        XCTAssertEqual(remittance.balance.first?.segment, 2)
        XCTAssertEqual(remittance.allBalanceFindings.count, 4)
    }

    func testBrokenClaimLoopsAreSkippedWithTheirPositions() throws {
        let remittance = try XCTUnwrap(TestFiles.decode(FixtureFiles.path("remit/broken-claims.835")).remittances.first)
        XCTAssertEqual(remittance.claims.map(\.patientControlNumber), ["B1", "B4"])
        XCTAssertEqual(remittance.totals.skippedClaimCount, 2)
        XCTAssertEqual(remittance.errors.count, 2)
        let badCharge = remittance.errors[0]
        XCTAssertEqual(badCharge.kind, .invalidValue)
        XCTAssertEqual(badCharge.segmentIndex, 13)
        XCTAssertEqual(badCharge.transactionSegmentIndex, 11)
        XCTAssertEqual(badCharge.segmentId, "CLP")
        XCTAssertEqual(badCharge.element, 3)
        XCTAssertEqual(badCharge.description,
                       "segment 13 (CLP) element 3: claim B2 skipped: CLP03 total claim charge '1OO' is not a decimal amount")
        let badAdjustment = remittance.errors[1]
        XCTAssertEqual(badAdjustment.description,
                       "segment 20 (CAS) element 3: claim B3 (CLP at segment 17) skipped: CAS03 adjustment amount 'ABC' is not a decimal amount")
        XCTAssertEqual(badAdjustment.transactionSetControlNumber, "0001")
        // The kept claims and the PLB still balance: 80 + 40 − (−1) = 121.
        XCTAssertEqual(remittance.payment.amount, "121.00")
        XCTAssertEqual(remittance.allBalanceFindings, [])
    }

    func testSegmentsOutsideAClaimAndMissingHeaderSegments() throws {
        let text = """
        ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*PTCLINIC       *240315*1200*^*00501*000000901*0*T*:~
        GS*HP*ACMEPAYER*PTCLINIC*20240315*1200*91*X*005010X221A1~
        ST*835*0001~
        N1*PR*PAYER ONE~
        N1*PE*CLINIC ONE*FI*999999999~
        LX*1~
        SVC*HC:99212*100*80~
        CAS*CO*45*20~
        CLP*C1*1*100*80**12*S1~
        CAS*XX*45*20~
        CLP*C2*1*50*50**12*S2~
        SVC*HC*50*50~
        SE*11*0001~
        GE*1*91~
        IEA*1*000000901~
        """
        let remittance = try XCTUnwrap(TestFiles.decode(string: text).first)
        XCTAssertEqual(remittance.claims, [])
        XCTAssertEqual(remittance.errors.map(\.description), [
            "segment 7 (SVC): SVC is outside a claim payment loop: expected CLP first",
            "segment 10 (CAS) element 1: claim C1 (CLP at segment 9) skipped: CAS01 'XX' is not an adjustment group (CO, PR, OA, PI)",
            "segment 12 (SVC) element 1: claim C2 (CLP at segment 11) skipped: SVC01 must be qualifier:code (e.g. HC:99213), found 'HC'",
            "segment 3 (ST): transaction set 0001 has no BPR (financial information): the payment amount is unknown",
            "segment 3 (ST): transaction set 0001 has no TRN (reassociation trace number)",
        ])
    }

    func testNonRemittanceSetsAreSkippedAndReported() throws {
        let decoder = try RemittanceDecoder(path: FixtureFiles.path("remit/submitted.837"))
        XCTAssertNil(try decoder.next())
        XCTAssertEqual(decoder.problems.map(\.description), ["segment 3 (ST) element 1: transaction set 0001 is a 837, not an 835: skipped"])
    }

    func testMatchingAgainstTheSubmitted837() throws {
        let matcher = SubmittedClaimMatcher(index: try SubmittedClaimIndex(path: FixtureFiles.path("remit/submitted.837")))
        let report = RemittanceReport(reader: try SegmentReader(path: FixtureFiles.path("remit/reversal-plb.835")), matcher: matcher)
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
