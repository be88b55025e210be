import Foundation
import X12
import X12TestSupport
import XCTest

final class SegmentReaderTests: XCTestCase {
    func testReadsDelimitersFromTheISA() throws {
        let segments = try TestSupport.segments(TestSupport.interchange())
        XCTAssertEqual(segments.map(\.id), ["ISA", "GS", "ST", "BHT", "SE", "GE", "IEA"])
        XCTAssertEqual(segments[0].delimiters, Delimiters.standard)
        XCTAssertEqual(segments[3][1], "0019")
        XCTAssertEqual(segments[3].position.segmentIndex, 4)
        XCTAssertEqual(segments[3].position.byteOffset, 106 + 53 + 25)
    }

    func testEveryDelimiterSetSeenInTheCorpus() throws {
        // (element, component, repetition, terminator) as found in Fixtures/corpus.
        let sets: [(String, String, String, String)] = [("*", ":", "^", "~"), ("*", ">", "|", "~"), ("*", ">", "^", "~"),
                                                         ("~", ":", "^", "_"), (">", "+", "^", "\r"), ("|", ">", "^", "~")]
        for (element, component, repetition, terminator) in sets {
            let text = TestSupport.interchange(element: element, component: component, repetition: repetition, terminator: terminator,
                                               body: ["SV1*HC\(component)97110\(component)GP*120*UN*2"])
            let segments = try TestSupport.segments(text)
            XCTAssertEqual(segments.map(\.id), ["ISA", "GS", "ST", "SV1", "SE", "GE", "IEA"], "\(element)\(terminator)")
            XCTAssertEqual(segments[3].element(1)?.components, ["HC", "97110", "GP"])
            XCTAssertEqual(segments[3][1, 2], "97110")
            XCTAssertEqual(segments[3][4], "2")
            assertRoundTrip(Array(text.utf8))
        }
    }

    func testCRLFAfterTerminatorsIsKeptAsTrivia() throws {
        let text = TestSupport.interchange(lineBreak: "\r\n")
        let segments = try TestSupport.segments(text)
        XCTAssertEqual(segments.count, 7)
        XCTAssertEqual(Array(segments[1].trailingTrivia), [0x0D, 0x0A])
        XCTAssertEqual(segments[2].position.line, 3)
        assertRoundTrip(Array(text.utf8))
    }

    func testNewlineAsTerminator() throws {
        let text = TestSupport.interchange(terminator: "\n")
        let segments = try TestSupport.segments(text)
        XCTAssertEqual(segments.map(\.id), ["ISA", "GS", "ST", "BHT", "SE", "GE", "IEA"])
        XCTAssertEqual(segments[0].delimiters.segment, 0x0A)
        XCTAssertEqual(segments[4].position.line, 5)
        XCTAssertEqual(try TestSupport.envelopeProblems(Array(text.utf8)), [])
    }

    func testByteOrderMarkAndLeadingWhitespaceAreSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x20, 0x0A] + Array(TestSupport.interchange().utf8)
        let segments = try RoundTrip.segments(bytes)
        XCTAssertEqual(segments.first?.id, "ISA")
        XCTAssertEqual(segments.first?.leadingTrivia.count, 5)
        XCTAssertEqual(segments.first?.position.byteOffset, 5)
        assertRoundTrip(bytes)
    }

    func testSeveralInterchangesWithTheirOwnDelimiters() throws {
        let text = TestSupport.interchange(lineBreak: "\n") + TestSupport.interchange(element: "|", component: ">", terminator: "\n")
        let segments = try TestSupport.segments(text)
        XCTAssertEqual(segments.count, 14)
        XCTAssertEqual(segments[7].delimiters.element, UInt8(ascii: "|"))
        XCTAssertEqual(segments[10][1], "0019")
        XCTAssertEqual(try TestSupport.envelopeProblems(Array(text.utf8)), [])
    }

    func testTruncatedFileIsAPositionedError() throws {
        var text = TestSupport.interchange()
        text.removeLast(30)  // cuts into "GE*1*1~IEA*1*000000001~"
        let error = TestSupport.thrownError { _ = try TestSupport.segments(text) }
        XCTAssertEqual(error?.kind, .truncatedSegment)
        XCTAssertEqual(error?.description, "segment 5 (SE): the input ends inside segment SE: no segment terminator '~'")
    }

    func testFinalIEAWithoutTerminatorIsAccepted() throws {
        var text = TestSupport.interchange()
        text.removeLast()
        let segments = try TestSupport.segments(text)
        XCTAssertEqual(segments.last?.id, "IEA")
        XCTAssertEqual(segments.last?.isTerminated, false)
        assertRoundTrip(Array(text.utf8))
    }

    func testISAOfWrongLength() throws {
        let short = TestSupport.interchange().replacingOccurrences(of: "SENDER         ", with: "SENDER")
        let error = TestSupport.thrownError { _ = try TestSupport.segments(short) }
        XCTAssertEqual(error?.kind, .malformedInterchangeHeader)
        XCTAssertEqual(error?.position.elementPosition, 6)
        XCTAssertEqual(error?.message,
                       "ISA is not fixed width: ISA06 must be exactly 15 characters, found 6; the ISA must be 106 bytes with every field padded")
    }

    /// A file that ends inside the ISA says so, with the length it has and the length an ISA needs.
    func testTruncatedISASaysItIsTruncated() throws {
        for length in [4, 50, 105] {
            let text = String(TestSupport.interchange().prefix(length))
            let error = TestSupport.thrownError { _ = try TestSupport.segments(text) }
            XCTAssertEqual(error?.kind, .malformedInterchangeHeader)
            XCTAssertEqual(error?.description, "segment 1 (ISA): ISA is truncated: \(length) bytes, an ISA segment is 106")
            XCTAssertEqual(error?.position.byteOffset, 0)
        }
    }

    func testISAWithClashingDelimiters() throws {
        let text = TestSupport.interchange(component: "~")
        let error = TestSupport.thrownError { _ = try TestSupport.segments(text) }
        XCTAssertEqual(error?.kind, .malformedInterchangeHeader)
        XCTAssertEqual(error?.message, "unusable delimiters in ISA: delimiters must be distinct, got '*~^~'")
    }

    func testEmptyAndWhitespaceOnlyInput() throws {
        for input in ["", "  \n\r\n"] {
            let error = TestSupport.thrownError { _ = try TestSupport.segments(input) }
            XCTAssertEqual(error?.kind, .emptyInput)
        }
    }

    func testBinaryGarbage() throws {
        let garbage: [UInt8] = [0x00, 0xFF, 0x13, 0x37, 0x89, 0x50, 0x4E, 0x47]
        let error = TestSupport.thrownError { _ = try RoundTrip.segments(garbage) }
        XCTAssertEqual(error?.kind, .missingInterchangeHeader)
        XCTAssertEqual(error?.message, "the input does not start with an ISA segment (found '??\u{13}7?PNG')".replacingOccurrences(of: "\u{13}", with: "?"))
    }

    func testEmptyElementsKeepTheirPositions() throws {
        let segments = try TestSupport.segments(TestSupport.interchange(body: ["NM1*IL*1*DOE*JOHN****MI*123", "REF*EA**X"]))
        let name = segments[3]
        XCTAssertEqual(name.elementCount, 9)
        XCTAssertEqual(name[5], "")
        XCTAssertTrue(name.element(5)?.isEmpty ?? false)
        XCTAssertEqual(name[9], "123")
        XCTAssertNil(name.element(10))
        XCTAssertEqual(segments[4][2], "")
        XCTAssertEqual(segments[4][3], "X")
    }

    func testTrailingWhitespaceAfterTheLastInterchange() throws {
        let text = TestSupport.interchange(lineBreak: "\n") + "   \n\t\n"
        let segments = try TestSupport.segments(text)
        XCTAssertEqual(segments.count, 7)
        XCTAssertEqual(String(decoding: segments[6].trailingTrivia, as: UTF8.self), "\n   \n\t\n")
        assertRoundTrip(Array(text.utf8))
    }

    func testGarbageAfterIEA() throws {
        let text = TestSupport.interchange() + "HELLO WORLD~"
        let problems = try TestSupport.envelopeProblems(Array(text.utf8))
        XCTAssertEqual(problems.map(\.kind), [.invalidSegmentId, .dataAfterInterchange])
        XCTAssertEqual(problems.last?.description, "segment 8 (HELLO WO): unexpected HELLO WORLD after IEA: only another ISA may follow an interchange")
        let unterminated = TestSupport.interchange() + "JUNK"
        let error = TestSupport.thrownError { _ = try TestSupport.segments(unterminated) }
        XCTAssertEqual(error?.kind, .dataAfterInterchange)
    }

    func testRepetitionSeparator() throws {
        let segments = try TestSupport.segments(TestSupport.interchange(body: ["HI*ABK:M545^ABF:R262"]))
        XCTAssertEqual(segments[3].element(1)?.repetitions.map(\.text), ["ABK:M545", "ABF:R262"])
        let old = TestSupport.interchange(repetition: "U", body: ["HI*ABK:M545^ABF:R262"]).replacingOccurrences(of: "00501", with: "00401")
        let segments4010 = try TestSupport.segments(old)
        XCTAssertNil(segments4010[0].delimiters.repetition)
        XCTAssertEqual(segments4010[3].element(1)?.repetitions.count, 1)
    }

    func testStreamsAcrossChunkBoundaries() throws {
        let text = TestSupport.interchange(lineBreak: "\r\n", body: (1...200).map { "LX*\($0)" })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(UUID().uuidString).x12")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try SegmentReader(path: url.path, chunkSize: 128)
        var streamed: [String] = []
        var raw: [UInt8] = []
        while let segment = try reader.next() {
            streamed.append(segment.text)
            raw += segment.rawBytes
        }
        XCTAssertEqual(streamed, try TestSupport.segments(text).map(\.text))
        XCTAssertEqual(raw, Array(text.utf8))
    }

    func testCorpusFilesStreamTheSameAtAnyChunkSize() throws {
        let files = try Corpus.entries().map(\.file)
        XCTAssertEqual(files.count, 37)
        for file in files {
            let path = Corpus.path(file)
            let whole = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            let expected = try? RoundTrip.segments(whole).map { [$0.text, "\($0.position)", "\($0.position.line)"] }
            for chunk in [128, 131, 200, 509] {
                let reader = try SegmentReader(path: path, chunkSize: chunk)
                var streamed: [[String]] = []
                var raw: [UInt8] = []
                do {
                    while let segment = try reader.next() {
                        streamed.append([segment.text, "\(segment.position)", "\(segment.position.line)"])
                        raw += segment.rawBytes
                    }
                    XCTAssertEqual(streamed, expected, "\(file) chunk \(chunk)")
                    XCTAssertEqual(raw, whole, "\(file) chunk \(chunk)")
                } catch {
                    XCTAssertNil(expected, "\(file) chunk \(chunk): \(error)")
                }
            }
        }
    }

    /// `EnvelopeReader` takes segments from the reader a chunk at a time: every corpus file gives the same
    /// items (sets with their segments and problems, envelope problems, TA1s, and where it stops) at any
    /// chunk size as from memory.
    func testCorpusFilesGiveTheSameTransactionSetsAtAnyChunkSize() throws {
        func items(_ reader: SegmentReader) -> [String] {
            let envelopes = EnvelopeReader(reader)
            var result: [String] = []
            do {
                while let item = try envelopes.next() {
                    switch item {
                    case .transactionSet(let set):
                        result.append("set \(set.header.controlNumber) \(set.segments.map { "\($0.text)@\($0.position)" }) \(set.problems)")
                    case .interchangeAcknowledgment(let segment, let interchange):
                        result.append("TA1 \(segment.text) in \(interchange.controlNumber)")
                    case .problem(let error):
                        result.append("problem \(error)")
                    }
                }
            } catch {
                result.append("thrown \(error); open \(envelopes.unfinishedTransactionSet?.segments.count ?? -1)")
            }
            return result
        }
        let files = try Corpus.entries().map(\.file)
        XCTAssertEqual(files.count, 37)
        for file in files {
            let path = Corpus.path(file)
            let expected = items(SegmentReader(bytes: try Array(Data(contentsOf: URL(fileURLWithPath: path)))))
            XCTAssertFalse(expected.isEmpty, file)
            for chunk in [128, 131, 509] {
                XCTAssertEqual(items(try SegmentReader(path: path, chunkSize: chunk)), expected, "\(file) chunk \(chunk)")
            }
        }
    }

    func testUnreadableFile() {
        let error = TestSupport.thrownError { _ = try SegmentReader(path: "/nonexistent/file.x12") }
        XCTAssertEqual(error?.kind, .unreadable)
    }
}
