import Foundation
import GRDB
import X12
@testable import X12Claims
@testable import X12Ledger
import X12TestSupport
import XCTest

/// `Ledger.secondaryClaims` on the COB scenario (Fixtures/cob): what is built, what is refused and why, and how the
/// secondary claim is recorded.
final class SecondaryClaimTests: XCTestCase {
    private func generated() throws -> ClaimBuilder.Output {
        let batch = try BillingBatch.decode(from: Data(try FixtureFiles.bytes("cob/batch.json")))
        let date = InterchangeSettings.parseDate("2024-01-20T10:30") ?? Date()
        return ClaimBuilder(batch: batch).build(options: .init(controlNumber: 501, date: date))
    }

    private func ledger(withPayments: Bool = true) throws -> Ledger {
        let ledger = try LedgerFixtures.emptyLedger()
        let output = try generated()
        try ledger.recordSubmission(bytes: try ClaimEncoder.encode(output.file), path: "primary.837",
                                    screened: ScreenedBatch(output: output, alreadySubmitted: [], changed: []))
        if withPayments {
            try ledger.importRemittance(bytes: try FixtureFiles.bytes("cob/primary.835"), path: "primary.835")
        }
        return ledger
    }

    private let request = SecondaryRequest(controlNumber: 801, date: InterchangeSettings.parseDate("2024-02-20T09:00") ?? Date())

    func testGenerateStoresTheSecondaryCoverageOfEveryTherapyClaimWithOne() throws {
        let output = try generated()
        XCTAssertEqual(output.secondaryCoverage.keys.sorted(), ["S1001", "S2001", "S3001", "S4001", "S5001", "S6001"])
        let spouse = try XCTUnwrap(output.secondaryCoverage["S2001"])
        XCTAssertEqual(spouse.payerRecordId, "BCBS")
        XCTAssertEqual(spouse.payer, ClaimPayer(name: "REGENCE BLUECROSS BLUESHIELD OF OREGON", payerId: "00851"))
        XCTAssertEqual(spouse.subscriber.responsibility, "S")
        XCTAssertEqual(spouse.subscriber.name, .person(last: "ITO", first: "KENJI"))
        XCTAssertEqual(spouse.patientRelationshipCode, "01")
        XCTAssertEqual(spouse.problems, [])
        XCTAssertEqual(output.secondaryCoverage["S3001"]?.crossover, true)
    }

    func testBuiltClaimsAreTheExpectedFile() throws {
        let secondary = try ledger().secondaryClaims(request)
        let bytes = try XCTUnwrap(secondary.bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), try FixtureFiles.text("cob/secondary.837"))
        XCTAssertEqual(secondary.claims.map(\.patientControlNumber), ["S1001-S", "S2001-S"])
        XCTAssertEqual(secondary.claims.map(\.patientResponsibilityAmount), [Decimal(40), Decimal(30)])
        XCTAssertEqual(secondary.crossedOver.map(\.patientControlNumber), ["S3001"])
        XCTAssertEqual(secondary.notSent.map(\.patientControlNumber), ["S5001", "S4001", "S6001"])
    }

    func testNothingIsBuiltBeforeThePrimary835AndEveryClaimSaysWhy() throws {
        let secondary = try ledger(withPayments: false).secondaryClaims(request)
        XCTAssertNil(secondary.bytes)
        XCTAssertEqual(secondary.notSent.map(\.reason), Array(repeating: "no primary 835 for the claim is in the ledger", count: 5))
        XCTAssertEqual(secondary.crossedOver.count, 1)
    }

    func testNamedClaimsThatCannotHaveASecondaryAreListed() throws {
        let named = SecondaryRequest(patientControlNumbers: ["S7001", "NOPE"], controlNumber: 801, date: request.date)
        let secondary = try ledger().secondaryClaims(named)
        XCTAssertNil(secondary.bytes)
        XCTAssertEqual(secondary.notSent.map(\.reason), [
            "no secondary coverage is recorded with the claim (generate --ledger stores the case's secondary)",
            "no such claim in the ledger",
        ])
    }

    func testIncompleteSecondaryCoverageNamesTheMissingFields() throws {
        var batch = try BillingBatch.decode(from: Data(try FixtureFiles.bytes("cob/batch.json")))
        let index = try XCTUnwrap(batch.cases.firstIndex { $0.id == "C1" })
        batch.cases[index].secondary?.subscriber?.memberId = nil
        batch.cases[index].secondary?.payerId = "UNKNOWN"
        let output = ClaimBuilder(batch: batch).build(options: .init(controlNumber: 501, date: request.date))
        XCTAssertEqual(output.secondaryCoverage["S1001"]?.problems,
                       ["case C1 secondary: payer 'UNKNOWN' does not exist", "case C1 secondary: subscriber memberId is missing"])
        batch.cases[index].secondary = SecondaryCoverageRecord(payerId: "MCR", subscriber: SubscriberRecord(relationship: "self", memberId: "1EG4TE5MK73"))
        batch.cases[index].payerId = "AET"
        let medicareSecondary = ClaimBuilder(batch: batch).build(options: .init(controlNumber: 501, date: request.date))
        XCTAssertEqual(medicareSecondary.secondaryCoverage["S1001"]?.problems,
                       ["case C1 secondary: Medicare as the secondary payer needs the MSP insurance type (SBR05), which the batch does not carry"])
        // The primary claim is built all the same.
        XCTAssertTrue(output.report.claims.contains { $0.patientControlNumber == "S1001" })
    }

    func testRecordedSecondaryIsItsOwnClaimLinkedToThePrimary() throws {
        let ledger = try ledger()
        let secondary = try ledger.secondaryClaims(request)
        try ledger.recordSecondaryClaims(secondary, path: "secondary.837")
        let rows = try ledger.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.patientControlNumber, s.payerId, s.frequencyCode, s.chargeAmount, s.originalPayerClaimControlNumber, s.memberId,
                    p.patientControlNumber AS primaryNumber
                FROM claim s JOIN claim p ON p.id = s.primaryClaimId ORDER BY s.id
                """)
        }
        XCTAssertEqual(rows.map { $0["patientControlNumber"] as String }, ["S1001-S", "S2001-S"])
        XCTAssertEqual(rows.map { $0["payerId"] as String }, ["MCD", "BCBS"])
        XCTAssertEqual(rows.map { $0["frequencyCode"] as String }, ["1", "1"])
        XCTAssertEqual(rows.map { $0["primaryNumber"] as String }, ["S1001", "S2001"])
        // The 2330B REF*F8 is the primary's claim number, not a corrected claim's original.
        XCTAssertEqual(rows.map { $0["originalPayerClaimControlNumber"] as String? }, [nil, nil])
        XCTAssertEqual(rows.map { $0["memberId"] as String? }, ["OR1234567", "RBS200300400"])
        let status = try ledger.status().map(\.patientControlNumber)
        XCTAssertTrue(status.contains("S1001") && status.contains("S1001-S"), "\(status)")
        // Asked again: listed as already built, nothing new.
        let again = try ledger.secondaryClaims(request)
        XCTAssertNil(again.bytes)
        XCTAssertTrue(again.notSent.contains(.init(patientControlNumber: "S1001", payerId: "MCD",
                                                   reason: "secondary claim S1001-S was already built for it")))
    }

    func testTheSecondaryPayers835FeedsTheSecondaryClaimNotThePrimary() throws {
        let ledger = try ledger()
        try ledger.recordSecondaryClaims(try ledger.secondaryClaims(request), path: "secondary.837")
        // Oregon Health Plan pays the 40.00 Medicare left on S1001 (line 1 20.00, line 2 20.00, line 3 nothing).
        let segments = [
            "ISA*00*          *00*          *ZZ*CLEARHOUSE01   *ZZ*RIVERSIDEPT    *240305*0900*^*00501*000000702*0*T*:",
            "GS*HP*CLEARHOUSE01*RIVERSIDEPT*20240305*0900*702*X*005010X221A1", "ST*835*0001",
            "BPR*I*40*C*ACH*CCP*01*011000015*DA*123456789*1930000000**01*021000021*DA*987654321*20240305",
            "TRN*1*EFT0305702*1930000000", "N1*PR*OREGON HEALTH PLAN", "N3*PO BOX 14955", "N4*SALEM*OR*97309",
            "PER*BL*EDI*TE*8002735555", "N1*PE*RIVERSIDE PHYSICAL THERAPY LLC*XX*1234567893", "LX*1",
            "CLP*S1001-S*2*285*40*0*MC*OHP0305S1001*11*1",
            "SVC*HC:97161:GP*150*20**1", "DTM*472*20240108", "CAS*CO*45*30", "CAS*OA*23*100", "REF*6R*S1001-1-S",
            "SVC*HC:97110:GP:CQ*90*20**2", "DTM*472*20240108", "CAS*CO*45*20", "CAS*OA*23*50", "REF*6R*S1001-2-S",
            "SVC*HC:97140:GP*45*0**1", "DTM*472*20240108", "CAS*CO*97*45", "REF*6R*S1001-3-S",
            "SE*25*0001", "GE*1*702", "IEA*1*000000702",
        ]
        let summary = try ledger.importRemittance(bytes: Array(segments.map { $0 + "~\n" }.joined().utf8), path: "secondary.835")
        XCTAssertEqual(summary.claims, 1)
        let facts = try ledger.unmatchedFacts()
        XCTAssertEqual(summary.unmatched, 0, "\(facts)")
        let status = try ledger.status()
        let secondary = try XCTUnwrap(status.first { $0.patientControlNumber == "S1001-S" })
        XCTAssertEqual(secondary.payerId, "MCD")
        XCTAssertEqual(secondary.paidAmount, Decimal(40))
        XCTAssertEqual(secondary.payerClaimControlNumber, "OHP0305S1001")
        let primary = try XCTUnwrap(status.first { $0.patientControlNumber == "S1001" })
        XCTAssertEqual(primary.paidAmount, Decimal(150))
        XCTAssertEqual(primary.payerClaimControlNumber, "MCR24046S1001")
    }

    /// The primary covers the patient as a spouse (2000C on the primary claim); the secondary is the patient's own
    /// plan: no 2000C on the secondary, and 2320 SBR02 / 2330A describe the primary's subscriber.
    func testPatientWhoIsTheSecondarySubscriberButNotThePrimarys() throws {
        var batch = try BillingBatch.decode(from: Data(try FixtureFiles.bytes("cob/batch.json")))
        let index = try XCTUnwrap(batch.cases.firstIndex { $0.id == "C2" })
        batch.cases[index].subscriber = SubscriberRecord(
            relationship: "spouse", memberId: "W100200300", groupNumber: "GRP4455", firstName: "Kenji", lastName: "Ito",
            dateOfBirth: CalendarDate(verifiedYear: 1979, month: 4, day: 1), sex: "M",
            address: BatchAddress(line1: "310 NE Fremont St", city: "Portland", state: "OR", zip: "97212"))
        batch.cases[index].secondary = SecondaryCoverageRecord(payerId: "BCBS", subscriber: SubscriberRecord(relationship: "self", memberId: "RBS999"))
        let ledger = try LedgerFixtures.emptyLedger()
        let output = ClaimBuilder(batch: batch).build(options: .init(controlNumber: 501, date: request.date))
        try ledger.recordSubmission(bytes: try ClaimEncoder.encode(output.file), path: "primary.837",
                                    screened: ScreenedBatch(output: output, alreadySubmitted: [], changed: []))
        try ledger.importRemittance(bytes: try FixtureFiles.bytes("cob/primary.835"), path: "primary.835")
        let secondary = try ledger.secondaryClaims(SecondaryRequest(patientControlNumbers: ["S2001"], controlNumber: 801, date: request.date))
        let text = String(decoding: try XCTUnwrap(secondary.bytes), as: UTF8.self)
        XCTAssertTrue(text.contains("""
            HL*2*1*22*0~
            SBR*S*18*******BL~
            NM1*IL*1*ITO*KAREN****MI*RBS999~
            N3*310 NE FREMONT ST~
            N4*PORTLAND*OR*97212~
            DMG*D8*19801123*F~
            NM1*PR*2*REGENCE BLUECROSS BLUESHIELD OF OREGON*****PI*00851~
            CLM*S2001-S*135***11:B:1*Y*A*Y*Y~
            """), text)
        XCTAssertTrue(text.contains("""
            SBR*P*01*GRP4455******CI~
            CAS*PR*1*10~
            AMT*D*85~
            OI***Y***Y~
            NM1*IL*1*ITO*KENJI****MI*W100200300~
            N3*310 NE FREMONT ST~
            N4*PORTLAND*OR*97212~
            NM1*PR*2*AETNA*****PI*60054~
            """), text)
        XCTAssertFalse(text.contains("PAT*"))
    }
}
