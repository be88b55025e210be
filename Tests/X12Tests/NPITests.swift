import X12
import XCTest

final class NPITests: XCTestCase {
    func testWorkedExampleCheckDigit() {
        // Reference worked example: 123456789 -> sum 43 + 24 = 67 -> check digit 3.
        XCTAssertEqual(NPI.checkDigit(for: [1, 2, 3, 4, 5, 6, 7, 8, 9]), 3)
        XCTAssertTrue(NPI.isValid("1234567893"))
    }

    func testRejectsWrongCheckDigitLengthAndPrefix() {
        XCTAssertFalse(NPI.isValid("1234567890"))
        XCTAssertFalse(NPI.isValid("123456789"))
        XCTAssertFalse(NPI.isValid("12345678933"))
        XCTAssertFalse(NPI.isValid("3234567893"))
        XCTAssertFalse(NPI.isValid("12345678a3"))
        XCTAssertTrue(NPI.isValid("1345678902"))
    }
}
