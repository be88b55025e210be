import Foundation
import X12
import X12Acknowledgments
import X12Matching

/// Paths shared by the matching tests.
enum MatchingTestSupport {
    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Fixtures/<folder>/<name>`.
    static func fixture(_ folder: String, _ name: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(folder).appendingPathComponent(name).path
    }

    /// The bytes of `Fixtures/<folder>/<name>`.
    static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture(folder, name))))
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
