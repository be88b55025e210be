import Foundation
import XCTest
import X12TestSupport

final class GenerateCommandTests: XCTestCase {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// Discussion paragraphs are wrapped by swift-argument-parser (80 columns when not on a terminal), not by hand.
    func testHelpParagraphsAreWrappedByTheParser() throws {
        let result = try CommandRunner.run(["generate", "--help"])
        XCTAssertEqual(result.status, 0)
        let head = result.stdout.components(separatedBy: "\nUSAGE:").first ?? ""
        assertEqualLines(head, """
            OVERVIEW: Generate 837P claims (005010X222A1) from a billing batch.

            Every charge ends up in exactly one bucket of the report: claims,
            delayedClaims, billingExceptions, excluded or selfPay; a summary goes to
            standard error. ISA13 comes from --control-number, else from the batch's
            interchange.controlNumber, else from the counter file .x12-control-number
            beside the output (the last number used; the next run takes the one after it).

            Exit codes: 0 file written (or nothing to claim), 1 invalid batch, 2 usage
            error or unreadable file.

            """)
    }

    func testWritesTheGoldenClaimsAndReport() throws {
        let folder = try temporaryFolder()
        let report = folder.appendingPathComponent("report.json").path
        let result = try CommandRunner.run(["generate", "Fixtures/batches/example.json", "-o", "-", "--report", report,
                                            "--control-number", "101", "--date", "2024-01-20T10:30"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, String(decoding: try FixtureFiles.data("claims/example.837"), as: UTF8.self))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: report)), try FixtureFiles.data("claims/example.report.json"))
        XCTAssertTrue(result.stderr.hasPrefix("standard output: ISA13 000000101\nclaims: 7 (1278.50)\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("total: input 1646.50 = claimed 1278.50 + held 180.00 + excluded 48.00 + self-pay 140.00"))
    }

    func testControlNumberCounterBesideTheOutputNeverRepeats() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("claims.837").path
        for expected in ["000000001", "000000002"] {
            let result = try CommandRunner.run(["generate", "Fixtures/batches/example.json", "-o", output])
            XCTAssertEqual(result.status, 0)
            XCTAssertTrue(result.stderr.hasPrefix("\(output): ISA13 \(expected)\n"), result.stderr)
            let text = try String(contentsOfFile: output, encoding: .utf8)
            XCTAssertTrue(text.hasSuffix("IEA*1*\(expected)~\n"))
        }
        let counter = try String(contentsOfFile: folder.appendingPathComponent(".x12-control-number").path, encoding: .utf8)
        XCTAssertEqual(counter, "2\n")
    }

    func testInvalidBatchOnStandardInputExitsOneAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("claims.837").path
        let result = try CommandRunner.run(["generate", "-", "-o", output], input: Data(#"{"interchange": {"receiverId": "X"}}"#.utf8))
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "-:interchange.senderId: required field 'senderId' is missing\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }

    func testUnreadableBatchAndBadOptionsExitTwo() throws {
        let missing = try CommandRunner.run(["generate", "Fixtures/batches/no-such-batch.json"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "Fixtures/batches/no-such-batch.json: cannot read the file\n")
        let badSplit = try CommandRunner.run(["generate", "Fixtures/batches/example.json", "--split-by", "clinic"])
        XCTAssertEqual(badSplit.status, 2)
        XCTAssertTrue(badSplit.stderr.contains("--split-by takes payer or none"))
    }

    func testNothingToClaimWritesOnlyTheReport() throws {
        let folder = try temporaryFolder()
        var batch = try XCTUnwrap(JSONSerialization.jsonObject(with: try FixtureFiles.data("batches/example.json")) as? [String: Any])
        batch["visits"] = []
        let output = folder.appendingPathComponent("claims.837").path
        let report = folder.appendingPathComponent("report.json").path
        let result = try CommandRunner.run(["generate", "-", "-o", output, "--report", report],
                                           input: try JSONSerialization.data(withJSONObject: batch))
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.hasPrefix("no claims to send: no 837 written\n"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        XCTAssertTrue(FileManager.default.fileExists(atPath: report))
    }
}
