import Foundation
import X12
import X12Acknowledgments
import XCTest

/// Paths and shortcuts shared by the acknowledgment tests.
enum AckTestSupport {
    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shared corpus: `<root>/../shared/corpus`, else `/work/shared/corpus`.
    static var corpus: URL {
        let sibling = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        if FileManager.default.fileExists(atPath: sibling.path) { return sibling }
        return URL(fileURLWithPath: "/work/shared/corpus")
    }

    /// `Fixtures/acks/<name>`.
    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Fixtures/acks").appendingPathComponent(name).path
    }

    /// A corpus file path, skipping the test when the corpus is not on this machine.
    static func corpusFile(_ relative: String) throws -> String {
        let path = corpus.appendingPathComponent(relative).path
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "corpus file \(relative) not found")
        return path
    }

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
