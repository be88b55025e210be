import Foundation
import X12
import X12Claims
import X12TestSupport
import XCTest

/// Inputs the libFuzzer targets Fuzz/BatchFuzz.swift and Fuzz/ClaimFuzz.swift found, kept in Fixtures/fuzz,
/// fed to the API that failed on them.
final class ClaimsFuzzRegressionTests: XCTestCase {
    private static func fuzzFixture(_ name: String) throws -> Data {
        try FixtureFiles.data("fuzz/\(name)")
    }

    /// batch-1: a receiver id of 9 characters whose two invalid UTF-8 bytes read as U+FFFD (3 bytes each),
    /// 15 bytes over all. The batch check counted characters and let it through; ClaimEncoder then refused
    /// the ISA. It is now refused at decoding, with its JSON path.
    func testInterchangeIdLongerThan15BytesIsRefusedWhenDecoding() throws {
        XCTAssertThrowsError(try BillingBatch.decode(from: try Self.fuzzFixture("batch-1.json"))) { error in
            XCTAssertEqual((error as? BatchError)?.path, "interchange.receiverId")
        }
    }

    /// The same with a plain non-ASCII id (15 characters, 16 bytes), and the limit itself (15 bytes) accepted.
    func testInterchangeIdWidthIsCountedInBytes() throws {
        func batch(receiverId: String) -> Data {
            Data(("{\"interchange\":{\"senderId\":\"EPT\",\"receiverId\":\"\(receiverId)\"},"
                + "\"submitter\":{\"name\":\"Therapy\",\"id\":\"1\",\"contact\":{\"phone\":\"5\"}},"
                + "\"receiver\":{\"name\":\"Clearinghouse\",\"id\":\"\"},\"billingProvider\":{}}").utf8)
        }
        XCTAssertThrowsError(try BillingBatch.decode(from: batch(receiverId: "CLÉARINGHOUSE12"))) { error in
            XCTAssertEqual((error as? BatchError)?.path, "interchange.receiverId")
        }
        let accepted = try BillingBatch.decode(from: batch(receiverId: "CLEARINGHOUSE12"))
        XCTAssertEqual(accepted.interchange.receiverId, "CLEARINGHOUSE12")
        let output = ClaimBuilder(batch: accepted).build(options: .init(controlNumber: 1, date: Date(timeIntervalSince1970: 0)))
        XCTAssertNoThrow(try ClaimEncoder.encode(output.file))
    }

    /// batch-2: a payer named `rt : Oregon`. ':' is in the basic character set, so normalizing kept it, but it
    /// is the component separator: the claim was built and ClaimEncoder refused NM103. The visit is now a
    /// billing exception naming the delimiter, and what is built encodes.
    func testPayerNameWithADelimiterIsABillingException() throws {
        let batch = try BillingBatch.decode(from: try Self.fuzzFixture("batch-2.json"))
        let output = ClaimBuilder(batch: batch).build(options: .init(controlNumber: 1, date: Date(timeIntervalSince1970: 0)))
        XCTAssertNoThrow(try ClaimEncoder.encode(output.file))
        XCTAssertTrue(output.report.totals.balances)
        let reasons = output.report.billingExceptions.flatMap(\.reasons)
        XCTAssertTrue(reasons.contains { $0.contains("name 'RT : OREGON' contains the delimiter ':'") }, "\(reasons)")
    }

    /// batch-3: a receiver id `~CLEARHOUSE01`. It was written into NM109 and ClaimEncoder refused it; it is
    /// now refused at decoding, with its JSON path.
    func testReceiverIdWithADelimiterIsRefusedWhenDecoding() throws {
        XCTAssertThrowsError(try BillingBatch.decode(from: try Self.fuzzFixture("batch-3.json"))) { error in
            XCTAssertEqual((error as? BatchError)?.path, "receiver.id")
        }
    }

    /// batch-4 (the fuzzer's finding, rebuilt on the example batch): a claim filing indicator `C:I` reached SBR09
    /// and ClaimEncoder refused the whole 837. The payer's visits are now billing exceptions naming the
    /// delimiter; the other payers' claims are built and encode.
    func testClaimFilingCodeWithADelimiterIsABillingException() throws {
        let batch = try BillingBatch.decode(from: try Self.fuzzFixture("batch-4.json"))
        let output = ClaimBuilder(batch: batch).build(options: .init(controlNumber: 1, date: Date(timeIntervalSince1970: 0)))
        XCTAssertNoThrow(try ClaimEncoder.encode(output.file))
        XCTAssertTrue(output.report.totals.balances)
        XCTAssertFalse(output.report.claims.contains { $0.payerId == "AET" })
        XCTAssertTrue(output.report.claims.contains { $0.payerId == "MCR" })
        let reasons = output.report.billingExceptions.flatMap(\.reasons)
        XCTAssertTrue(reasons.contains("payer AET: claimFilingCode 'C:I' contains the delimiter ':'"), "\(reasons)")
    }
}
