import Foundation
import X12TestSupport
import XCTest

/// The shared test support: the corpus manifest records every file's origin, and failures show a readable diff.
final class TestSupportTests: XCTestCase {
    func testEveryCorpusFileIsInTheRepositoryWithItsOriginAndLicence() throws {
        let entries = try Corpus.entries()
        XCTAssertEqual(entries.count, 37)
        XCTAssertEqual(Set(entries.map(\.repository)).count, 9)
        for entry in entries {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Corpus.path(entry.file)), entry.file)
            XCTAssertEqual(entry.commit.count, 40, entry.file)
            XCTAssertFalse(entry.upstreamPath.isEmpty, entry.file)
            XCTAssertFalse(entry.license.isEmpty, entry.file)
            let licence = "LICENSES/" + entry.repository.replacingOccurrences(of: "/", with: "__") + ".txt"
            XCTAssertTrue(FileManager.default.fileExists(atPath: Corpus.path(licence)), "\(entry.file): \(licence)")
        }
        let first = try XCTUnwrap(entries.first)
        XCTAssertEqual(first.file, "837p/imsweb-valid.x12")
        XCTAssertEqual(first.kind, "837p")
        XCTAssertEqual(first.repository, "imsweb/x12-parser")
        XCTAssertEqual(first.upstreamPath, "src/test/resources/837_5010/x12_valid.txt")
        XCTAssertEqual(first.commit, "083c4e2a34805b1b92f2850d96c6d3e42cc6b755")
        XCTAssertEqual(first.license, "BSD-3-Clause")
        XCTAssertEqual(first.validity, .valid)
    }

    func testTextDiffShowsTheFirstDifferingLinesWithContext() {
        let diff = TextDiff(expected: "ISA\nGS\nST\nBHT\nSE\nGE", actual: "ISA\nGS\nST\nBHT*X\nNM1\nSE\nGE")
        XCTAssertFalse(diff.isEmpty)
        XCTAssertEqual(diff.description, """
            first difference at line 4 (expected 6 lines, actual 7):
              GS
              ST
            - BHT
            + BHT*X
            + NM1
              SE
              GE
            """)
        XCTAssertTrue(TextDiff(expected: "a\nb", actual: "a\nb").isEmpty)
        XCTAssertEqual(TextDiff(expected: "a\nb", actual: "a\nb").description, "")
    }
}
