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
