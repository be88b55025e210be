import Foundation
@testable import X12Claims
import XCTest
import X12TestSupport

final class BatchDecodingTests: XCTestCase {
    /// The example batch as a JSON object to edit.
    private func exampleObject() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try ClaimFixtures.data("example"))
        return try XCTUnwrap(object as? [String: Any])
    }

    private func decodeError(_ object: [String: Any]) throws -> BatchError? {
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try BillingBatch.decode(from: data)
            return nil
        } catch {
            return error
        }
    }

    private func editVisit(_ object: inout [String: Any], _ index: Int, _ edit: (inout [String: Any]) -> Void) {
        var visits = object["visits"] as? [[String: Any]] ?? []
        edit(&visits[index])
        object["visits"] = visits
    }

    func testMoneyAcceptsNumbersAndStringsAsEqualDecimals() throws {
        let batch = try ClaimFixtures.batch("example")
        // V1001 gives 150 (number) and "90.00" (string); E0114 gives 68.5; MISSED's table amount is "50.00".
        XCTAssertEqual(batch.visits[0].charges[0].amount, Decimal(150))
        XCTAssertEqual(batch.visits[0].charges[1].amount, Decimal(90))
        XCTAssertEqual(batch.visits[5].charges[2].amount, Decimal(string: "68.5"))
        XCTAssertEqual(batch.codes.first { $0.code == "MISSED" }?.amount, Decimal(50))
        XCTAssertEqual(AmountText.parse("45"), AmountText.parse("45.0"))
        XCTAssertEqual(AmountText.parse("45.00"), Decimal(45))
        XCTAssertNil(AmountText.parse("45.001"))
        XCTAssertNil(AmountText.parse("1,000"))
        XCTAssertNil(AmountText.parse("4e2"))
    }

    func testARepeatedKeyTakesItsLastValue() throws {
        var text = String(decoding: try ClaimFixtures.data("example"), as: UTF8.self)
        text = text.replacingOccurrences(of: #""senderId": "RIVERSIDEPT","#, with: #""senderId": "FIRST", "senderId": "RIVERSIDE2","#)
        let batch = try BillingBatch.decode(from: Data(text.utf8))
        XCTAssertEqual(batch.interchange.senderId, "RIVERSIDE2")
    }

    func testMoneyWithThreeDecimalsNamesItsPath() throws {
        var object = try exampleObject()
        editVisit(&object, 2) { visit in
            var charges = visit["charges"] as? [[String: Any]] ?? []
            charges[0]["amount"] = "90.001"
            visit["charges"] = charges
        }
        let error = try XCTUnwrap(try decodeError(object))
        XCTAssertEqual(error.path, "visits[2].charges[0].amount")
        XCTAssertTrue(error.message.contains("at most 2 decimals"), error.message)
    }

    func testMissingRequiredFieldNamesPath() throws {
        var object = try exampleObject()
        editVisit(&object, 1) { $0.removeValue(forKey: "caseId") }
        let error = try XCTUnwrap(try decodeError(object))
        XCTAssertEqual(error.path, "visits[1].caseId")
        XCTAssertEqual(error.message, "required field 'caseId' is missing")
    }

    func testWrongTypeNamesPath() throws {
        var object = try exampleObject()
        editVisit(&object, 0) { visit in
            var charges = visit["charges"] as? [[String: Any]] ?? []
            charges[1]["units"] = "two"
            visit["charges"] = charges
        }
        let error = try XCTUnwrap(try decodeError(object))
        XCTAssertEqual(error.path, "visits[0].charges[1].units")
    }

    func testImpossibleDateNamesPath() throws {
        var object = try exampleObject()
        editVisit(&object, 3) { $0["dateOfService"] = "2024-02-30" }
        let error = try XCTUnwrap(try decodeError(object))
        XCTAssertEqual(error.path, "visits[3].dateOfService")
        XCTAssertTrue(error.message.contains("YYYY-MM-DD"), error.message)
    }

    func testInvalidJSONIsABatchError() {
        XCTAssertThrowsError(try BillingBatch.decode(from: Data("{\"interchange\": ".utf8))) { error in
            XCTAssertEqual((error as? BatchError)?.path, "$")
        }
    }

    func testCaseWithDanglingPatientIsABatchError() throws {
        var object = try exampleObject()
        var cases = object["cases"] as? [[String: Any]] ?? []
        cases[2]["patientId"] = "PT404"
        object["cases"] = cases
        let error = try XCTUnwrap(try decodeError(object))
        XCTAssertEqual(error.description, "cases[2].patientId: no patient has id 'PT404'")
    }

    func testDuplicateVisitIdIsABatchError() throws {
        var object = try exampleObject()
        editVisit(&object, 4) { $0["id"] = "V1001" }
        let error = try XCTUnwrap(try decodeError(object))
        XCTAssertEqual(error.description, "visits[4].id: 'V1001' is already used by visits[0]")
    }

    func testUnknownFieldsAreIgnoredAndDefaultsApply() throws {
        let batch = try ClaimFixtures.batch("example")
        // emergencyContact is not part of the model; kind defaults to insurance; placeOfService to 11.
        XCTAssertEqual(batch.payers[2].resolvedKind, .insurance)
        XCTAssertNil(batch.cases[0].placeOfService)
        XCTAssertEqual(batch.patients[0].addresses?.count, 2)
    }

    func testInterchangeDateForms() {
        XCTAssertEqual(InterchangeSettings.parseDate("2024-01-20T10:30")?.timeIntervalSince1970, 1_705_746_600)
        XCTAssertEqual(InterchangeSettings.parseDate("2024-01-20")?.timeIntervalSince1970, 1_705_708_800)
        XCTAssertNil(InterchangeSettings.parseDate("2024-01-20 10:30"))
        XCTAssertNil(InterchangeSettings.parseDate("2024-01-20T24:00"))
    }

    func testAdditionsForSecondaryCoverageTherapyAndDMEJurisdictionsDecode() throws {
        let batch = try BillingBatch.decode(from: Data(try FixtureFiles.bytes("cob/batch.json")))
        let dme = try XCTUnwrap(batch.payers.first { $0.id == "DMEA" })
        XCTAssertEqual(dme.jurisdiction, "A")
        XCTAssertEqual(dme.states?.contains("NY"), true)
        XCTAssertEqual(batch.payers.first { $0.id == "MGAP" }?.crossover, true)
        XCTAssertEqual(batch.payers.first { $0.id == "MCR" }?.resolvedTherapyModifier, "GP")
        XCTAssertEqual(batch.payers.first { $0.id == "MCR" }?.resolvedAssistantModifier, "CQ")
        XCTAssertNil(batch.payers.first { $0.id == "AET" }?.resolvedTherapyModifier)
        XCTAssertEqual(batch.codes.first { $0.code == "97110" }?.therapy, true)
        XCTAssertEqual(batch.visits.first { $0.id == "S1001" }?.charges[1].assistant, true)
        let secondary = try XCTUnwrap(batch.cases.first { $0.id == "C2" }?.secondary)
        XCTAssertEqual(secondary.payerId, "BCBS")
        XCTAssertEqual(secondary.subscriber?.relationship, "spouse")
        XCTAssertEqual(secondary.subscriber?.dateOfBirth, CalendarDate(verifiedYear: 1979, month: 4, day: 1))
    }

    func testWrongTypeInAnAdditionNamesItsPath() throws {
        var object = try exampleObject()
        var payers = object["payers"] as? [[String: Any]] ?? []
        payers[0]["states"] = "OR"
        object["payers"] = payers
        XCTAssertNotNil(try decodeError(object))
    }
}
