import Foundation
import X12
import X12TestSupport
import XCTest

/// Helpers shared by the core tests (files come from ``FixtureFiles`` and ``Corpus``).
enum TestSupport {
    /// Every segment of `text`, or the error that stopped reading.
    static func segments(_ text: String) throws -> [Segment] {
        try RoundTrip.segments(Array(text.utf8))
    }

    /// Envelope problems of a whole input (thrown reader errors propagate).
    static func envelopeProblems(_ bytes: [UInt8]) throws -> [X12Error] {
        var tracker = EnvelopeTracker()
        var problems: [X12Error] = []
        for segment in try RoundTrip.segments(bytes) { problems += tracker.consume(segment).map(\.error) }
        return problems + tracker.finish().map(\.error)
    }

    /// The error thrown by `body`, as an ``X12Error``.
    static func thrownError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> X12Error? {
        do {
            try body()
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let error as X12Error {
            return error
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
            return nil
        }
    }

    /// A minimal valid 5010 interchange with the given delimiters and body.
    static func interchange(element: String = "*", component: String = ":", repetition: String = "^", terminator: String = "~",
                            lineBreak: String = "", body: [String] = ["BHT*0019*00*1*20240101*1200*CH"]) -> String {
        let isa = ["ISA", "00", "          ", "00", "          ", "ZZ", "SENDER         ", "ZZ", "RECEIVER       ",
                   "240101", "1200", repetition, "00501", "000000001", "0", "T", component].joined(separator: element)
        var segments = [isa, ["GS", "HC", "SENDER", "RECEIVER", "20240101", "1200", "1", "X", "005010X222A1"].joined(separator: element),
                        ["ST", "837", "0001", "005010X222A1"].joined(separator: element)]
        segments += body.map { $0.replacingOccurrences(of: "*", with: element) }
        segments.append(["SE", String(body.count + 2), "0001"].joined(separator: element))
        segments.append(["GE", "1", "1"].joined(separator: element))
        segments.append(["IEA", "1", "000000001"].joined(separator: element))
        return segments.map { $0 + terminator + lineBreak }.joined()
    }
}
