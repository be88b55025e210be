import Foundation
import X12
import X12Claims
import X12TestSupport
import XCTest

/// The end-to-end COB scenario over Fixtures/cob: batch → generate --ledger → the hand-written primary 835 →
/// remit --ledger → ledger secondary → the hand-written expected secondary 837P, segment by segment.
///
/// Fixtures/cob/batch.json: S1001 Medicare + Medicaid (a PTA-furnished line, GP:CQ), S2001 Aetna + the spouse's
/// Regence plan (2000C), S3001 Medicare + a crossover supplement (and a DME item for Oregon: Jurisdiction D),
/// S4001 Aetna + Regence whose 835 line matches no claim line, S5001 Medicare + Medicaid denied in full, S6001
/// Aetna + Regence paid in full, S7001 a DME item for New York (Jurisdiction A).
final class SecondaryCommandTests: XCTestCase {
    private func scenario() throws -> (directory: URL, generate: CommandRunner.Result, remit: CommandRunner.Result,
                                      secondary: CommandRunner.Result) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("x12-secondary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ledger = directory.appendingPathComponent("ledger.sqlite").path
        let root = FixtureFiles.packageRoot
        let generate = try CommandRunner.run(["generate", root.appendingPathComponent("Fixtures/cob/batch.json").path,
                                              "-o", directory.appendingPathComponent("primary.837").path, "--ledger", ledger])
        let remit = try CommandRunner.run(["remit", root.appendingPathComponent("Fixtures/cob/primary.835").path,
                                           "-o", directory.appendingPathComponent("payments.json").path, "--ledger", ledger])
        let secondary = try CommandRunner.run(["ledger", "secondary", "--ledger", ledger,
                                               "-o", directory.appendingPathComponent("secondary.837").path,
                                               "--report", directory.appendingPathComponent("report.json").path,
                                               "--control-number", "801", "--date", "2024-02-20T09:00"])
        return (directory, generate, remit, secondary)
    }

    private func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    func testSecondaryClaimsMatchTheHandWrittenFileSegmentBySegment() throws {
        let run = try scenario()
        XCTAssertEqual(run.generate.status, 0, run.generate.stderr)
        XCTAssertEqual(run.remit.status, 0, run.remit.stderr)
        XCTAssertEqual(run.secondary.status, 0, run.secondary.stderr)
        let got = lines(try String(contentsOf: run.directory.appendingPathComponent("secondary.837"), encoding: .utf8))
        let want = lines(try FixtureFiles.text("cob/secondary.837"))
        for (index, (g, w)) in zip(got, want).enumerated() {
            XCTAssertEqual(g, w, "segment \(index + 1)")
        }
        XCTAssertEqual(got.count, want.count)
        XCTAssertTrue(run.secondary.stderr.contains("ledger: "), run.secondary.stderr)
    }

    func testReportListsWhatWasNotSentAndWhy() throws {
        let run = try scenario()
        let report = try String(contentsOf: run.directory.appendingPathComponent("report.json"), encoding: .utf8)
        XCTAssertEqual(report, try FixtureFiles.text("cob/secondary.report.json"))
        XCTAssertTrue(run.secondary.stderr.contains("S3001: crossed over: payer MGAP receives the primary's adjudication by crossover; no secondary claim is sent"))
        XCTAssertTrue(run.secondary.stderr.contains("S5001: not sent: denied in full by the primary (CLP02 4) with no patient responsibility: nothing is owed"))
        XCTAssertTrue(run.secondary.stderr.contains(
            "S4001: not sent: 835 lines not matched to the claim's lines: line 1 (97110, REF*6R S4001-1) has no 835 service line; 835 line 97112 90.00 matches no line of the claim"))
        XCTAssertTrue(run.secondary.stderr.contains("S6001: not sent: the primary paid 90.00 and left no patient responsibility: nothing is owed"))
    }

    func testSecondaryFileBalancesAndValidates() throws {
        let run = try scenario()
        let path = run.directory.appendingPathComponent("secondary.837").path
        let file = try ClaimDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let claims = file.transactions.flatMap(\.claims)
        XCTAssertEqual(claims.map(\.patientControlNumber), ["S1001-S", "S2001-S"])
        for claim in claims {
            let other = try XCTUnwrap(claim.otherPayers.first)
            var lineCAS = Decimal(0)
            for line in claim.lines {
                let adjudication = try XCTUnwrap(line.adjudications.first)
                XCTAssertEqual(adjudication.otherPayerId, other.payerId)
                XCTAssertEqual(line.charge, adjudication.paidAmount + adjudication.adjustments.adjustmentTotal, claim.patientControlNumber)
                lineCAS += adjudication.adjustments.adjustmentTotal
            }
            XCTAssertEqual(claim.totalCharge, (other.paidAmount ?? 0) + other.adjustments.adjustmentTotal + lineCAS, claim.patientControlNumber)
        }
        let validate = try CommandRunner.run(["validate", path])
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
    }

    func testGenerateRoutesDMEByTheBeneficiarysState() throws {
        let run = try scenario()
        let text = try String(contentsOf: run.directory.appendingPathComponent("primary.837"), encoding: .utf8)
        // S7001 (New York) → Jurisdiction A under its DME NPI; S3001-2 (Oregon) → Jurisdiction D.
        XCTAssertTrue(text.contains("NM1*85*2*RIVERSIDE PHYSICAL THERAPY LLC*****XX*1456789027~"))
        XCTAssertTrue(text.contains("NM1*PR*2*MEDICARE DME JURISDICTION A*****PI*16003~\nCLM*S7001*125***11:B:1*Y*A*Y*Y~"))
        XCTAssertTrue(text.contains("NM1*PR*2*MEDICARE DME JURISDICTION D*****PI*19003~\nCLM*S3001-2*68.5***11:B:1*Y*A*Y*Y~"))
        XCTAssertTrue(text.contains("SV1*HC:97110:GP:CQ*90*UN*2***1~"))
    }

    func testRunningAgainListsTheClaimsAlreadyBuilt() throws {
        let run = try scenario()
        let ledger = run.directory.appendingPathComponent("ledger.sqlite").path
        let again = try CommandRunner.run(["ledger", "secondary", "S1001", "S2001", "--ledger", ledger,
                                           "-o", run.directory.appendingPathComponent("again.837").path, "--control-number", "802"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("S1001: not sent: secondary claim S1001-S was already built for it"), again.stderr)
        XCTAssertTrue(again.stderr.contains("S2001: not sent: secondary claim S2001-S was already built for it"), again.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: run.directory.appendingPathComponent("again.837").path))
        let status = try CommandRunner.run(["ledger", "status", "--ledger", ledger, "--format", "csv"])
        XCTAssertTrue(status.stdout.contains("\nS1001,S1001,MCR,"), status.stdout)
        XCTAssertTrue(status.stdout.contains("\nS1001-S,S1001,MCD,"), status.stdout)
        XCTAssertTrue(status.stdout.contains("\nS2001-S,S2001,BCBS,"), status.stdout)
    }
}
