import Foundation
import X12TestSupport
import X12Validation
import XCTest

/// `validate(path:progress:)` reports how far reading got, for the CLI's progress display: the last call has
/// the whole file's bytes and every segment inside the transaction sets (the envelope segments ISA/GS/GE/IEA
/// are boundaries, not segments of a set).
final class ProgressCallbackTests: XCTestCase {
    func testProgressEndsAtTheFileSizeAndItsSegmentCount() throws {
        let path = FixtureFiles.path("validation/claim-837p.x12")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        var calls: [(bytes: Int, segments: Int)] = []
        let report = try Validator().validate(path: path) { bytes, segments in calls.append((bytes, segments)) }
        XCTAssertTrue(report.isValid())
        let last = try XCTUnwrap(calls.last)
        XCTAssertEqual(last.bytes, size)
        // ST through SE: the set's own count (SE01).
        XCTAssertEqual(last.segments, try XCTUnwrap(report.transactionSets.first).segmentCount - 2)
        XCTAssertEqual(calls.map(\.segments), calls.map(\.segments).sorted(), "never goes backwards")
    }
}
