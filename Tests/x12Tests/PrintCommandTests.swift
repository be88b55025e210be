import Foundation
import XCTest
import X12TestSupport

final class PrintCommandTests: XCTestCase {
    func testPrintsOneNumberedSegmentALine() throws {
        let result = try CommandRunner.run(["print", "Fixtures/core/pt-claims.837"])
        XCTAssertEqual(result.status, 0)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 29)
        XCTAssertEqual(lines[11], "    12  CLM*V100-1*200***11:B:1*Y*A*Y*Y")
        XCTAssertEqual(result.stderr, "")
    }

    func testTreeIndentsByEnvelopeAndHierarchyWithoutSpecs() throws {
        let result = try CommandRunner.run(["print", "--tree", "--specs", "/nonexistent", "Fixtures/core/pt-claims.837"])
        XCTAssertEqual(result.status, 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[1], "     2    GS*HC*SUBMITTER*RECEIVER*20240115*1430*7*X*005010X222A1")
        XCTAssertEqual(lines[5], "     6        HL*1**20*1")
        XCTAssertEqual(lines[6], "     7          NM1*85*2*PT CLINIC*****XX*1234567893")
        XCTAssertEqual(lines[7], "     8          HL*2*1*22*0")
        XCTAssertEqual(lines[9], "    10            NM1*IL*1*DOE*JANE****MI*1EG4TE5MK72")
        XCTAssertEqual(lines[26], "    27      SE*25*0001")
    }

    func testTreeLabelsGuideLoops() throws {
        let result = try CommandRunner.run(["print", "--tree", "Fixtures/core/pt-claims.837"])
        XCTAssertEqual(result.status, 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 29)
        XCTAssertEqual(lines[4], "     5          NM1*41*2*PT CLINIC*****46*S1    # 1000A Submitter Name")
        XCTAssertEqual(lines[7], "     8            HL*2*1*22*0    # 2000B Subscriber Hierarchical Level")
        XCTAssertEqual(lines[11], "    12              CLM*V100-1*200***11:B:1*Y*A*Y*Y    # 2300 Claim Information")
        XCTAssertEqual(lines[12], "    13              REF*G1*0000")
        XCTAssertEqual(lines[13], "    14                LX*1    # 2400 Service Line Number")
        XCTAssertEqual(lines[26], "    27      SE*25*0001")
    }

    func testRawIsByteIdenticalFromStdin() throws {
        let input = try FixtureFiles.data("core/pt-claims.837")
        let result = try CommandRunner.run(["print", "--raw", "-"], input: input)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(Data(result.stdout.utf8), input)
    }

    func testRawWithOtherDelimitersAndNewlines() throws {
        let result = try CommandRunner.run(["print", "--raw", "--newlines", "--delimiters", "|>!~", "Fixtures/core/pt-claims.837"])
        XCTAssertEqual(result.status, 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[14], "SV1|HC>97110>GP>KX|120|UN|2|||1~")
        XCTAssertEqual(lines.count, 29)
    }

    func testInvalidInputReportsPositionsAndExitsOne() throws {
        let result = try CommandRunner.run(["print", "Fixtures/core/pt-claims-bad-counts.837"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, """
        Fixtures/core/pt-claims-bad-counts.837:segment 27 (SE) element 1: SE01 says 23 segments but the transaction set has 25 (ST through SE)
        Fixtures/core/pt-claims-bad-counts.837:segment 28 (GE) element 2: GE02 '8' does not match GS06 '7'

        """)
    }

    func testFixCountsRepairsCountsButNotControlNumbers() throws {
        let result = try CommandRunner.run(["print", "--raw", "--fix-counts", "Fixtures/core/pt-claims-bad-counts.837"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("SE*25*0001~"))
        XCTAssertTrue(result.stderr.contains("segment 27 (SE) element 1: fixed: SE01 says 23 segments"))
        XCTAssertTrue(result.stderr.hasSuffix("segment 28 (GE) element 2: GE02 '8' does not match GS06 '7'\n"))
    }

    func testUnreadableFileAndUsageErrorsExitTwo() throws {
        let missing = try CommandRunner.run(["print", "Fixtures/none.x12"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "Fixtures/none.x12:cannot open Fixtures/none.x12: No such file or directory\n")
        let usage = try CommandRunner.run(["print", "--newlines", "Fixtures/core/pt-claims.837"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("--newlines, --delimiters and --fix-counts only apply with --raw"))
    }

    func testTruncatedInputExitsOneWithPosition() throws {
        var input = try FixtureFiles.data("core/pt-claims.837")
        input.removeLast(30)
        let result = try CommandRunner.run(["print", "-"], input: input)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasSuffix("-:segment 27 (SE): the input ends inside segment SE: no segment terminator '~'\n"), result.stderr)
    }
}
