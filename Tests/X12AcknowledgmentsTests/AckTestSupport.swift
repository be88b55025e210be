import Foundation
import X12
import X12Acknowledgments
import XCTest

/// Decoding shortcuts shared by the acknowledgment tests (files come from ``FixtureFiles`` and ``Corpus``).
enum AckTestSupport {
    /// Decodes every acknowledgment in the files.
    static func decode(_ paths: [String]) throws -> AckDecoder {
        var decoder = AckDecoder()
        for path in paths { decoder.read(try SegmentReader(path: path), file: URL(fileURLWithPath: path).lastPathComponent) }
        return decoder
    }

    /// The problems as `file:segment N (ID) element M: message` lines.
    static func lines(_ problems: [AckReport.Problem]) -> [String] {
        problems.map(\.description)
    }
}
