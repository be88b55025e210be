import Foundation
import XCTest
import X12TestSupport

/// `x12 render`: the CMS-1500 and remittance views through the command line.
final class RenderCommandTests: XCTestCase {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func testCMS1500ToAFileHasOneFormPerSixLinesOfEachClaim() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("claims.html").path
        let result = try CommandRunner.run(["render", "Fixtures/forms/split-claims.837", "--as", "cms1500", "-o", target])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "")
        let pages = FormPage.read(try String(contentsOfFile: target, encoding: .utf8))
        XCTAssertEqual(pages.map { "\($0.claim) \($0.page)/\($0.pages) \($0.boxes["28"] ?? "-")" },
                       ["V2001-1 1/2 -", "V2001-1 2/2 476 00", "V2001-2 1/1 60 00"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["claims.html"])
    }

    func testValuesOnlyFromStandardInput() throws {
        let input = try FixtureFiles.data("forms/split-claims.837")
        let result = try CommandRunner.run(["render", "-", "--as", "cms1500", "--values-only"], input: input)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("<body class=\"values-only\">"))
        XCTAssertEqual(FormPage.read(result.stdout).count, 3)
    }

    func testRemitViewOfAnyPayersFile() throws {
        let result = try CommandRunner.run(["render", "Fixtures/corpus/835/stupidedi-multiple-claims-single-check.x12", "--as", "remit"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let claims = HTMLElements.parse(result.stdout).filter { $0.tag == "section" && $0.attributes["data-pcn"] != nil }
        XCTAssertGreaterThan(claims.count, 1)
        XCTAssertTrue(claims.allSatisfy { $0.attributes["data-paid"] != nil && $0.attributes["data-billed"] != nil })
    }

    func testWrongKindOfFileIsAPositionedErrorAndWritesNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("forms.html").path
        let result = try CommandRunner.run(["render", "Fixtures/remit/reversal-plb.835", "--as", "cms1500", "-o", target])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "Fixtures/remit/reversal-plb.835:segment 3 (ST) element 1: transaction set 0001 is a 835, not an 837\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])

        let remit = try CommandRunner.run(["render", "Fixtures/forms/split-claims.837", "--as", "remit"])
        XCTAssertEqual(remit.status, 1)
        XCTAssertTrue(remit.stderr.hasPrefix("Fixtures/forms/split-claims.837:segment 3 (ST) element 1: "), remit.stderr)
    }

    func testBrokenRemitStillRendersTheClaimsItCouldRead() throws {
        let result = try CommandRunner.run(["render", "Fixtures/remit/broken-claims.835", "--as", "remit"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 2, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("</html>\n"))
        XCTAssertTrue(result.stdout.contains("data-pcn=\"B3\""))
    }

    func testUsageErrors() throws {
        XCTAssertEqual(try CommandRunner.run(["render", "Fixtures/forms/split-claims.837", "--as", "ub04"]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["render", "Fixtures/none.837", "--as", "cms1500"]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["render", "Fixtures/none.835", "--as", "remit"]).status, 2)
        let valuesOnly = try CommandRunner.run(["render", "Fixtures/remit/reversal-plb.835", "--as", "remit", "--values-only"])
        XCTAssertEqual(valuesOnly.status, 2)
        XCTAssertTrue(valuesOnly.stderr.contains("--values-only applies to --as cms1500 only"), valuesOnly.stderr)
    }
}

extension RenderCommandTests {
    func testPDFWithoutChromiumSaysSoAndExits2WritingNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("claims.pdf").path
        let result = try CommandRunner.run(["render", "Fixtures/forms/split-claims.837", "--as", "cms1500", "--pdf", pdf],
                                           environment: ["PATH": directory.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "x12 render: --pdf needs headless Chromium, but none of chromium, chromium-browser, google-chrome, "
                       + "google-chrome-stable is on PATH; install one (Debian: apt-get install chromium) or leave out --pdf\n")
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
    }
}
