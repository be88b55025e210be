import Foundation
import X12
@testable import X12Claims
import XCTest
import X12TestSupport

/// Every batch in Fixtures/batches is built with a fixed control number and date and compared byte for byte with
/// Fixtures/claims/<name>.837 and <name>.report.json. The expected files were checked by hand and with pyx12;
/// set X12_RECORD_GOLDEN=1 to rewrite them after an intended change (then review the diff).
final class GoldenFileTests: XCTestCase {
    private var record: Bool { ProcessInfo.processInfo.environment["X12_RECORD_GOLDEN"] == "1" }

    func testEveryFixtureBatchMatchesItsGoldenFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: FixtureFiles.path("batches"))
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        XCTAssertTrue(names.contains("example"))
        XCTAssertTrue(names.contains("rules"))
        for name in names {
            let output = ClaimFixtures.build(try ClaimFixtures.batch(name))
            let claims = try ClaimEncoder.encode(output.file)
            var report = output.report.json()
            report.append(0x0A)
            let claimsURL = FixtureFiles.url("claims/\(name).837")
            let reportURL = FixtureFiles.url("claims/\(name).report.json")
            if record {
                try Data(claims).write(to: claimsURL)
                try report.write(to: reportURL)
                continue
            }
            let expectedClaims = try String(contentsOf: claimsURL, encoding: .utf8)
            let expectedReport = try String(contentsOf: reportURL, encoding: .utf8)
            assertEqualLines(String(decoding: claims, as: UTF8.self), expectedClaims, "\(name).837")
            assertEqualLines(String(decoding: report, as: UTF8.self), expectedReport, "\(name).report.json")
            XCTAssertTrue(output.report.totals.balances, "\(name): totals do not balance")
        }
    }
}
