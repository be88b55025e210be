import Foundation
import X12
import X12Output
import X12Remittance
import X12TestSupport
import XCTest

/// Inputs the libFuzzer targets (Fuzz/RemittanceFuzz.swift) found, kept in Fixtures/fuzz, each fed to the
/// API that failed on it.
final class RemittanceFuzzRegressionTests: XCTestCase {
    private static func fuzzFixture(_ name: String) throws -> [UInt8] {
        try FixtureFiles.bytes("fuzz/\(name)")
    }

    /// Streams `bytes` through a decoder and a writer as `x12 remit` does: a decoder error ends the events
    /// and goes into the closing errors.
    private func write(_ bytes: [UInt8], _ format: RemittanceFormat) throws -> (output: [UInt8], fatal: X12Error?) {
        let decoder = RemittanceDecoder(reader: SegmentReader(bytes: bytes))
        var writer = RemittanceWriter(format: format)
        var summary = RemittanceSummary()
        var output = writer.begin()
        var fatal: X12Error?
        while true {
            let event: RemittanceEvent?
            do {
                event = try decoder.nextEvent()
            } catch {
                fatal = error
                break
            }
            guard let event else { break }
            summary.add(event)
            output += try writer.write(event)
        }
        let errors = decoder.problems + (fatal.map { [RemittanceProblem($0)] } ?? [])
        output += try writer.finish(errors: errors, summary: summary, matching: nil)
        return (output, fatal)
    }

    private func jsonObject(_ output: [UInt8]) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output)) as? [String: Any])
    }

    /// remit-1: `ST*835~CLP~9` and the end of the input inside a segment. The decoder hands out the header
    /// (at the unreadable CLP), then throws; the JSON document was left with the transaction open.
    func testInputEndingInsideATransactionSetStillWritesJSON() throws {
        let (output, fatal) = try write(try Self.fuzzFixture("remit-1.bin"), .json)
        XCTAssertNotNil(fatal)
        let report = try jsonObject(output)
        let transactions = try XCTUnwrap(report["transactions"] as? [[String: Any]])
        XCTAssertEqual(transactions.count, 1)
        XCTAssertEqual((transactions[0]["claims"] as? [Any])?.count, 0)
        // The decoder's envelope problem (the ISA's binary id) and the truncation that ended the input.
        XCTAssertEqual((report["errors"] as? [Any])?.count, 2)
    }

    /// The same cut after whole claims: the claims handed out stay in the open transaction, counted in its
    /// totals. (The claim open at the cut, PCN2, is not handed out by the decoder.)
    func testClaimsBeforeTheCutStayInTheJSON() throws {
        let text = """
            ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*PTCLINIC       *240315*1200*^*00501*000000001*0*P*:~\
            GS*HP*ACMEPAYER*PTCLINIC*20240315*1200*1*X*005010X221A1~ST*835*0001~\
            BPR*I*160.00*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20240315~\
            TRN*1*EFT1*1512345678~N1*PR*ACME HEALTH PLAN~N1*PE*PT CLINIC*XX*1234567893~LX*1~\
            CLP*PCN1*1*100*80*10*12*ICN1*11*1~SVC*HC:97110*100*80**1~CAS*CO*45*10~CAS*PR*2*10~\
            CLP*PCN2*1*100*80*10*12*ICN2*11*1~SVC*HC:97110*100*80**1~CAS*CO*45*10~CAS*PR*2*10~\
            CLP*PCN3*1*100*80
            """
        let (output, fatal) = try write(Array(text.utf8), .json)
        XCTAssertEqual(fatal?.kind, .truncatedSegment)
        let report = try jsonObject(output)
        let transaction = try XCTUnwrap((report["transactions"] as? [[String: Any]])?.first)
        let claims = try XCTUnwrap(transaction["claims"] as? [[String: Any]])
        // PCN2 was read whole before the cut: it is kept; PCN3's CLP is the cut itself.
        XCTAssertEqual(claims.map { $0["patientControlNumber"] as? String }, ["PCN1", "PCN2"])
        let totals = try XCTUnwrap(transaction["totals"] as? [String: Any])
        XCTAssertEqual(totals["claimCount"] as? Int, 2)
        XCTAssertEqual(totals["paidAmount"] as? String, "160.00")
        XCTAssertEqual((transaction["balance"] as? [Any])?.count, 0)
        for format in [RemittanceFormat.ndjson, .csv] {
            XCTAssertFalse(try write(Array(text.utf8), format).output.isEmpty, "\(format)")
        }
    }
}
