import Foundation
import X12TestSupport
import X12Validation
import XCTest

/// `Validator()` loads the guides bundled with X12Validation through `Bundle.module`: no path, no environment
/// variable, no search from the working directory or the executable.
final class BundledSpecsTests: XCTestCase {
    func testValidatorWithoutAPathValidatesAFixtureFromAnyWorkingDirectory() throws {
        let claim = try FixtureFiles.bytes("validation/claim-837p.x12")
        let start = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(FileManager.default.temporaryDirectory.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(start) }

        let validator = try Validator()
        XCTAssertEqual(validator.library.summary,
                       "277 005010X214, 835 005010X221A1, 837 005010X222A1, 999 005010X231, 999 005010X231A1")
        XCTAssertEqual(validator.library.envelopes.keys.sorted(), ["00501"])
        let report = validator.validate(bytes: claim, file: "claim-837p.x12")
        XCTAssertTrue(report.isValid())
        XCTAssertEqual(report.transactionSets.count, 1)
        XCTAssertEqual(report.findings.count, 0)
    }

    func testTheBundledSpecsAreTheResourceBundlesNotTheSourceFolders() throws {
        let directory = try XCTUnwrap(SpecLibrary.bundledDirectory)
        XCTAssertEqual(directory.lastPathComponent, "Specs")
        XCTAssertFalse(directory.path.hasPrefix(FixtureFiles.packageRoot.appendingPathComponent("Sources").path), directory.path)
    }
}
