import Foundation
import X12
@testable import X12Claims
@testable import X12Ledger
import X12TestSupport
import XCTest

/// K1: `generate --ledger` warns when a Medicare patient's therapy charges of the year pass the KX threshold and the
/// case has no KX flag, and never changes the claim. Prior charges: S1001 (PT1, MBI 1EG4TE5MK73) 285.00 of therapy
/// lines in January 2024 (Fixtures/cob).
final class KXThresholdTests: XCTestCase {
    private let options = ClaimBuilder.Options(controlNumber: 502, date: InterchangeSettings.parseDate("2024-03-01T10:00") ?? Date())

    private func batch() throws -> BillingBatch { try BillingBatch.decode(from: Data(try FixtureFiles.bytes("cob/batch.json"))) }

    private func ledgerWithFirstRun() throws -> Ledger {
        let ledger = try LedgerFixtures.emptyLedger()
        let first = try batch()
        let output = ClaimBuilder(batch: first).build(options: .init(controlNumber: 501, date: options.date))
        try ledger.recordSubmission(bytes: try ClaimEncoder.encode(output.file), path: "primary.837",
                                    screened: ScreenedBatch(output: output, alreadySubmitted: [], changed: []))
        return ledger
    }

    /// A later batch: PT1 (Medicare, no KX flag) on 2024-02-26 with 2,100.00 of 97110, and PT2 (Aetna) with the same.
    private func laterBatch(kx: Bool = false) throws -> BillingBatch {
        var later = try batch()
        later.visits = [
            Visit(id: "S1002", caseId: "C1", dateOfService: CalendarDate(verifiedYear: 2024, month: 2, day: 26), diagnoses: ["M54.16"],
                  charges: [Charge(code: "97110", units: 4, amount: 2100)]),
            Visit(id: "S2002", caseId: "C2", dateOfService: CalendarDate(verifiedYear: 2024, month: 2, day: 26), diagnoses: ["S83.511A"],
                  charges: [Charge(code: "97110", units: 4, amount: 2100)]),
        ]
        if kx, let index = later.cases.firstIndex(where: { $0.id == "C1" }) { later.cases[index].kxModifier = true }
        return later
    }

    func testThresholdTableHasTheDocumentedYears() {
        XCTAssertEqual(KXThreshold.amount(for: 2024), Decimal(2330))
        XCTAssertEqual(KXThreshold.amount(for: 2023), Decimal(2230))
        XCTAssertNil(KXThreshold.amount(for: 1999))
    }

    func testPassingTheThresholdIsAWarningAndTheClaimIsUnchanged() throws {
        let ledger = try ledgerWithFirstRun()
        let later = try laterBatch()
        let screened = try ledger.screen(later, options: options)
        // 285.00 earlier + 2,100.00 now = 2,385.00 > 2,330.00; the Aetna patient is not Medicare.
        XCTAssertEqual(screened.output.report.warnings.filter { $0.hasSuffix("(K1)") }, [
            "visit S1002: Medicare patient 1EG4TE5MK73 has 2385.00 of therapy charges billed in 2024, past the 2024 KX threshold 2330.00, "
                + "and case C1 has no KX flag: S1002 goes out without KX (K1)",
        ])
        let plain = ClaimBuilder(batch: later).build(options: options)
        XCTAssertEqual(try ClaimEncoder.encode(screened.output.file), try ClaimEncoder.encode(plain.file))
    }

    func testUnderTheThresholdOrWithTheKXFlagThereIsNoWarning() throws {
        let ledger = try ledgerWithFirstRun()
        var under = try laterBatch()
        under.visits[0].charges[0].amount = 2045 // 285 + 2,045 = 2,330.00: at the threshold, not past it
        XCTAssertFalse(try ledger.screen(under, options: options).output.report.warnings.contains { $0.hasSuffix("(K1)") })
        let flagged = try laterBatch(kx: true)
        XCTAssertFalse(try ledger.screen(flagged, options: options).output.report.warnings.contains { $0.hasSuffix("(K1)") })
    }
}
