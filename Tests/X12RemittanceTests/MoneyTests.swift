import Foundation
import X12Remittance
import XCTest

final class MoneyTests: XCTestCase {
    /// `Money(text)` with a variable, so the literal initializer is not picked.
    private func parse(_ text: String) -> Money? { Money(text) }

    func testReadsX12DecimalValues() {
        XCTAssertEqual(parse("100")?.description, "100.00")
        XCTAssertEqual(parse("100.5")?.description, "100.50")
        XCTAssertEqual(parse("-25.00")?.description, "-25.00")
        XCTAssertEqual(parse(".5")?.description, "0.50")
        XCTAssertEqual(parse("0")?.description, "0.00")
        XCTAssertEqual(parse("-0")?.description, "0.00")
        XCTAssertEqual(parse("0.125")?.description, "0.125")
        XCTAssertEqual(parse("810.8")?.description, "810.80")
    }

    func testRejectsWhatIsNotAnRValue() {
        for text in ["", "-", ".", "+5", "1e3", "1,000.00", "1.2.3", "12-", "ABC", "1OO", "1234567890123456789"] {
            XCTAssertNil(parse(text), text)
        }
    }

    func testArithmeticIsExact() {
        let sum = ["0.10", "0.20", "0.30"].compactMap(parse).sum()
        XCTAssertEqual(sum, parse("0.6"))
        XCTAssertEqual(sum.description, "0.60")
        XCTAssertEqual((Money("810.8") - Money("810.80")).description, "0.00")
        XCTAssertEqual((-Money("45")).description, "-45.00")
    }
}

extension MoneyTests {
    func testDecimalAndFixedAmountsAgree() {
        XCTAssertEqual(Money(Decimal(string: "12.5")!), Money("12.50"))
        XCTAssertEqual(Money(Decimal(string: "12.5")!).hashValue, Money("12.50").hashValue)
        XCTAssertEqual(Money("12.34").value, Decimal(string: "12.34"))
        XCTAssertEqual(Money("-0.01").value, Decimal(string: "-0.01"))
        // More than four decimals stays exact.
        let tiny = parse("0.00001")
        XCTAssertEqual(tiny?.description, "0.00001")
        XCTAssertEqual((tiny.map { $0 + Money("1") })?.description, "1.00001")
        XCTAssertEqual((tiny.map { $0 + Money("1") - Money("0.00001") }), Money("1"))
        // Sums beyond Int64 ten-thousandths fall back to Decimal.
        let big = Money("900000000000000")
        XCTAssertEqual((big + big).description, "1800000000000000.00")
        XCTAssertTrue(Money("-3").isNegative)
        XCTAssertLessThan(Money("-3"), Money("2.5"))
    }
}

extension MoneyTests {
    func testEighteenDigitAmountsDoNotOverflow() {
        XCTAssertEqual(parse("123456789012345678")?.description, "123456789012345678.00")
        XCTAssertEqual(parse("-12345678901234567.8")?.description, "-12345678901234567.80")
    }
}
