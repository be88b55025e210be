import Foundation
import X12
@testable import X12Claims
import XCTest

/// One test per billing rule, on the fixture batches (example.json, rules.json) or on an edited copy.
/// Expected segments were written by hand from the batch data.
final class ClaimRuleTests: XCTestCase {
    private func example() throws -> (ClaimBuilder.Output, String) {
        let output = ClaimFixtures.build(try ClaimFixtures.batch("example"))
        return (output, try ClaimFixtures.text(output))
    }

    private func rules() throws -> (ClaimBuilder.Output, String) {
        let output = ClaimFixtures.build(try ClaimFixtures.batch("rules"))
        return (output, try ClaimFixtures.text(output))
    }

    private func reasons(_ entries: [BatchReport.ChargeEntry], _ visitId: String) -> [String]? {
        entries.first { $0.visitId == visitId }?.reasons
    }

    // MARK: Totals

    func testExampleTotalsBalanceToTheCent() throws {
        let (output, _) = try example()
        let totals = output.report.totals
        // Input: V1001 285 + V1002 183 + V1003 250 + V2001 240 + V2002 135 + V3001 283.50 + V4001 135 + V5001 45 + V6001 90.
        XCTAssertEqual(totals.input, Decimal(string: "1646.5"))
        XCTAssertEqual(totals.claimed, Decimal(string: "1278.5"))
        XCTAssertEqual(totals.held, Decimal(180))
        XCTAssertEqual(totals.excluded, Decimal(48))
        XCTAssertEqual(totals.selfPay, Decimal(140))
        XCTAssertTrue(totals.balances)
        XCTAssertEqual(output.report.claims.count, 7)
    }

    func testClaimChargeEqualsSumOfLinesAndLineControlNumbersAreUnique() throws {
        for (output, text) in [try example(), try rules()] {
            for claim in output.file.transactions.flatMap(\.claims) {
                XCTAssertEqual(claim.totalCharge, claim.lines.reduce(Decimal(0)) { $0 + $1.charge })
                XCTAssertTrue((1...50).contains(claim.lines.count))
                XCTAssertLessThanOrEqual(claim.diagnoses.count, 12)
                for line in claim.lines {
                    XCTAssertTrue((1...4).contains(line.diagnosisPointers.count))
                    XCTAssertTrue(line.diagnosisPointers.allSatisfy { (1...claim.diagnoses.count).contains($0) })
                }
            }
            let refs = text.split(separator: "\n").filter { $0.hasPrefix("REF*6R*") }
            XCTAssertEqual(Set(refs).count, refs.count)
        }
    }

    func testEmptyBatchWritesNoTransactionAndZeroTotals() throws {
        var batch = try ClaimFixtures.batch("example")
        batch.visits = []
        let output = ClaimFixtures.build(batch)
        XCTAssertTrue(output.file.transactions.isEmpty)
        XCTAssertEqual(output.report.totals.input, 0)
        XCTAssertTrue(output.report.totals.balances)
        let text = try ClaimFixtures.text(output)
        XCTAssertEqual(text.split(separator: "\n").map { String($0.prefix(3)) }, ["ISA", "IEA"])
        XCTAssertTrue(text.hasSuffix("IEA*0*000000101~\n"))
    }

    // MARK: R1 Do Not Bill / NORCM

    func testDoNotBillChargeAndNORCMAreExcluded() throws {
        let (output, text) = try example()
        let entry = try XCTUnwrap(output.report.excluded.first { $0.visitId == "V1002" })
        XCTAssertEqual(entry.codes, ["97112", "NORCM"])
        XCTAssertEqual(entry.amount, Decimal(48))
        XCTAssertEqual(entry.reasons, ["charge marked Do Not Bill (R1)", "NORCM: not billed (R1)"])
        XCTAssertEqual(ClaimFixtures.claimSegments(text, id: "V1002").filter { $0.hasPrefix("SV1") }, ["SV1*HC:97110:GP:KX*135*UN*3***1~"])
        let (rulesOutput, _) = try rules()
        XCTAssertEqual(reasons(rulesOutput.report.excluded, "A122"), ["visit marked Do Not Bill (R1)"])
    }

    // MARK: R2 incomplete profile

    func testIncompleteProfileNamesEveryMissingField() throws {
        let (output, text) = try example()
        XCTAssertEqual(reasons(output.report.billingExceptions, "V5001"), ["patient PT5: dateOfBirth is missing", "patient PT5: no primary address"])
        XCTAssertFalse(text.contains("CLM*V5001"))
        let (rulesOutput, _) = try rules()
        XCTAssertEqual(reasons(rulesOutput.report.billingExceptions, "A111"), ["patient Q3 primary address: ZIP '9720' is not 5 or 9 digits"])
        XCTAssertEqual(reasons(rulesOutput.report.billingExceptions, "A112"), [
            "patient Q4: lastName 'SMITH*JONES' contains the delimiter '*'",
            "patient Q4: sex 'X' must be M, F or U",
            "patient Q4 primary address: state 'XX' is not a US state code",
        ])
        XCTAssertEqual(reasons(rulesOutput.report.billingExceptions, "A125"),
                       ["visit has no diagnosis", "charge 1 (97110): diagnosis pointer 1 but the visit has 0 diagnoses"])
        XCTAssertEqual(reasons(rulesOutput.report.billingExceptions, "A119-THIS-ID-IS-TOO-LONG"),
                       ["visit id 'A119-THIS-ID-IS-TOO-LONG' is 24 characters; CLM01 allows 20 here"])
        XCTAssertEqual(reasons(rulesOutput.report.billingExceptions, "A123"), ["case 'NOPE' does not exist"])
    }

    // MARK: R3 providers

    func testInactiveUnknownAndDuplicateNPIProviders() throws {
        let (output, _) = try rules()
        XCTAssertEqual(reasons(output.report.billingExceptions, "A101"), ["provider P3 is inactive"])
        XCTAssertEqual(reasons(output.report.billingExceptions, "A102"), ["provider P4 shares NPI 1122334455 with provider P5"])
        XCTAssertEqual(reasons(output.report.billingExceptions, "A103"), ["rendering provider 'P99' is unknown (R3)"])
        // The duplicate NPI is reported once for the batch.
        XCTAssertEqual(output.report.referenceErrors.filter { $0.contains("1122334455") }, ["providers P4, P5 share NPI 1122334455"])
    }

    // MARK: R4-R6 authorization

    func testAuthorizationEffectiveDatesAreInclusive() throws {
        let (output, text) = try rules()
        XCTAssertEqual(reasons(output.report.delayedClaims, "A105"),
                       ["authorization: BC5521 is effective from 2024-01-10, after the date of service 2024-01-09 (R6)"])
        XCTAssertTrue(ClaimFixtures.claimSegments(text, id: "A106").contains("REF*G1*BC5521~"))
        XCTAssertTrue(ClaimFixtures.claimSegments(text, id: "A107").contains("REF*G1*BC5521~"))
        XCTAssertEqual(reasons(output.report.delayedClaims, "A108"),
                       ["authorization: BC5521 expired 2024-01-31, before the date of service 2024-02-01 (R6)"])
    }

    func testPlaceholderAuthorizationIsSentAndMissingNumberIsHeld() throws {
        let (rulesOutput, rulesText) = try rules()
        XCTAssertTrue(ClaimFixtures.claimSegments(rulesText, id: "A104").contains("REF*G1*0000~"))
        XCTAssertFalse(reasons(rulesOutput.report.delayedClaims, "A104") != nil)
        let (output, text) = try example()
        XCTAssertEqual(reasons(output.report.delayedClaims, "V4001"), ["authorization: required but no number on file (R6)"])
        XCTAssertEqual(output.report.delayedClaims.first?.amount, Decimal(135))
        XCTAssertTrue(ClaimFixtures.claimSegments(text, id: "V2001").contains("REF*G1*AUTH77812~"))
    }

    // MARK: R7 KX and modifiers

    func testKXIsAddedAfterTheCodesModifiersWithoutDuplicates() throws {
        let (_, text) = try example()
        XCTAssertEqual(ClaimFixtures.claimSegments(text, id: "V1001").filter { $0.hasPrefix("SV1") }, [
            "SV1*HC:97161:GP:KX*150*UN*1***1:2~", "SV1*HC:97110:GP:KX*90*UN*2***1~", "SV1*HC:97140:GP:KX*45*UN*1***2~",
        ])
        // Without the case flag no KX is added (V2001 is on case C2).
        XCTAssertFalse(ClaimFixtures.claimSegments(text, id: "V2001").contains { $0.contains("KX") })
        let (output, rulesText) = try rules()
        XCTAssertEqual(ClaimFixtures.claimSegments(rulesText, id: "A100").filter { $0.hasPrefix("SV1") }, [
            "SV1*HC:97110:GP:KX*90*UN*2***1~", "SV1*HC:97140:GP:59:XS:CQ*45*UN*1***1~", "SV1*HC:97530:GP:KX*96*UN*2***1~",
        ])
        XCTAssertTrue(output.report.warnings.contains("visit A100 charge 2 (97140): no room for KX (4 modifiers already) (R7)"))
        XCTAssertTrue(output.report.warnings.contains("visit A100 charge 3 (97530): duplicate modifier GP dropped"))
    }

    func testKXEnteredOnAChargeIsKeptWithoutTheCaseFlag() throws {
        var batch = try ClaimFixtures.batch("example")
        batch.visits[3].charges[1].modifiers = ["GP", "KX"]
        let text = try ClaimFixtures.text(ClaimFixtures.build(batch))
        XCTAssertTrue(ClaimFixtures.claimSegments(text, id: "V2001").contains("SV1*HC:97110:GP:KX*90*UN*2***1~"))
    }

    func testFiveModifiersAreABillingException() throws {
        let (output, _) = try rules()
        XCTAssertEqual(reasons(output.report.billingExceptions, "A118"), ["charge 1 (97110) has 5 modifiers; at most 4 are allowed"])
    }

    // MARK: R8 referring provider

    func testReferringProviderAndItsNPICheck() throws {
        let (_, text) = try example()
        XCTAssertTrue(ClaimFixtures.claimSegments(text, id: "V1001").contains("NM1*DN*1*PATEL*JAMES****XX*1890123452~"))
        let (output, _) = try rules()
        XCTAssertEqual(reasons(output.report.billingExceptions, "A109"), ["referring provider R3: NPI 1234567890 fails the NPI check digit"])
    }

    // MARK: R9 primary address only

    func testOnlyThePrimaryAddressIsSent() throws {
        let (_, text) = try example()
        XCTAssertTrue(text.contains("NM1*IL*1*MULLER*JOSE****MI*1EG4TE5MK73~\nN3*2145 SE DIVISION ST*APT 4~\nN4*PORTLAND*OR*97202~\nDMG*D8*19520314*M~"))
        XCTAssertFalse(text.contains("COASTLINE"))
        XCTAssertFalse(text.contains("5035550199"))
        XCTAssertFalse(text.contains("INGRID"))
    }

    // MARK: R10 copays and self-pay

    func testCopayIsSentAsPatientAmountPaidAndSelfPayIsNotSent() throws {
        let (output, text) = try example()
        XCTAssertTrue(ClaimFixtures.claimSegments(text, id: "V2001").contains("AMT*F5*30~"))
        XCTAssertEqual(reasons(output.report.selfPay, "V6001"), ["self-pay case C6 (R10)"])
        XCTAssertFalse(text.contains("CLM*V6001"))
        XCTAssertFalse(text.contains("LEE*GRACE"))
    }

    // MARK: R11 corrected and void claims

    func testReplacementAndVoidClaimsCarryTheOriginalControlNumber() throws {
        let (_, text) = try example()
        let replacement = ClaimFixtures.claimSegments(text, id: "V2002")
        XCTAssertEqual(replacement.first, "CLM*V2002*135***11:B:7*Y*A*Y*Y~")
        XCTAssertTrue(replacement.contains("REF*F8*24016000123~"))
        let (output, rulesText) = try rules()
        let void = ClaimFixtures.claimSegments(rulesText, id: "A116")
        XCTAssertEqual(void.first, "CLM*A116*90***11:B:8*Y*A*Y*Y~")
        XCTAssertTrue(void.contains("REF*F8*BCX99001~"))
        XCTAssertEqual(reasons(output.report.billingExceptions, "A117"), ["rebill needs the payer's claim control number of the original claim (R11)"])
    }

    // MARK: R12 insurance change

    func testVisitIsBilledToTheCaseCoveringItsDate() throws {
        let (output, text) = try rules()
        XCTAssertEqual(output.report.claims.first { $0.visitId == "A113" }?.payerId, "AET")
        XCTAssertEqual(output.report.claims.first { $0.visitId == "A114" }?.payerId, "BCBS")
        XCTAssertTrue(output.report.warnings.contains("visit A114: case K11 does not cover 2024-02-10; billed to case K12 (R12)"))
        // K12's subscriber is the spouse: 2000C with PAT*01.
        XCTAssertTrue(text.contains("HL*4*1*22*1~\nSBR*P**88100******BL~\nNM1*IL*1*BAKER*PETER****MI*RBS100200300~\nDMG*D8*19740707*M~"))
        XCTAssertTrue(text.contains("HL*5*4*23*0~\nPAT*01~\nNM1*QC*1*BAKER*CAROL~\nN3*88 N WILLIAMS AVE~\nN4*PORTLAND*OR*97202~\nDMG*D8*19750303*F~\nCLM*A114*90"))
        XCTAssertEqual(reasons(output.report.billingExceptions, "A124"),
                       ["case K5 (2024-01-01...open) does not cover the date of service 2023-12-15 and no other case does (R12)"])
    }

    // MARK: R13 DME

    func testDMEChargesGoOnTheirOwnClaimToTheDMEPayer() throws {
        let (output, text) = try example()
        let dmeClaim = try XCTUnwrap(output.report.claims.first { $0.payerId == "DME" })
        XCTAssertEqual(dmeClaim.patientControlNumber, "V3001-2")
        XCTAssertEqual(dmeClaim.totalCharge, Decimal(string: "193.5"))
        XCTAssertEqual(output.report.claims.first { $0.patientControlNumber == "V3001" }?.payerId, "MCR")
        let transactions = text.components(separatedBy: "ST*837*")
        let dmeSet = try XCTUnwrap(transactions.last)
        XCTAssertTrue(dmeSet.contains("NM1*85*2*RIVERSIDE PHYSICAL THERAPY LLC*****XX*1345678902~"))
        XCTAssertTrue(dmeSet.contains("NM1*PR*2*MEDICARE DME JURISDICTION D*****PI*19003~\nCLM*V3001-2"))
        XCTAssertFalse(text.contains("REF*G2"))
        XCTAssertFalse(text.contains("PT1234567"))
        // Ordering provider on each DME line, street cut to 32 characters.
        XCTAssertEqual(dmeSet.components(separatedBy: "NM1*DK*1*O'CONNOR-WHITFIELD*SARAH****XX*1789012345~\nN3*4567 NORTHWEST CORNELIUS PASS RO~\nN4*HILLSBORO*OR*97124~").count, 3)
        XCTAssertEqual("4567 NORTHWEST CORNELIUS PASS RO".count, 32)
    }

    func testDMEPayerSendsPTANOnlyWhenAsked() throws {
        var batch = try ClaimFixtures.batch("example")
        batch.payers[3].sendPtan = true
        let text = try ClaimFixtures.text(ClaimFixtures.build(batch))
        XCTAssertTrue(text.contains("NM1*PR*2*MEDICARE DME JURISDICTION D*****PI*19003~\nREF*G2*PT1234567~\nCLM*V3001-2"))
    }

    func testDMEPayerWithoutPTANOrNPIMakesDMEChargesAnException() throws {
        var batch = try ClaimFixtures.batch("example")
        batch.payers[3].ptan = nil
        batch.payers[3].npi = nil
        let output = ClaimFixtures.build(batch)
        let entry = try XCTUnwrap(output.report.billingExceptions.first { $0.visitId == "V3001" })
        XCTAssertEqual(entry.codes, ["L1830", "E0114"])
        XCTAssertEqual(entry.amount, Decimal(string: "193.5"))
        XCTAssertEqual(entry.reasons, ["DME payer DME has no PTAN on file", "DME payer DME has no NPI registered with the DME MAC"])
        // The therapy charge of the same visit still goes to Medicare Part B.
        XCTAssertEqual(output.report.claims.first { $0.visitId == "V3001" }?.payerId, "MCR")
        XCTAssertTrue(output.report.totals.balances)
    }

    // MARK: R14 custom codes

    func testMappedCustomCodeIsBilledAsItsComparativeCode() throws {
        let (output, text) = try example()
        XCTAssertTrue(ClaimFixtures.claimSegments(text, id: "V1003").contains("SV1*HC:97750:KX*110*UN*1***1~"))
        XCTAssertEqual(reasons(output.report.selfPay, "V1003"), ["custom code MISSED has no comparative CPT/HCPCS code (R14)"])
        XCTAssertEqual(output.report.selfPay.first { $0.visitId == "V1003" }?.amount, Decimal(50))
    }

    // MARK: M1-M5

    func testPMSystemMismatchesAndMissingAlternateIds() throws {
        let (output, _) = try rules()
        let mismatch = "referring provider R4 NPI 1223344551 differs from PM system record RF-404 (Kowalski, Irene) NPI 1334455668"
        XCTAssertEqual(reasons(output.report.billingExceptions, "A110"), [mismatch])
        XCTAssertTrue(output.report.referenceErrors.contains(mismatch))
        XCTAssertTrue(output.report.warnings.contains("facility F2 has no alternateId (M1)"))

        var batch = try ClaimFixtures.batch("example")
        batch.pmSystem?.providers?[1].npi = "1445566775"
        let edited = ClaimFixtures.build(batch)
        XCTAssertEqual(edited.report.referenceErrors, ["provider P2 NPI 1567890128 differs from PM system record PR-202 (Chen, David) NPI 1445566775"])
        XCTAssertNotNil(reasons(edited.report.billingExceptions, "V2001"))
    }

    func testCodeDefaultsFillMissingModifiersAndUnits() throws {
        let (_, text) = try example()
        // 97161 has no modifiers or units on the charge: GP and 1 come from the code table.
        XCTAssertTrue(ClaimFixtures.claimSegments(text, id: "V2001").contains("SV1*HC:97161:GP*150*UN*1***1:2~"))
    }

    func testSubscriberComesFromTheCaseNotTheLaterPatientUpdate() throws {
        let (_, text) = try rules()
        // Patient Q6 is PETER BAKER now; the Medicare case K13 recorded PETE BAKER-OLD.
        XCTAssertTrue(text.contains("NM1*IL*1*BAKER-OLD*PETE****MI*3HX9TD2YK15~"))
    }

    // MARK: Splitting

    func testFiftyOneLinesSplitIntoTwoClaims() throws {
        let (output, text) = try rules()
        let parts = output.report.claims.filter { $0.visitId == "A120" }
        XCTAssertEqual(parts.map(\.patientControlNumber), ["A120", "A120-2"])
        XCTAssertEqual(parts.map(\.lines), [50, 1])
        // Charges are 10, 11, ... 60: the first 50 sum to 1725, the last is 60.
        XCTAssertEqual(parts.map(\.totalCharge), [Decimal(1725), Decimal(60)])
        let second = ClaimFixtures.claimSegments(text, id: "A120-2")
        XCTAssertTrue(second.contains("LX*1~"))
        XCTAssertTrue(second.contains("REF*6R*A120-51~"))
    }

    func testThirteenDiagnosesSplitWithValidPointers() throws {
        let (_, text) = try rules()
        let first = ClaimFixtures.claimSegments(text, id: "A121")
        XCTAssertTrue(first.contains("HI*ABK:M5416*ABF:M6281*ABF:M25561*ABF:M25562*ABF:M1711*ABF:M1712*ABF:M79604*ABF:M79605*ABF:R2689*ABF:R296~"))
        XCTAssertEqual(first.filter { $0.hasPrefix("SV1") }, [
            "SV1*HC:97110:GP*90*UN*2***1:2~", "SV1*HC:97140:GP*45*UN*1***3:4:5:6~", "SV1*HC:97530:GP*96*UN*2***7:8:9:10~",
        ])
        let second = ClaimFixtures.claimSegments(text, id: "A121-2")
        XCTAssertTrue(second.contains("HI*ABK:Z96651*ABF:Z96652*ABF:G8929~"))
        XCTAssertTrue(second.contains("SV1*HC:97112:GP*48*UN*1***1:2:3~"))
    }

    // MARK: Text

    func testNonASCIINamesAreTransliterated() throws {
        let (_, text) = try rules()
        XCTAssertTrue(text.contains("NM1*IL*1*LUKASZ-ORSTED*ZOE****MI*MK10001~\nN3*STRASSE 12 UNTERWEG~"))
        XCTAssertEqual(X12Text.clean("José Müller"), "JOSE MULLER")
        XCTAssertEqual(X12Text.clean("  O’Brien   ~ Æsir^ "), "O'BRIEN AESIR")
        XCTAssertTrue(text.utf8.allSatisfy { $0 < 0x80 })
    }
}
