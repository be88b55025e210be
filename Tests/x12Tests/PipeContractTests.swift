import Foundation
import XCTest
import X12TestSupport

/// The pipe contract for distributed engines: `--paths-from`, the pipe envelope on every NDJSON record
/// (`source`, ISA13, GS06, ST02, `schemaVersion`) and `--keep-going` diagnostics, on `remit`, `ack` and `validate`.
final class PipeContractTests: XCTestCase {
    private let twoRemittances = "Fixtures/remit/multiple-payments.835\n\nFixtures/remit/reversal-plb.835\n"

    private func records(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
        }
    }

    /// `(source, ISA13, GS06, ST02)` of a record, `-` for a null control number.
    private func envelope(_ record: [String: Any]) -> [String] {
        ["source", "interchangeControlNumber", "groupControlNumber", "transactionSetControlNumber"].map { record[$0] as? String ?? "-" }
    }

    // MARK: - remit

    func testRemitPathsFromStandardInputWritesEachFilesClaimsWithTheirEnvelope() throws {
        let result = try CommandRunner.run(["remit", "--paths-from", "-", "--format", "ndjson", "--quiet"], input: Data(twoRemittances.utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // multiple-payments.835: CLP A1 and A2 in ST 0001, A3 in ST 0002, both in ISA 000000201 / GS 11, then
        // ISA 000000202 / GS 12 / ST 0003 with only a PLB; reversal-plb.835: five CLPs in ISA 000000101 / GS 1 / ST 0001.
        // Each transaction set ends with its `remittance` record.
        XCTAssertEqual(lines.count, 12)
        XCTAssertEqual(lines.first, """
            {"recordType":"claimPayment","schemaVersion":1,"source":"Fixtures/remit/multiple-payments.835",\
            "interchangeControlNumber":"000000201","groupControlNumber":"11","transactionSetControlNumber":"0001",\
            "traceNumber":"CHK5001","paymentDate":"20240401","payerIdentifier":"1999999999","payerName":"PAYER ONE",\
            "payeeName":"CLINIC ONE","payeeIdentifier":"999999999","headerNumber":"1","patientControlNumber":"A1","status":"1",\
            "statusDescription":"Processed as primary","chargeAmount":"100.00","paidAmount":"80.00",\
            "patientResponsibilityAmount":"20.00","filingIndicator":"12","payerClaimControlNumber":"P1",\
            "patient":{"entity":"QC","lastName":"SMITH","firstName":"ANN"},"otherNames":[],"references":[],"amounts":[],\
            "quantities":[],"adjustments":[],"lines":[{"procedureQualifier":"HC","procedureCode":"99212","modifiers":[],\
            "chargeAmount":"100.00","paidAmount":"80.00","units":"1","adjustments":[{"group":"PR",\
            "groupDescription":"Patient responsibility","reason":"3","reasonDescription":"Co-payment amount","amount":"20.00"}],\
            "remarkCodes":[],"references":[],"amounts":[],"quantities":[],"segment":12}],"balance":[],"segment":10}
            """)
        let all = try records(result.stdout)
        let parsed = all.filter { $0["recordType"] as? String == "claimPayment" }
        let multiple = "Fixtures/remit/multiple-payments.835", reversal = "Fixtures/remit/reversal-plb.835"
        XCTAssertEqual(all.map { $0["recordType"] as? String }, ["claimPayment", "claimPayment", "remittance", "claimPayment", "remittance",
                                                               "remittance", "claimPayment", "claimPayment", "claimPayment", "claimPayment",
                                                               "claimPayment", "remittance"])
        let transactions = all.filter { $0["recordType"] as? String == "remittance" }
        XCTAssertEqual(transactions.map(envelope), [[multiple, "000000201", "11", "0001"], [multiple, "000000201", "11", "0002"],
                                                    [multiple, "000000202", "12", "0003"], [reversal, "000000101", "1", "0001"]])
        // BPR02 300 / 0 / 0 / 956; PLB FB -120 and WO 120 in ST 0003; WO 75, L6 -15.25, 72 -0.50 (59.25) in reversal-plb.
        XCTAssertEqual(transactions.map { $0["paymentAmount"] as? String }, ["300.00", "0.00", "0.00", "956.00"])
        XCTAssertEqual(transactions.map { ($0["providerAdjustments"] as? [[String: Any]] ?? []).compactMap { $0["amount"] as? String } },
                       [[], [], ["-120.00", "120.00"], ["75.00", "-15.25", "-0.50"]])
        XCTAssertEqual(transactions.map { ($0["totals"] as? [String: Any])?["providerAdjustmentAmount"] as? String },
                       ["0.00", "0.00", "0.00", "59.25"])
        XCTAssertEqual(transactions.map { ($0["totals"] as? [String: Any])?["paidAmount"] as? String }, ["300.00", "0.00", "0.00", "1015.25"])
        XCTAssertEqual(parsed.map(envelope), [
            [multiple, "000000201", "11", "0001"], [multiple, "000000201", "11", "0001"], [multiple, "000000201", "11", "0002"],
            [reversal, "000000101", "1", "0001"], [reversal, "000000101", "1", "0001"], [reversal, "000000101", "1", "0001"],
            [reversal, "000000101", "1", "0001"], [reversal, "000000101", "1", "0001"],
        ])
        XCTAssertEqual(parsed.map { $0["patientControlNumber"] as? String }, ["A1", "A2", "A3", "V100-1", "V100-1", "V101-1", "V102-1", "V103-1"])
        XCTAssertEqual(parsed.map { $0["paidAmount"] as? String }, ["80.00", "220.00", "0.00", "-150.00", "170.00", "45.00", "0.00", "950.25"])
        XCTAssertTrue(parsed.allSatisfy { $0["recordType"] as? String == "claimPayment" && $0["schemaVersion"] as? Int == 1 })
    }

    func testPipeRecordIsThePlainRecordWithTheEnvelopeInFront() throws {
        let piped = try CommandRunner.run(["remit", "--paths-from", "-", "--format", "ndjson", "--quiet"], input: Data(twoRemittances.utf8))
        var expected = ""
        for file in ["Fixtures/remit/multiple-payments.835", "Fixtures/remit/reversal-plb.835"] {
            let plain = try CommandRunner.run(["remit", file, "--format", "ndjson", "--quiet"])
            XCTAssertEqual(plain.status, 0, plain.stderr)
            XCTAssertFalse(plain.stdout.contains("\"source\""), "the plain record keeps its keys")
            for line in plain.stdout.split(separator: "\n") {
                let record = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let isa = file.hasPrefix("Fixtures/remit/multiple") ? "000000201" : "000000101"
                let gs = file.hasPrefix("Fixtures/remit/multiple") ? "11" : "1"
                XCTAssertNotNil(record["transactionSetControlNumber"])
                expected += "{\"recordType\":\"claimPayment\",\"schemaVersion\":1,\"source\":\"\(file)\",\"interchangeControlNumber\":\"\(isa)\","
                    + "\"groupControlNumber\":\"\(gs)\"," + line.dropFirst() + "\n"
            }
        }
        let claimLines = piped.stdout.split(separator: "\n").filter { $0.hasPrefix("{\"recordType\":\"claimPayment\"") }
        XCTAssertEqual(claimLines.map { $0 + "\n" }.joined(), expected)
        XCTAssertEqual(piped.stdout.split(separator: "\n").count, claimLines.count + 4, "and one remittance record per transaction set")
    }

    func testRemitCSVOfSeveralFilesHasOneHeader() throws {
        let both = try CommandRunner.run(["remit", "--paths-from", "-", "--format", "csv", "--quiet"], input: Data(twoRemittances.utf8))
        XCTAssertEqual(both.status, 0, both.stderr)
        let first = try CommandRunner.run(["remit", "Fixtures/remit/multiple-payments.835", "--format", "csv", "--quiet"]).stdout
        let second = try CommandRunner.run(["remit", "Fixtures/remit/reversal-plb.835", "--format", "csv", "--quiet"]).stdout
        let secondRows = second.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        XCTAssertEqual(both.stdout, first + secondRows)
        XCTAssertEqual(both.stdout.components(separatedBy: "recordType,transactionSetControlNumber").count, 2)
        // Positional files and --paths-from together: arguments first.
        let mixed = try CommandRunner.run(["remit", "Fixtures/remit/multiple-payments.835", "--paths-from", "-", "--format", "csv", "--quiet"],
                                          input: Data("Fixtures/remit/reversal-plb.835\n".utf8))
        XCTAssertEqual(mixed.stdout, both.stdout)
    }

    func testRemitJSONTakesOneFile() throws {
        let result = try CommandRunner.run(["remit", "--paths-from", "-"], input: Data(twoRemittances.utf8))
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--format json writes one report for one file"), result.stderr)
        XCTAssertEqual(result.stdout, "")
        let keepGoing = try CommandRunner.run(["remit", "Fixtures/remit/reversal-plb.835", "--format", "csv", "--keep-going"])
        XCTAssertEqual(keepGoing.status, 2)
        XCTAssertTrue(keepGoing.stderr.contains("use it with --format ndjson"), keepGoing.stderr)
    }

    private let badList = "Fixtures/remit/multiple-payments.835\nFixtures/remit/missing.835\nFixtures/remit/broken-claims.835\nFixtures/remit/reversal-plb.835\n"

    func testRemitStopsAtAFileItCannotOpenWithoutKeepGoing() throws {
        let result = try CommandRunner.run(["remit", "--paths-from", "-", "--format", "ndjson", "--quiet"], input: Data(badList.utf8))
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "Fixtures/remit/missing.835:cannot open Fixtures/remit/missing.835: No such file or directory\n")
    }

    func testRemitKeepGoingWritesDiagnosticsAndGoesOn() throws {
        let result = try CommandRunner.run(["remit", "--paths-from", "-", "--format", "ndjson", "--quiet", "--keep-going"], input: Data(badList.utf8))
        XCTAssertEqual(result.status, 1)
        let parsed = try records(result.stdout)
        let diagnostics = parsed.filter { $0["recordType"] as? String == "diagnostic" }
        XCTAssertEqual(result.stdout.split(separator: "\n").first { $0.contains("missing.835") }.map(String.init), """
            {"recordType":"diagnostic","schemaVersion":1,"source":"Fixtures/remit/missing.835","interchangeControlNumber":null,\
            "groupControlNumber":null,"transactionSetControlNumber":null,"severity":"error","kind":"unreadable",\
            "message":"cannot open Fixtures/remit/missing.835: No such file or directory","byteOffset":0,"line":0,\
            "segmentIndex":null,"segmentId":null,"transactionSegmentIndex":null,"elementPosition":null,"componentPosition":null}
            """)
        // broken-claims.835: CLP03 '1OO' at segment 13 (the claim is skipped), CAS03 'ABC' at segment 20 (kept in B3).
        XCTAssertEqual(diagnostics.count, 3)
        let broken = diagnostics.filter { $0["source"] as? String == "Fixtures/remit/broken-claims.835" }
        XCTAssertEqual(broken.map(envelope), [["Fixtures/remit/broken-claims.835", "000000401", "31", "0001"],
                                             ["Fixtures/remit/broken-claims.835", "000000401", "31", "0001"]])
        XCTAssertEqual(broken.map { $0["segmentIndex"] as? Int }, [13, 20])
        XCTAssertEqual(broken.map { $0["segmentId"] as? String }, ["CLP", "CAS"])
        XCTAssertEqual(broken.map { $0["elementPosition"] as? Int }, [3, 3])
        XCTAssertEqual(broken.map { $0["transactionSegmentIndex"] as? Int }, [11, 18])
        XCTAssertEqual(broken.map { $0["kind"] as? String }, ["invalidValue", "invalidValue"])
        XCTAssertTrue((broken.first?["message"] as? String ?? "").contains("CLP03 total claim charge '1OO'"))
        // The run went on: every readable claim is there, in file order (B2 is the skipped one).
        let claims = parsed.filter { $0["recordType"] as? String == "claimPayment" }
        XCTAssertEqual(claims.map { $0["patientControlNumber"] as? String },
                       ["A1", "A2", "A3", "B1", "B3", "B4", "V100-1", "V100-1", "V101-1", "V102-1", "V103-1"])
        XCTAssertTrue(result.stderr.contains("Fixtures/remit/missing.835:cannot open"), result.stderr)
    }

    func testPathsFromAFileAndAnUnreadableList() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12-pipe-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("paths.txt")
        try "Fixtures/remit/reversal-plb.835\r\n   \n".write(to: list, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["remit", "--paths-from", list.path, "--format", "ndjson", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try records(result.stdout).count, 6, "five claims and their transaction")
        let missing = try CommandRunner.run(["remit", "--paths-from", folder.appendingPathComponent("none.txt").path, "--format", "ndjson"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot read the --paths-from list"), missing.stderr)
        let twice = try CommandRunner.run(["remit", "-", "--paths-from", "-", "--format", "ndjson"])
        XCTAssertEqual(twice.status, 2)
    }

    // MARK: - ack

    func testAckNDJSONHasAClaimStatusPerClaimAndFile() throws {
        let list = "Fixtures/acks/accept-reject.277\nFixtures/acks/reject-st.999\n"
        let result = try CommandRunner.run(["ack", "--paths-from", "-", "--claims", "Fixtures/acks/submitted.837", "--format", "ndjson"],
                                           input: Data(list.utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try records(result.stdout)
        // Each file read on its own gives every submitted claim (V100-1, V101-1 in ST 0001; V200-1..V202-1 in ST 0002).
        XCTAssertEqual(parsed.count, 10)
        let ack277 = "Fixtures/acks/accept-reject.277", ack999 = "Fixtures/acks/reject-st.999"
        XCTAssertEqual(parsed.map(envelope), [ack277, ack999].flatMap { source in
            [[source, "000000101", "7", "0001"], [source, "000000101", "7", "0001"], [source, "000000101", "7", "0002"],
             [source, "000000101", "7", "0002"], [source, "000000101", "7", "0002"]]
        })
        XCTAssertEqual(parsed.map { $0["patientControlNumber"] as? String },
                       ["V100-1", "V101-1", "V200-1", "V201-1", "V202-1", "V100-1", "V101-1", "V200-1", "V201-1", "V202-1"])
        // The 277CA accepts V100-1 and rejects V101-1, the others pending (as `--format csv` shows); the 999 accepts
        // set 0001 (its claims stay pending until a 277CA) and rejects set 0002.
        XCTAssertEqual(parsed.map { $0["status"] as? String },
                       ["accepted", "rejected", "pending", "pending", "pending", "pending", "pending", "rejected", "rejected", "rejected"])
        XCTAssertEqual(parsed.first?["payerClaimControlNumber"] as? String, "PAYER-ICN-100")
        XCTAssertTrue(parsed.allSatisfy { $0["recordType"] as? String == "claimStatus" && $0["schemaVersion"] as? Int == 1 })
    }

    func testAckKeepGoingTurnsProblemsAndMissingFilesIntoDiagnostics() throws {
        let list = "Fixtures/acks/truncated.999\nFixtures/acks/missing.999\nFixtures/acks/accept-reject.277\n"
        let arguments = ["ack", "--paths-from", "-", "--claims", "Fixtures/acks/submitted.837", "--format", "ndjson"]
        let stopped = try CommandRunner.run(arguments, input: Data(list.utf8))
        XCTAssertEqual(stopped.status, 2)
        XCTAssertEqual(stopped.stdout, "")
        let result = try CommandRunner.run(arguments + ["--keep-going"], input: Data(list.utf8))
        XCTAssertEqual(result.status, 1)
        let parsed = try records(result.stdout)
        let diagnostics = parsed.filter { $0["recordType"] as? String == "diagnostic" }
        XCTAssertEqual(diagnostics.map { $0["source"] as? String }, Array(repeating: "Fixtures/acks/truncated.999", count: 4) + ["Fixtures/acks/missing.999"])
        XCTAssertEqual(diagnostics.map { $0["kind"] as? String }, ["missingTrailer", "missingTrailer", "truncatedSegment", "truncatedSegment", "unreadable"])
        XCTAssertEqual(diagnostics.last?["message"] as? String, "cannot open Fixtures/acks/missing.999: No such file or directory")
        XCTAssertEqual(diagnostics[3]["segmentIndex"] as? Int, 12)
        XCTAssertEqual(diagnostics[3]["segmentId"] as? String, "IK4")
        XCTAssertEqual(parsed.filter { $0["source"] as? String == "Fixtures/acks/accept-reject.277" }.count, 5, "the run went on")
        // Without --keep-going a file's problems stay on standard error only (exit 1), as in the other formats.
        let plain = try CommandRunner.run(["ack", "Fixtures/acks/truncated.999", "--claims", "Fixtures/acks/submitted.837", "--format", "ndjson"])
        XCTAssertEqual(plain.status, 1)
        XCTAssertFalse(plain.stdout.contains("diagnostic"))
        XCTAssertTrue(plain.stderr.contains("Fixtures/acks/truncated.999:segment 12 (IK4)"), plain.stderr)
    }

    // MARK: - validate

    func testValidateNDJSONHasTransactionSetsFindingsAndDiagnostics() throws {
        let list = "Fixtures/validation/claim-837p.x12\nFixtures/serve/invalid-837p.x12\nFixtures/missing.x12\n"
        let stopped = try CommandRunner.run(["validate", "--paths-from", "-", "--format", "ndjson"], input: Data(list.utf8))
        XCTAssertEqual(stopped.status, 2, "an unreadable file without --keep-going: exit 2 as before")
        let result = try CommandRunner.run(["validate", "--paths-from", "-", "--format", "ndjson", "--keep-going"], input: Data(list.utf8))
        XCTAssertEqual(result.status, 1)
        let parsed = try records(result.stdout)
        XCTAssertEqual(parsed.map { $0["recordType"] as? String },
                       ["transactionSet", "transactionSet", "finding", "finding", "finding", "diagnostic"])
        XCTAssertEqual(parsed.map(envelope), [
            ["Fixtures/validation/claim-837p.x12", "000000001", "1", "0001"],
            ["Fixtures/serve/invalid-837p.x12", "000000102", "102", "0001"],
            ["Fixtures/serve/invalid-837p.x12", "000000102", "102", "0001"],
            ["Fixtures/serve/invalid-837p.x12", "000000102", "102", "0001"],
            ["Fixtures/serve/invalid-837p.x12", "000000102", "102", "0001"],
            ["Fixtures/missing.x12", "-", "-", "-"],
        ])
        XCTAssertEqual(parsed[0]["valid"] as? Bool, true)
        XCTAssertEqual(parsed[1]["valid"] as? Bool, false)
        XCTAssertEqual(parsed[1]["errorCount"] as? Int, 2)
        XCTAssertEqual(parsed[1]["warningCount"] as? Int, 1)
        XCTAssertEqual(parsed[2...4].map { $0["kind"] as? String }, ["npiCheckDigit", "invalidDate", "transactionEnvelope"])
        XCTAssertEqual(parsed[5]["kind"] as? String, "unreadable")
    }
}
