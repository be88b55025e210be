import Foundation
import X12
@testable import X12Claims
import XCTest

/// T1/T2 therapy modifiers and D1-D4 DME rules, on edited copies of the example batch. Expected segments were
/// written by hand from the batch data (example.json: case C1 is Medicare Part B with the KX flag, C3 a Medicare
/// DME case of patient PT3 in Oregon, C2 Aetna).
final class TherapyDMERuleTests: XCTestCase {
    private func batch() throws -> BillingBatch { try ClaimFixtures.batch("example") }

    private func codeIndex(_ batch: BillingBatch, _ code: String) throws -> Int {
        try XCTUnwrap(batch.codes.firstIndex { $0.code == code })
    }

    private func visitIndex(_ batch: BillingBatch, _ id: String) throws -> Int {
        try XCTUnwrap(batch.visits.firstIndex { $0.id == id })
    }

    private func lines(_ batch: BillingBatch, _ visitId: String) throws -> [String] {
        ClaimFixtures.claimSegments(try ClaimFixtures.text(ClaimFixtures.build(batch)), id: visitId).filter { $0.hasPrefix("SV1") }
    }

    /// 97110 flagged `therapy` and without the code-table default GP, so only T1 can add GP.
    private func therapyBatch() throws -> BillingBatch {
        var batch = try batch()
        let index = try codeIndex(batch, "97110")
        batch.codes[index].therapy = true
        batch.codes[index].defaults = nil
        return batch
    }

    // MARK: T1 therapy modifier

    func testMedicareTherapyLineGetsGPBeforeKX() throws {
        let batch = try therapyBatch()
        // V1002: C1 (Medicare, KX flag): GP from T1, then KX from R7.
        XCTAssertEqual(try lines(batch, "V1002"), ["SV1*HC:97110:GP:KX*135*UN*3***1~"])
        // V2001: Aetna (CI) has no therapy modifier: 97110 goes without; 97161 keeps its code-table GP.
        XCTAssertEqual(try lines(batch, "V2001"), ["SV1*HC:97161:GP*150*UN*1***1:2~", "SV1*HC:97110*90*UN*2***1~"])
    }

    func testPayerTherapyModifierIsUsedAndEmptyMeansNone() throws {
        var batch = try therapyBatch()
        let aetna = try XCTUnwrap(batch.payers.firstIndex { $0.id == "AET" })
        batch.payers[aetna].therapyModifier = "gp"
        let medicare = try XCTUnwrap(batch.payers.firstIndex { $0.id == "MCR" })
        batch.payers[medicare].therapyModifier = ""
        XCTAssertEqual(try lines(batch, "V2001"), ["SV1*HC:97161:GP*150*UN*1***1:2~", "SV1*HC:97110:GP*90*UN*2***1~"])
        XCTAssertEqual(try lines(batch, "V1002"), ["SV1*HC:97110:KX*135*UN*3***1~"])
    }

    func testTherapyModifierIsNotAddedTwice() throws {
        var batch = try batch()
        batch.codes[try codeIndex(batch, "97110")].therapy = true
        // The code-table default already carries GP.
        XCTAssertEqual(try lines(batch, "V1002"), ["SV1*HC:97110:GP:KX*135*UN*3***1~"])
    }

    func testTherapyLineWithFourModifiersIsAnExceptionNamingIt() throws {
        var batch = try therapyBatch()
        let visit = try visitIndex(batch, "V1002")
        batch.visits[visit].charges[0].modifiers = ["59", "XS", "XE", "XU"]
        let output = ClaimFixtures.build(batch)
        let entry = try XCTUnwrap(output.report.billingExceptions.first { $0.visitId == "V1002" })
        XCTAssertEqual(entry.codes, ["97110"])
        XCTAssertEqual(entry.amount, Decimal(135))
        XCTAssertEqual(entry.reasons, ["charge 1 (97110) needs modifier GP but already has 4 modifiers (59:XS:XE:XU) (T1)"])
        XCTAssertTrue(output.report.totals.balances)
    }

    func testMalformedPayerTherapyModifierIsAnException() throws {
        var batch = try therapyBatch()
        let medicare = try XCTUnwrap(batch.payers.firstIndex { $0.id == "MCR" })
        batch.payers[medicare].therapyModifier = "G"
        let output = ClaimFixtures.build(batch)
        XCTAssertEqual(output.report.billingExceptions.first { $0.visitId == "V1002" }?.reasons,
                       ["payer MCR: therapyModifier 'G' is not 2 letters or digits (T1)"])
    }

    // MARK: T2 assistant modifier

    func testAssistantLineGetsCQNextToGP() throws {
        var batch = try therapyBatch()
        let visit = try visitIndex(batch, "V1002")
        batch.visits[visit].charges[0].assistant = true
        XCTAssertEqual(try lines(batch, "V1002"), ["SV1*HC:97110:GP:CQ:KX*135*UN*3***1~"])
        // Commercial payers without an assistant modifier: nothing is added.
        let v2001 = try visitIndex(batch, "V2001")
        batch.visits[v2001].charges[1].assistant = true
        XCTAssertEqual(try lines(batch, "V2001"), ["SV1*HC:97161:GP*150*UN*1***1:2~", "SV1*HC:97110*90*UN*2***1~"])
    }

    func testAssistantModifierThatWouldBeFifthIsAnException() throws {
        var batch = try therapyBatch()
        let visit = try visitIndex(batch, "V1002")
        batch.visits[visit].charges[0].assistant = true
        batch.visits[visit].charges[0].modifiers = ["59", "XS", "XE"]
        let output = ClaimFixtures.build(batch)
        XCTAssertEqual(output.report.billingExceptions.first { $0.visitId == "V1002" }?.reasons,
                       ["charge 1 (97110) needs modifier CQ but already has 4 modifiers (59:XS:XE:GP) (T2)"])
    }

    // MARK: D1 DME jurisdiction

    /// Adds Jurisdiction A (NY, PA, ...) next to the fixture's Jurisdiction D payer, which now lists its states.
    private func twoJurisdictions(jurisdictionAPTAN: String? = "PA7654321") throws -> BillingBatch {
        var batch = try batch()
        let dme = try XCTUnwrap(batch.payers.firstIndex { $0.id == "DME" })
        batch.payers[dme].jurisdiction = "D"
        batch.payers[dme].states = ["OR", "WA", "ID", "CA"]
        var jurisdictionA = batch.payers[dme]
        jurisdictionA.id = "DMEA"
        jurisdictionA.name = "Medicare DME Jurisdiction A"
        jurisdictionA.payerId = "16003"
        jurisdictionA.jurisdiction = "A"
        jurisdictionA.states = ["NY", "PA", "NJ", "MA"]
        jurisdictionA.ptan = jurisdictionAPTAN
        jurisdictionA.npi = "1234567893"
        jurisdictionA.alternateId = "PY-105"
        batch.payers.insert(jurisdictionA, at: dme)
        return batch
    }

    private func setPatientState(_ batch: inout BillingBatch, _ patientId: String, _ state: String) throws {
        let patient = try XCTUnwrap(batch.patients.firstIndex { $0.id == patientId })
        let address = try XCTUnwrap(batch.patients[patient].addresses?.firstIndex { $0.primary == true })
        batch.patients[patient].addresses?[address].state = state
    }

    func testDMEGoesToTheJurisdictionOfThePatientsState() throws {
        // PT3 lives in Oregon: Jurisdiction D, although Jurisdiction A comes first in the payer list.
        let oregon = ClaimFixtures.build(try twoJurisdictions())
        XCTAssertEqual(oregon.report.claims.first { $0.patientControlNumber == "V3001-2" }?.payerId, "DME")
        var batch = try twoJurisdictions()
        try setPatientState(&batch, "PT3", "NY")
        let output = ClaimFixtures.build(batch)
        XCTAssertEqual(output.report.claims.first { $0.patientControlNumber == "V3001-2" }?.payerId, "DMEA")
        let text = try ClaimFixtures.text(output)
        XCTAssertTrue(text.contains("NM1*85*2*RIVERSIDE PHYSICAL THERAPY LLC*****XX*1234567893~"))
        XCTAssertTrue(text.contains("NM1*PR*2*MEDICARE DME JURISDICTION A*****PI*16003~\nCLM*V3001-2*193.5***11:B:1*Y*A*Y*Y~"))
        // The therapy charge of the visit stays with Part B.
        XCTAssertEqual(output.report.claims.first { $0.patientControlNumber == "V3001" }?.payerId, "MCR")
        XCTAssertFalse(output.report.warnings.contains { $0.contains("(D1)") })
    }

    func testNoDMEPayerForTheStateIsAnExceptionNamingIt() throws {
        var batch = try twoJurisdictions()
        try setPatientState(&batch, "PT3", "TX")
        let output = ClaimFixtures.build(batch)
        let entry = try XCTUnwrap(output.report.billingExceptions.first { $0.visitId == "V3001" })
        XCTAssertEqual(entry.codes, ["L1830", "E0114"])
        XCTAssertEqual(entry.amount, Decimal(string: "193.5"))
        XCTAssertEqual(entry.reasons, ["no Medicare DME payer serves the patient's state TX (D1)"])
        XCTAssertTrue(output.report.totals.balances)
    }

    func testCasePayerThatIsADMEPayerIsUsedWithAWarningOnStateMismatch() throws {
        var batch = try twoJurisdictions()
        let c3 = try XCTUnwrap(batch.cases.firstIndex { $0.id == "C3" })
        batch.cases[c3].payerId = "DMEA"
        let output = ClaimFixtures.build(batch)
        XCTAssertEqual(output.report.claims.first { $0.patientControlNumber == "V3001-2" }?.payerId, "DMEA")
        XCTAssertTrue(output.report.warnings.contains(
            "visit V3001: case C3: DME payer DMEA (jurisdiction A) does not serve the patient's state OR; payer DME (jurisdiction D) does; billed to DMEA as the case names it (D1)"))
    }

    /// The report: the case names the Jurisdiction A payer, which has no PTAN; the DME item used to go to
    /// the first DME payer of the list. Now it is an exception naming the setup problem of the payer the case names.
    func testCasePayerWithoutPTANIsAnExceptionNotAnotherPayer() throws {
        var batch = try twoJurisdictions(jurisdictionAPTAN: nil)
        let c3 = try XCTUnwrap(batch.cases.firstIndex { $0.id == "C3" })
        batch.cases[c3].payerId = "DMEA"
        try setPatientState(&batch, "PT3", "NY")
        let output = ClaimFixtures.build(batch)
        XCTAssertNil(output.report.claims.first { $0.patientControlNumber == "V3001-2" })
        XCTAssertEqual(output.report.billingExceptions.first { $0.visitId == "V3001" && $0.codes == ["L1830", "E0114"] }?.reasons,
                       ["DME payer DMEA has no PTAN on file"])
    }

    func testDMEPayerWithoutStatesServesEveryState() throws {
        var batch = try batch()
        try setPatientState(&batch, "PT3", "TX")
        let output = ClaimFixtures.build(batch)
        XCTAssertEqual(output.report.claims.first { $0.patientControlNumber == "V3001-2" }?.payerId, "DME")
    }

    // MARK: D2-D4 DME lines

    func testDMELineWithTwoLiabilityModifiersIsAnException() throws {
        var batch = try batch()
        let visit = try visitIndex(batch, "V3001")
        batch.visits[visit].charges[1].modifiers = ["RT", "NU", "KX", "GA"]
        let output = ClaimFixtures.build(batch)
        XCTAssertEqual(output.report.billingExceptions.first { $0.visitId == "V3001" }?.reasons,
                       ["charge 2 (L1830) carries KX and GA; a DME line takes at most one of KX, GA, GZ, GY (D2)"])
        // One of them is fine.
        batch.visits[visit].charges[1].modifiers = ["RT", "NU", "GA"]
        XCTAssertTrue(ClaimFixtures.claimSegments(try ClaimFixtures.text(ClaimFixtures.build(batch)), id: "V3001-2")
            .contains("SV1*HC:L1830:RT:NU:GA*125*UN*1***1~"))
    }

    func testDMELineWithRTAndLTIsAnException() throws {
        var batch = try batch()
        let visit = try visitIndex(batch, "V3001")
        batch.visits[visit].charges[1].modifiers = ["RT", "LT", "NU"]
        let output = ClaimFixtures.build(batch)
        XCTAssertEqual(output.report.billingExceptions.first { $0.visitId == "V3001" }?.reasons,
                       ["charge 2 (L1830) carries both RT and LT; bill a bilateral item as two lines, one RT and one LT (D3)"])
        // RT and LT on a therapy line of a non-DME claim are not this rule's business.
        XCTAssertFalse(output.report.billingExceptions.contains { $0.codes == ["97110"] })
    }

    func testDMEClaimsCarryNoCertificateOfMedicalNecessity() throws {
        let text = try ClaimFixtures.text(ClaimFixtures.build(try batch()))
        let dmeClaim = ClaimFixtures.claimSegments(text, id: "V3001-2")
        XCTAssertFalse(dmeClaim.isEmpty)
        for prefix in ["LQ*", "FRM*", "CR3*", "PWK*"] {
            XCTAssertFalse(dmeClaim.contains { $0.hasPrefix(prefix) }, prefix)
        }
    }

    func testRuleTagsAreUnique() {
        XCTAssertEqual(Set(BillingRule.allCases.map(\.tag)).count, BillingRule.allCases.count)
    }
}
