import Foundation
import X12
@testable import X12Claims
import XCTest

/// 2320 / 2330A / 2330B and 2430 (837p.md §7-8): encoded segment by segment, decoded back to the same model and
/// the same bytes. The amounts balance: line 1 150 = 100 + 30 + 20, line 2 90 = 0 + 90, claim 240 = 100 + 0 + 140.
final class COBCodecTests: XCTestCase {
    static let adjudicated = CalendarDate(verifiedYear: 2024, month: 2, day: 5)

    /// The example batch with V2001 (Aetna) turned into a secondary claim after a Medicare primary.
    private func secondaryFile() throws -> ClaimFile {
        var file = ClaimFixtures.build(try ClaimFixtures.batch("example")).file
        var found = false
        for t in file.transactions.indices {
            for p in file.transactions[t].billingProviders.indices {
                for s in file.transactions[t].billingProviders[p].subscribers.indices {
                    var group = file.transactions[t].billingProviders[p].subscribers[s]
                    guard let c = group.claims.firstIndex(where: { $0.patientControlNumber == "V2001" }) else { continue }
                    group.subscriber.responsibility = "S"
                    var claim = group.claims[c]
                    claim.otherPayers = [OtherPayer(
                        relationshipCode: "18", groupNumber: "GRP9", claimFilingCode: "MB",
                        adjustments: [ClaimAdjustmentGroup(groupCode: "OA", adjustments: [.init(reason: "23", amount: 0)])],
                        paidAmount: 100,
                        subscriber: OtherSubscriber(name: .person(last: "NGUYEN", first: "LINH"), memberId: "1EG4TE5MK73",
                                                    address: Address(line1: "310 NE FREMONT ST", city: "PORTLAND", state: "OR", zip: "97212")),
                        payerName: "MEDICARE PART B OREGON", payerId: "02402", adjudicationDate: Self.adjudicated,
                        claimControlNumber: "24036000111")]
                    claim.lines[0].adjudications = [LineAdjudication(
                        otherPayerId: "02402", paidAmount: 100, procedureCode: "97161", modifiers: ["GP"], paidUnits: 1,
                        adjustments: [
                            ClaimAdjustmentGroup(groupCode: "CO", adjustments: [.init(reason: "45", amount: 30)]),
                            ClaimAdjustmentGroup(groupCode: "PR", adjustments: [.init(reason: "1", amount: 15), .init(reason: "2", amount: 5, quantity: 1)]),
                        ],
                        adjudicationDate: Self.adjudicated, remainingPatientLiability: 20)]
                    claim.lines[1].adjudications = [LineAdjudication(
                        otherPayerId: "02402", paidAmount: 0, procedureCode: "97110", paidUnits: 0, bundledLineNumber: 1,
                        adjustments: [ClaimAdjustmentGroup(groupCode: "CO", adjustments: [.init(reason: "97", amount: 90)])],
                        adjudicationDate: Self.adjudicated)]
                    group.claims[c] = claim
                    file.transactions[t].billingProviders[p].subscribers[s] = group
                    found = true
                }
            }
        }
        XCTAssertTrue(found)
        return file
    }

    func testCOBLoopsAreWrittenInTheirTR3Places() throws {
        let text = String(decoding: try ClaimEncoder.encode(try secondaryFile()), as: UTF8.self)
        let claim = ClaimFixtures.claimSegments(text, id: "V2001")
        XCTAssertEqual(Array(claim.drop { !$0.hasPrefix("N4*BEAVERTON") }.dropFirst()), [
            "SBR*P*18*GRP9******MB~",
            "CAS*OA*23*0~",
            "AMT*D*100~",
            "OI***Y***Y~",
            "NM1*IL*1*NGUYEN*LINH****MI*1EG4TE5MK73~",
            "N3*310 NE FREMONT ST~",
            "N4*PORTLAND*OR*97212~",
            "NM1*PR*2*MEDICARE PART B OREGON*****PI*02402~",
            "DTP*573*D8*20240205~",
            "REF*F8*24036000111~",
            "LX*1~",
            "SV1*HC:97161:GP*150*UN*1***1:2~",
            "DTP*472*D8*20240109~",
            "REF*6R*V2001-1~",
            "SVD*02402*100*HC:97161:GP**1~",
            "CAS*CO*45*30~",
            "CAS*PR*1*15**2*5*1~",
            "DTP*573*D8*20240205~",
            "AMT*EAF*20~",
            "LX*2~",
            "SV1*HC:97110:GP*90*UN*2***1~",
            "DTP*472*D8*20240109~",
            "REF*6R*V2001-2~",
            "SVD*02402*0*HC:97110**0*1~",
            "CAS*CO*97*90~",
            "DTP*573*D8*20240205~",
        ])
        XCTAssertTrue(text.contains("SBR*S**GRP4455******CI~"), "2000B SBR01 is S")
    }

    func testCOBLoopsDecodeToTheSameModelAndBytes() throws {
        let file = try secondaryFile()
        let bytes = try ClaimEncoder.encode(file)
        let decoded = try ClaimDecoder.decode(bytes)
        XCTAssertEqual(decoded, file)
        XCTAssertEqual(try ClaimEncoder.encode(decoded), bytes)
    }

    func testLineAdjudicationWithoutItsDateIsRejectedWithItsPosition() throws {
        let text = String(decoding: try ClaimEncoder.encode(try secondaryFile()), as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        let svd = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("SVD*02402*0*") })
        XCTAssertTrue(lines[svd + 2].hasPrefix("DTP*573"))
        lines[svd + 2] = "NTE*ADD*NO DATE~" // same segment count, so SE01 still agrees
        XCTAssertThrowsError(try ClaimDecoder.decode(Array(lines.joined(separator: "\n").utf8))) { error in
            let failure = error as? X12Error
            XCTAssertEqual(failure?.position.segmentId, "SVD")
            XCTAssertEqual(failure?.position.segmentIndex, svd + 1)
            XCTAssertEqual(failure?.message, "2430 SVD of line 2 has no DTP*573 adjudication date")
        }
    }
}
