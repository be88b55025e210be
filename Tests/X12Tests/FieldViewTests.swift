import X12
import XCTest

/// `Segment.withFields`: boundaries of every element, the packed id, components, and segments longer than
/// the 64 fields kept on the stack in one pass.
final class FieldViewTests: XCTestCase {
    private func segment(_ text: String) throws -> Segment {
        try XCTUnwrap(TestSupport.segments(TestSupport.interchange(body: [text])).first { $0.text == text })
    }

    func testElementsComponentsAndId() throws {
        let svc = try segment("SV1*HC:97110:GP::59*120**UN*2")
        svc.withFields { fields in
            XCTAssertEqual(fields.count, 5)
            XCTAssertEqual(String(decoding: fields.id, as: UTF8.self), "SV1")
            XCTAssertEqual(fields.code, ShortCode("SV1"))
            XCTAssertEqual(String(decoding: fields[2], as: UTF8.self), "120")
            XCTAssertTrue(fields.has(3))
            XCTAssertTrue(fields[3].isEmpty)
            XCTAssertFalse(fields.has(6))
            XCTAssertTrue(fields[6].isEmpty)
            XCTAssertEqual(fields.component(2, of: 1, separator: UInt8(ascii: ":")).map { String(decoding: $0, as: UTF8.self) }, "97110")
            XCTAssertEqual(fields.component(4, of: 1, separator: UInt8(ascii: ":")).map { $0.isEmpty }, true)
            XCTAssertNil(fields.component(6, of: 1, separator: UInt8(ascii: ":")))
        }
    }

    func testSegmentWithMoreFieldsThanTheStackTable() throws {
        let values = (1...70).map { "E\($0)" }
        let long = try segment("REF*" + values.joined(separator: "*"))
        long.withFields { fields in
            XCTAssertEqual(fields.count, 70)
            XCTAssertEqual((1...70).map { String(decoding: fields[$0], as: UTF8.self) }, values)
            XCTAssertEqual(fields.count, long.elementCount)
        }
        let exactly = try segment("REF*" + values.prefix(63).joined(separator: "*"))
        exactly.withFields { fields in
            XCTAssertEqual(fields.count, 63)
            XCTAssertEqual(String(decoding: fields[63], as: UTF8.self), "E63")
        }
        let oneMore = try segment("REF*" + values.prefix(64).joined(separator: "*"))
        oneMore.withFields { fields in
            XCTAssertEqual(fields.count, 64)
            XCTAssertEqual(String(decoding: fields[64], as: UTF8.self), "E64")
        }
    }

    func testShortCodes() {
        XCTAssertEqual(ShortCode("CLM"), ShortCode(Array("CLM".utf8)))
        XCTAssertNotEqual(ShortCode("CL"), ShortCode("CLM"))
        XCTAssertEqual(ShortCode(""), .none)
        XCTAssertEqual(ShortCode("ABCDEFGH"), .none)
        XCTAssertNotEqual(ShortCode("ABCDEFG"), .none)
    }
}
