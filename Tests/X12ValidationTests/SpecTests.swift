import XCTest
import X12
@testable import X12Validation

/// The spec files load and say what the guides say.
final class SpecTests: XCTestCase {
    func testEveryGuideLoads() {
        let names = TestSupport.validator.library.specs.map { "\($0.transactionSetId) \($0.implementation)" }
        XCTAssertEqual(names, ["277 005010X214", "835 005010X221A1", "837 005010X222A1", "999 005010X231", "999 005010X231A1"])
    }

    func testClaimLoopFacts() throws {
        let spec = try XCTUnwrap(TestSupport.validator.library.spec(transactionSet: "837", version: "005010X222A1"))
        let claim = try XCTUnwrap(spec.loop(id: "2300"))
        XCTAssertEqual(claim.name, "Claim Information")
        XCTAssertEqual(claim.repeatLimit, 100)
        let lines = try XCTUnwrap(spec.loop(id: "2400"))
        XCTAssertEqual(lines.repeatLimit, 50)
        XCTAssertEqual(lines.usage, .required)
        let billing = try XCTUnwrap(spec.loop(id: "2010AA"))
        guard case .segment(let name) = billing.children[0] else { return XCTFail("2010AA starts with NM1") }
        XCTAssertEqual(name.id, "NM1")
        XCTAssertEqual(name.match?.codes, ["85"])
        XCTAssertEqual(name.elements[2].maxLength, 60)
        XCTAssertEqual(name.elements[2].reference, "1035")
    }

    func testNPICheckDigit() {
        XCTAssertTrue(NPI.isValid("1234567893"))
        XCTAssertFalse(NPI.isValid("1234567890"))
        XCTAssertFalse(NPI.isValid("123456789"))
        XCTAssertFalse(NPI.isValid("3234567893"))
        XCTAssertTrue(NPI.isValid("1245319599"))
    }

    func testDateAndTimeRules() {
        XCTAssertTrue(DateTimeCheck.isValidDate(ArraySlice("20240229".utf8)))
        XCTAssertFalse(DateTimeCheck.isValidDate(ArraySlice("20230229".utf8)))
        XCTAssertFalse(DateTimeCheck.isValidDate(ArraySlice("17991231".utf8)))
        XCTAssertTrue(DateTimeCheck.matches(ArraySlice("20240101-20240131".utf8), format: "RD8"))
        XCTAssertFalse(DateTimeCheck.matches(ArraySlice("20240101".utf8), format: "RD8"))
        XCTAssertTrue(DateTimeCheck.isValidTime(ArraySlice("235959".utf8)))
        XCTAssertFalse(DateTimeCheck.isValidTime(ArraySlice("2400".utf8)))
    }

    func testLoopAnnotationsForATree() throws {
        let reader = EnvelopeReader(SegmentReader(string: try TestSupport.fixtureText("claim-837p.x12")))
        var set: TransactionSet?
        while let item = try reader.next() {
            if case .transactionSet(let found) = item { set = found }
        }
        let annotations = TestSupport.validator.annotate(try XCTUnwrap(set))
        XCTAssertEqual(annotations.count, 26)
        XCTAssertEqual(annotations[6].segmentId, "NM1")
        XCTAssertEqual(annotations[6].loopId, "2010AA")
        XCTAssertEqual(annotations[6].loopName, "Billing Provider Name")
        XCTAssertEqual(annotations[6].loopPath, ["2000A", "2010AA"])
        XCTAssertTrue(annotations[6].startsLoop)
        XCTAssertEqual(annotations[20].loopPath, ["2000A", "2000B", "2300", "2400"])
        XCTAssertEqual(annotations[1].loopId, nil)
        XCTAssertEqual(annotations[1].segmentName, "Beginning of Hierarchical Transaction")
    }
}
