import Foundation
import X12
import X12Claims
@testable import X12Ledger
import X12TestSupport

/// The fixed clock and a ledger fed with the end-to-end scenario (files come from ``FixtureFiles``).
enum LedgerFixtures {
    /// 2024-03-01 12:00 UTC: 41 days after the 2024-01-20 submission.
    static let today: Date = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        return calendar.date(from: DateComponents(year: 2024, month: 3, day: 1, hour: 12)) ?? Date(timeIntervalSince1970: 0)
    }()

    /// A new empty ledger in a fresh temporary directory.
    static func emptyLedger() throws -> Ledger {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("x12-ledger-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try Ledger(path: directory.appendingPathComponent("ledger.sqlite").path, clock: { today })
    }

    /// The example batch generated as `x12 generate --control-number 101 --date 2024-01-20T10:30` does.
    static func generatedExample() throws -> (bytes: [UInt8], report: BatchReport) {
        let batch = try BillingBatch.decode(from: Data(try FixtureFiles.bytes("batches/example.json")))
        let date = InterchangeSettings.parseDate("2024-01-20T10:30") ?? Date()
        let output = ClaimBuilder(batch: batch).build(options: .init(controlNumber: 101, date: date))
        return (try ClaimEncoder.encode(output.file), output.report)
    }

    /// generate → 999 → 277CA → 835, all recorded.
    static func scenarioLedger() throws -> Ledger {
        let ledger = try emptyLedger()
        let example = try generatedExample()
        try ledger.recordSubmission(bytes: example.bytes, path: "claims.837", report: example.report)
        try ledger.importAcknowledgments(bytes: try FixtureFiles.bytes("ledger/claims.999"), path: "claims.999")
        try ledger.importAcknowledgments(bytes: try FixtureFiles.bytes("ledger/claims.277"), path: "claims.277")
        try ledger.importRemittance(bytes: try FixtureFiles.bytes("ledger/payments.835"), path: "payments.835")
        return ledger
    }
}
