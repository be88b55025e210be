import Foundation
import X12
import X12TestSupport
import XCTest

/// Every file of Fixtures/corpus: read without a crash, valid ones round-trip byte for byte, and the
/// envelope faults found are exactly the ones counted by hand.
final class CorpusTests: XCTestCase {
    /// What reading each corpus file gives: `nil` = clean; otherwise the faults' `position: message` text.
    /// The faults in files the manifest calls valid were checked by counting: e.g. imsweb's SE*25 closes a
    /// set of 34 segments, imsweb-accepted's IEA02 000000001 differs from ISA13 000000286.
    static let expected: [String: [String]] = [
        "837p/imsweb-valid.x12": ["segment 36 (SE) element 1: SE01 says 25 segments but the transaction set has 34 (ST through SE)"],
        "837p/imsweb-multiple-isa.x12": [
            "segment 36 (SE) element 1: SE01 says 25 segments but the transaction set has 34 (ST through SE)",
            "segment 74 (SE) element 1: SE01 says 25 segments but the transaction set has 34 (ST through SE)",
        ],
        "837p/imsweb-multiple-gs.x12": [
            "segment 36 (SE) element 1: SE01 says 25 segments but the transaction set has 34 (ST through SE)",
            "segment 38 (GS) element 6: group control number GS06 '1' is used twice in this interchange",
            "segment 72 (SE) element 1: SE01 says 25 segments but the transaction set has 34 (ST through SE)",
            "segment 74 (GS) element 6: group control number GS06 '1' is used twice in this interchange",
            "segment 108 (SE) element 1: SE01 says 25 segments but the transaction set has 34 (ST through SE)",
            "segment 110 (IEA) element 1: IEA01 says 1 functional groups but the interchange has 3",
        ],
        "837p/invalid/imsweb-segment-errors.x12": ["segment 25 (SE) element 1: SE01 says 25 segments but the transaction set has 23 (ST through SE)"],
        "837p/invalid/imsweb-bad-first-line.x12": [
            "segment 1 (ISA) element 2: ISA is not fixed width: ISA02 must be exactly 10 characters, found 9; the ISA must be 106 bytes with every field padded",
        ],
        "837p/invalid/imsweb-segments-out-of-order.x12": ["segment 36 (SE) element 1: SE01 says 25 segments but the transaction set has 34 (ST through SE)"],
        "837p/invalid/pyx12-4010-fail-no-iea.x12": [
            "segment 4 (SE) element 1: SE01 says 0 segments but the transaction set has 2 (ST through SE)",
            "segment 5 (GE): the input ends inside interchange 000010121: IEA missing",
        ],
        "837i/imsweb-x223.x12": ["segment 50 (SE) element 1: SE01 says 25 segments but the transaction set has 48 (ST through SE)"],
        "835/invalid/keiron-blue-cross-nc.x12": ["byte 0: the input does not start with an ISA segment (found 'ST*835*1234~BPR*I*19')"],
        "835/invalid/tastypackets-error-isa.x12": ["segment 35 (IEA) element 2: IEA02 '006000600' does not match ISA13 '106000600'"],
        "999/imsweb-accepted.x12": ["segment 10 (IEA) element 2: IEA02 '000000001' does not match ISA13 '000000286'"],
        "999/invalid/staedi-invalid999.x12": ["segment 20 (SE) element 1: SE01 says 16 segments but the transaction set has 18 (ST through SE)"],
        "277ca/oopfactory-from-bogeyone.x12": [
            "segment 10 (HL): the input ends inside transaction set 0001: SE missing",
            "segment 10 (HL): the input ends inside functional group 203263: GE missing",
            "segment 10 (HL): the input ends inside interchange 000203263: IEA missing",
        ],
        "277ca/oopfactory-from-latitude81uk.x12": [
            "segment 1 (ISA) element 12: ISA is not fixed width: ISA12 must be exactly 5 characters, found 6; the ISA must be 106 bytes with every field padded",
        ],
        "ta1/staedi-interchange-ack.x12": ["segment 3 (IEA) element 1: IEA01 says 1 functional groups but the interchange has 0"],
        "ta1/invalid/uhin-ta1.x12": [
            "segment 1 (ISA) element 2: ISA is not fixed width: ISA02 must be exactly 10 characters, found 1; the ISA must be 106 bytes with every field padded",
        ],
    ]

    func testEveryCorpusFileGivesItsKnownResult() throws {
        let entries = try Corpus.entries()
        XCTAssertEqual(entries.count, 37)
        for entry in entries {
            let bytes = try Corpus.bytes(entry.file)
            var found: [String] = []
            do {
                found = try TestSupport.envelopeProblems(bytes).map(\.description)
            } catch let error as X12Error {
                found = [error.description]
            }
            XCTAssertEqual(found, Self.expected[entry.file] ?? [], entry.file)
        }
    }

    func testValidFilesRoundTripByteForByte() throws {
        for entry in try Corpus.entries() where entry.validity != .invalid {
            let bytes = try Corpus.bytes(entry.file)
            guard (try? RoundTrip.segments(bytes)) != nil else {
                // Unknown-validity files the reader rejects (malformed ISA) are covered by the test above.
                XCTAssertEqual(entry.validity, .unknown, entry.file)
                continue
            }
            assertRoundTrip(bytes, entry.file)
        }
    }

    func testInvalidFilesAreRejectedWithAPosition() throws {
        for entry in try Corpus.entries() where entry.validity == .invalid {
            let bytes = try Corpus.bytes(entry.file)
            let problems: [X12Error]
            do {
                problems = try TestSupport.envelopeProblems(bytes)
            } catch let error as X12Error {
                problems = [error]
            }
            // Faults beyond the envelope (IG rules) are the validator's; every other one is positioned here.
            if problems.isEmpty { continue }
            for problem in problems {
                XCTAssertTrue(problem.position.segmentIndex != nil || problem.position.byteOffset == 0, entry.file)
            }
        }
    }
}
