import Foundation
import XCTest
import X12TestSupport

/// `x12 ack` end to end, over Fixtures/acks.
final class AckCommandTests: XCTestCase {
    func testTextOutputMapsA999RejectToClaims() throws {
        let result = try CommandRunner.run(["ack", "Fixtures/acks/reject-st.999", "--claims", "Fixtures/acks/submitted.837"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "999 0001 group 7 (HC 005010X222A1): partially accepted; 2 included, 2 received, 1 accepted")
        XCTAssertEqual(lines[3], "    segment 23 (NM1, loop 2310) element 9 (67): I12 implementation pattern match failure, "
                       + "value '123456789'; claim V201-1")
        XCTAssertEqual(lines[4], "      NM1*82*1*SMITH*JOHN****XX*123456789")
        XCTAssertTrue(lines.contains("Claims: 5 (0 accepted, 3 rejected, 2 pending)"))
    }

    func testFailOnRejectExitsOne() throws {
        let result = try CommandRunner.run(["ack", "Fixtures/acks/reject.ta1", "--claims", "Fixtures/acks/submitted.837",
                                            "--fail-on-reject"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("TA1 interchange 000000101 (240115 1430): rejected, note 006 invalid sender id"))
        let accepted = try CommandRunner.run(["ack", "Fixtures/acks/unmatched.999", "--fail-on-reject"])
        XCTAssertEqual(accepted.status, 1, "group 99 is rejected")
    }

    func testJSONFromStandardInput() throws {
        let input = try FixtureFiles.data("acks/accept-reject.277")
        let result = try CommandRunner.run(["ack", "-", "--claims", "Fixtures/acks/submitted.837", "--format", "json"], input: input)
        XCTAssertEqual(result.status, 0)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let claims = try XCTUnwrap(object["claims"] as? [[String: Any]])
        XCTAssertEqual(claims[0]["patientControlNumber"] as? String, "V100-1")
        XCTAssertEqual(claims[0]["status"] as? String, "accepted")
        XCTAssertEqual(claims[0]["payerClaimControlNumber"] as? String, "PAYER-ICN-100")
        XCTAssertEqual(claims[1]["status"] as? String, "rejected")
        XCTAssertEqual((claims[1]["reasons"] as? [[String: Any]])?.count, 3)
    }

    func testCSV() throws {
        let result = try CommandRunner.run(["ack", "Fixtures/acks/reject-st.999", "--claims", "Fixtures/acks/submitted.837",
                                            "--format", "csv"])
        XCTAssertEqual(result.status, 0)
        let rows = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows.count, 6)
        XCTAssertEqual(rows[3], "V200-1,rejected,,150.00,000000101,7,0002,999,R 5,"
                       + "\"transaction set 0002 rejected: one or more segments in error (errors in claim V201-1, V202-1)\"")
    }

    func testTruncatedAcknowledgmentPrintsWhatWasReadAndExitsOne() throws {
        let result = try CommandRunner.run(["ack", "Fixtures/acks/truncated.999"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("837 0002: no result"))
        XCTAssertTrue(result.stderr.hasSuffix(
            "Fixtures/acks/truncated.999:segment 12 (IK4): the input ends inside segment IK4: no segment terminator '~'\n"))
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try CommandRunner.run(["ack"]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["ack", "Fixtures/acks/none.999"]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["ack", "Fixtures/acks/reject-st.999", "--format", "xml"]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["ack", "-", "--claims", "-"]).status, 2)
    }
}

/// `x12 ack -o FILE` writes the same bytes as standard output, through a temporary file renamed at the end.
final class AckOutputFileTests: XCTestCase {
    func testOutputFileHoldsWhatStandardOutputShows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12-ack-o-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["text", "json", "csv"] {
            let arguments = ["ack", "Fixtures/acks/reject-st.999", "Fixtures/acks/accept-reject.277",
                             "--claims", "Fixtures/acks/submitted.837", "--format", format]
            let shown = try CommandRunner.run(arguments)
            let target = folder.appendingPathComponent("report.\(format)")
            let written = try CommandRunner.run(arguments + ["-o", target.path])
            XCTAssertEqual(written.status, shown.status, format)
            XCTAssertEqual(written.stdout, "", format)
            XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), shown.stdout, format)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["report.csv", "report.json", "report.text"], "no temporary file left behind")
        let refused = try CommandRunner.run(["ack", "Fixtures/acks/reject-st.999", "-o", "/nonexistent-dir/report.txt"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("cannot write /nonexistent-dir/report.txt"), refused.stderr)
    }
}
