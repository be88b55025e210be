import X12
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

    func testAnUnreadableSegmentKeepsItsClaimAndOnlyABrokenCLPIsSkipped() throws {
        let remittance = try XCTUnwrap(TestFiles.decode(FixtureFiles.path("remit/broken-claims.835")).remittances.first)
        // B2's CLP03 cannot be read, so there is no claim to keep; B3's broken CAS stays with B3.
        XCTAssertEqual(remittance.claims.map(\.patientControlNumber), ["B1", "B3", "B4"])
        XCTAssertEqual(remittance.totals.skippedClaimCount, 1)
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
                       "segment 20 (CAS) element 3: claim B3 (CLP at segment 17): CAS03 adjustment amount 'ABC' is not a decimal amount")
        XCTAssertEqual(badAdjustment.transactionSetControlNumber, "0001")
        // B3 keeps its CLP amounts, both lines, and the broken segment's text.
        let kept = remittance.claims[1]
        XCTAssertEqual(kept.paidAmount, "150.00")
        XCTAssertEqual(kept.lines.map(\.procedureCode), ["99214", "99215"])
        XCTAssertEqual(kept.lines[0].adjustments, [])
        XCTAssertEqual(kept.errors?.map(\.segmentText), ["CAS*CO*45*ABC"])
        XCTAssertEqual(kept.errors?.map(\.description), [badAdjustment.description])
        // Totals come from what is there: 80 + 150 + 40 - (-1) = 271 against BPR02 121; B3 itself is off by
        // the 50.00 its unreadable CAS held.
        XCTAssertEqual(remittance.totals.paidAmount, "270.00")
        XCTAssertEqual(remittance.balance.map(\.difference), ["-150.00"])
        XCTAssertEqual(kept.balance.map(\.rule), [.serviceLine, .claim])
        XCTAssertEqual(kept.balance.map(\.difference), ["-50.00", "-50.00"])
        XCTAssertEqual(remittance.claims[0].balance, [])
        XCTAssertEqual(remittance.claims[2].balance, [])
    }

    func testAnSVC01WithTheWrongComponentSeparatorKeepsItsClaimLineAndPayment() throws {
        let remittance = try XCTUnwrap(TestFiles.decode(FixtureFiles.path("remit/wrong-component-separator.835")).remittances.first)
        XCTAssertEqual(remittance.claims.map(\.patientControlNumber), ["W1", "W2"])
        let claim = remittance.claims[0]
        XCTAssertEqual(claim.paidAmount, "187.50")
        XCTAssertEqual(claim.lines.map(\.procedureCode), ["HC>97110>GP", "97140"])
        XCTAssertEqual(claim.lines.map(\.procedureQualifier), ["", "HC"])
        XCTAssertEqual(claim.lines[0].paidAmount, "112.50")
        XCTAssertEqual(claim.lines[0].adjustments.map(\.amount), ["25.50", "12.00"])
        XCTAssertEqual(claim.lines[0].lineControlNumber, "W1-1")
        XCTAssertEqual(claim.errors?.map(\.segmentText), ["SVC*HC>97110>GP*150*112.50**1"])
        XCTAssertEqual(remittance.errors.map(\.description), [
            "segment 11 (SVC) element 1: claim W1 (CLP at segment 9): SVC01 must be qualifier:code (e.g. HC:99213), found 'HC>97110>GP'",
        ])
        // Everything balances once nothing is dropped: 187.50 + 80.00 = BPR02 267.50.
        XCTAssertEqual(remittance.totals.paidAmount, "267.50")
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
        XCTAssertEqual(remittance.claims.map(\.patientControlNumber), ["C1", "C2"])
        XCTAssertEqual(remittance.claims.map(\.paidAmount), ["80.00", "50.00"])
        XCTAssertEqual(remittance.claims[0].errors?.map(\.segmentText), ["CAS*XX*45*20"])
        XCTAssertEqual(remittance.claims[1].errors?.map(\.segmentText), ["SVC*HC*50*50"])
        XCTAssertEqual(remittance.claims[1].lines.map(\.procedureCode), ["HC"])
        XCTAssertEqual(remittance.claims[1].lines.map(\.procedureQualifier), [""])
        XCTAssertEqual(remittance.claims[1].lines.map(\.paidAmount), ["50.00"])
        XCTAssertEqual(remittance.errors.map(\.description), [
            "segment 7 (SVC): SVC is outside a claim payment loop: expected CLP first",
            "segment 10 (CAS) element 1: claim C1 (CLP at segment 9): CAS01 'XX' is not an adjustment group (CO, PR, OA, PI)",
            "segment 12 (SVC) element 1: claim C2 (CLP at segment 11): SVC01 must be qualifier:code (e.g. HC:99213), found 'HC'",
            "segment 3 (ST): transaction set 0001 has no BPR (financial information): the payment amount is unknown",
            "segment 3 (ST): transaction set 0001 has no TRN (reassociation trace number)",
        ])
    }

    func testNonRemittanceSetsAreSkippedAndReported() throws {
        let decoder = try RemittanceDecoder(path: FixtureFiles.path("remit/submitted.837"))
        XCTAssertNil(try decoder.next())
        XCTAssertEqual(decoder.problems.map(\.description), ["segment 3 (ST) element 1: transaction set 0001 is a 837, not an 835: skipped"])
    }
}
