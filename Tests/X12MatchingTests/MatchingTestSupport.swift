import Foundation
import X12
import X12Acknowledgments
import X12Matching
import X12TestSupport

/// Paths shared by the matching tests.
enum MatchingTestSupport {
    /// The package root.
    static let packageRoot = FixtureFiles.packageRoot

    /// `Fixtures/<folder>/<name>`.
    static func fixture(_ folder: String, _ name: String) -> String {
        FixtureFiles.path("\(folder)/\(name)")
    }

    /// The bytes of `Fixtures/<folder>/<name>`.
    static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        try FixtureFiles.bytes("\(folder)/\(name)")
    }

    /// `Fixtures/acks/<name>`.
    static func ackFixture(_ name: String) -> String {
        fixture("acks", name)
    }

    /// Decodes every acknowledgment in the files, matched to the claims of the 837 at `claims` when given.
    static func decodeAcknowledgments(_ paths: [String], claims: String? = nil) throws -> AckDecoder {
        let matching = try claims.map { AcknowledgmentMatcher(index: try SubmittedClaimIndex(path: $0)) }
        var decoder = AckDecoder(matching: matching)
        for path in paths { decoder.read(try SegmentReader(path: path), file: URL(fileURLWithPath: path).lastPathComponent) }
        return decoder
    }
}
