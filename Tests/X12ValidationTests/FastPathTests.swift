import Foundation
import XCTest
import X12
@testable import X12Validation

/// The validator's fast paths give the answers of the plain code they stand in for: the clean check never
/// passes a segment the element checks fault, amounts sum exactly, packed codes compare like the text.
final class FastPathTests: XCTestCase {
    /// Every segment of the valid fixture, and damaged copies of them, checked against every guide segment with
    /// the same id: when the fast check says "clean", the full element checks find nothing.
    func testCleanCheckNeverPassesASegmentTheElementChecksFault() throws {
        let text = try TestSupport.fixtureText("claim-837p.x12")
        var samples = text.components(separatedBy: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let replacements = ["", "X", "-1.5", "1.", "012", "20240230", "20240229", "2561", "abc", "A B ", "HC:97110:GP:XX", "HC::GP",
                            "99", "D8", "RD8", "20240101-20240105", "1234567893", String(repeating: "Q", count: 90), "\u{e9}"]
        for segment in samples where segment.contains("*") {
            let elements = segment.components(separatedBy: "*")
            for position in 1..<elements.count {
                for replacement in replacements {
                    var damaged = elements
                    damaged[position] = replacement
                    samples.append(damaged.joined(separator: "*"))
                }
            }
            samples.append(segment + "*EXTRA")
        }
        var specs: [SegmentSpec] = []
        for guide in TestSupport.validator.library.specs { specs += guide.placement.segmentSpecs }
        let delimiters = Delimiters.standard
        var cleanCount = 0
        var faultCount = 0
        for sample in samples {
            let segment = Segment(content: ArraySlice(sample.utf8), delimiters: delimiters,
                                  position: Position(byteOffset: 0, line: 1, segmentIndex: 1))
            for spec in specs where spec.id == segment.id {
                let issues = ElementValidator(delimiters: delimiters).validate(segment.elements, segmentId: spec.id, spec: spec)
                let clean = segment.withFields { spec.cleanCheck.isClean($0, delimiters: delimiters) }
                if clean {
                    cleanCount += 1
                    XCTAssertEqual(issues.map(\.message), [], "\(sample) passed the fast check as \(spec.id) (\(spec.name))")
                } else if !issues.isEmpty {
                    faultCount += 1
                }
            }
        }
        // Both answers occur, so the comparison is not empty on either side.
        XCTAssertGreaterThan(cleanCount, 100)
        XCTAssertGreaterThan(faultCount, 1000)
    }

    /// The integer running total gives the value (and text) `Decimal` arithmetic gives, also past six decimals
    /// and past the 64-bit range, where it continues as a `Decimal`.
    func testAmountSumIsExact() {
        func total(_ amounts: [(String, Bool)]) -> (sum: AmountSum, readable: Bool) {
            var sum = AmountSum()
            var readable = true
            for (text, negated) in amounts where !sum.add(ArraySlice(text.utf8), negated: negated) { readable = false }
            return (sum, readable)
        }
        let claim = total([("220", false), ("120", true), ("100.50", true)])
        XCTAssertEqual("\(claim.sum.value)", "-0.5")
        XCTAssertFalse(claim.sum.isZero)
        XCTAssertTrue(total([("220", false), ("120", true), ("100", true)]).sum.isZero)
        XCTAssertEqual("\(total([("0.0000001", false), ("1", false)]).sum.value)", "1.0000001")
        XCTAssertEqual("\(total([("9999999999999999", false), ("9999999999999999", false)]).sum.value)", "19999999999999998")
        XCTAssertEqual("\(total([("-12.5", false), ("-.5", true)]).sum.value)", "-12")
        XCTAssertFalse(total([("12.5.0", false)]).readable)
        XCTAssertFalse(total([("ABC", false)]).readable)
    }

    /// Packed codes are equal exactly when the bytes are; empty and over-long values pack to `none`.
    func testShortCodesCompareLikeTheirText() {
        XCTAssertEqual(ShortCode("NM1"), ShortCode(ArraySlice("NM1".utf8)))
        XCTAssertNotEqual(ShortCode("NM1"), ShortCode("NM"))
        XCTAssertNotEqual(ShortCode("A"), ShortCode("\u{0}A"))
        XCTAssertEqual(ShortCode(""), .none)
        XCTAssertEqual(ShortCode("ABCDEFGH"), .none)
        XCTAssertNotEqual(ShortCode("ABCDEFG"), .none)
        XCTAssertEqual(ShortCode.mask([ShortCode("CLM"), ShortCode("SV1")]) & ShortCode("CLM").bit, ShortCode("CLM").bit)
    }
}
