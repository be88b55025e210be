import Foundation
import XCTest
import X12TestSupport

/// `x12 validate` end to end: exit codes, text and JSON output, the 999 and TA1 files.
final class ValidateCommandTests: XCTestCase {
    private func brokenClaim() throws -> Data {
        let text = String(decoding: try FixtureFiles.data("validation/claim-837p.x12"), as: UTF8.self)
            .replacingOccurrences(of: "11:B:1*Y", with: "11:X:1*Y")
        return Data(text.utf8)
    }

    func testValidFileExitsZero() throws {
        let result = try CommandRunner.run(["validate", "Fixtures/validation/claim-837p.x12"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "Fixtures/validation/claim-837p.x12: valid (1 transaction sets, 0 errors, 0 warnings)\n")
    }

    func testInvalidFileFromStandardInputWithAckAndTA1() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("validate-cli-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ack = directory.appendingPathComponent("out.999").path
        let ta1 = directory.appendingPathComponent("out.ta1").path
        let result = try CommandRunner.run(["validate", "-", "--ack", ack, "--ta1", ta1], input: try brokenClaim())
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "-:segment 20 (CLM) loop 2300 element 5 component 2: CLM05-2 (Facility Code Qualifier) has the code 'X', "
                       + "which the guide does not allow here: expected one of B\n"
                       + "x12 validate: no interchange fault and no TA1 requested (ISA14 = 0); no TA1 written\n")
        let written = try String(contentsOfFile: ack, encoding: .utf8)
        XCTAssertTrue(written.contains("\nIK3*CLM*18*2300*8~\nCTX*CLM01:PCN001~\nIK4*5:2*1332*7*X~\nIK5*R*5~\nAK9*R*1*1*0~\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: ta1))
        let check = try CommandRunner.run(["validate", ack])
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    func testJSONReport() throws {
        let result = try CommandRunner.run(["validate", "-", "--format", "json"], input: try brokenClaim())
        XCTAssertEqual(result.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["valid"] as? Bool, false)
        XCTAssertEqual(object["errorCount"] as? Int, 1)
        let finding = try XCTUnwrap((object["findings"] as? [[String: Any]])?.first)
        XCTAssertEqual(finding["segmentIndex"] as? Int, 18)
        XCTAssertEqual(finding["fileSegmentIndex"] as? Int, 20)
        XCTAssertEqual(finding["loopId"] as? String, "2300")
        XCTAssertEqual(finding["elementErrorCode"] as? String, "7")
        XCTAssertEqual(finding["claimId"] as? String, "PCN001")
    }

    func testStrictTurnsWarningsIntoErrors() throws {
        let text = String(decoding: try FixtureFiles.data("validation/claim-837p.x12"), as: UTF8.self)
            .replacingOccurrences(of: "XX*1234567893", with: "XX*1234567890")
        XCTAssertEqual(try CommandRunner.run(["validate", "-"], input: Data(text.utf8)).status, 0)
        XCTAssertEqual(try CommandRunner.run(["validate", "-", "--strict"], input: Data(text.utf8)).status, 1)
    }

    /// The bundled specs are used from any working directory; `$X12_SPECS` replaces them and `--specs` wins over both.
    func testSpecsAreBundledAndOverriddenByTheEnvironmentThenTheOption() throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let claim = FixtureFiles.path("validation/claim-837p.x12")
        let bundled = try CommandRunner.run(["validate", claim], directory: elsewhere, environment: ["X12_SPECS": nil])
        XCTAssertEqual(bundled.status, 0, bundled.stderr)
        XCTAssertEqual(bundled.stdout, "\(claim): valid (1 transaction sets, 0 errors, 0 warnings)\n")
        let missing = try CommandRunner.run(["validate", claim], directory: elsewhere, environment: ["X12_SPECS": "/nonexistent"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.hasPrefix("x12 validate: /nonexistent: cannot list the specs directory: "), missing.stderr)
        let specs = FixtureFiles.packageRoot.appendingPathComponent("Sources/X12Validation/Specs").path
        let option = try CommandRunner.run(["validate", claim, "--specs", specs], directory: elsewhere,
                                           environment: ["X12_SPECS": "/nonexistent"])
        XCTAssertEqual(option.status, 0, option.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try CommandRunner.run(["validate"]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["validate", "Fixtures/validation/none.x12"]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["validate", "Fixtures/validation/claim-837p.x12", "--specs", "/nonexistent"]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["validate", "a.x12", "b.x12", "--ack", "out.999"]).status, 2)
    }
}
