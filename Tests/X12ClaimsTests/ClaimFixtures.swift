import Foundation
import X12
@testable import X12Claims
import XCTest
import X12TestSupport

/// Fixture batches and the fixed envelope options that make their output deterministic.
enum ClaimFixtures {
    /// Control number and date used when the batch gives none (the golden files were made with these).
    static let defaultControlNumber = 101
    static let defaultDate = "2024-01-20T10:30"

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: FixtureFiles.url("batches/\(name).json"))
    }

    static func batch(_ name: String) throws -> BillingBatch {
        try BillingBatch.decode(from: data(name))
    }

    static func options(for batch: BillingBatch) -> ClaimBuilder.Options {
        let date = InterchangeSettings.parseDate(batch.interchange.date ?? defaultDate) ?? Date(timeIntervalSince1970: 0)
        return .init(controlNumber: batch.interchange.controlNumber ?? defaultControlNumber, date: date)
    }

    static func build(_ batch: BillingBatch) -> ClaimBuilder.Output {
        ClaimBuilder(batch: batch).build(options: options(for: batch))
    }

    /// The 837 text of a build, one segment a line.
    static func text(_ output: ClaimBuilder.Output) throws -> String {
        String(decoding: try ClaimEncoder.encode(output.file), as: UTF8.self)
    }

    /// The segments of one claim (CLM up to the next CLM, HL or SE), as text lines.
    static func claimSegments(_ text: String, id: String) -> [String] {
        let lines = text.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("CLM*\(id)*") }) else { return [] }
        var end = start + 1
        while end < lines.count, !lines[end].hasPrefix("CLM*"), !lines[end].hasPrefix("HL*"), !lines[end].hasPrefix("SE*") { end += 1 }
        return Array(lines[start..<end])
    }
}
