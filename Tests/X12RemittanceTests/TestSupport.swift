import Foundation
import X12
import X12Remittance
import XCTest

/// Paths and helpers shared by the remittance tests.
enum TestFiles {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shared corpus: `<packageRoot>/../shared/corpus`, else `/work/shared/corpus`.
    static var corpus: URL {
        let sibling = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        if FileManager.default.fileExists(atPath: sibling.path) { return sibling }
        return URL(fileURLWithPath: "/work/shared/corpus")
    }

    static func corpusFile(_ name: String) -> String { corpus.appendingPathComponent(name).path }
    static func fixture(_ name: String) -> String { packageRoot.appendingPathComponent("Fixtures/remit/\(name)").path }

    /// Every remittance in a file, with the decoder's outside problems.
    static func decode(_ path: String) throws -> (remittances: [Remittance], problems: [RemittanceProblem]) {
        let decoder = try RemittanceDecoder(path: path)
        var remittances: [Remittance] = []
        while let remittance = try decoder.next() { remittances.append(remittance) }
        return (remittances, decoder.problems)
    }

    /// Decodes a string holding one 835.
    static func decode(string: String) throws -> [Remittance] {
        let decoder = RemittanceDecoder(reader: SegmentReader(string: string))
        var remittances: [Remittance] = []
        while let remittance = try decoder.next() { remittances.append(remittance) }
        return remittances
    }
}
