import Foundation
import X12
@testable import X12Claims
import XCTest
import X12TestSupport

final class ClaimDecoderTests: XCTestCase {
    func testGenerateThenDecodeGivesBackTheSameModel() throws {
        for name in ["example", "rules"] {
            let output = ClaimFixtures.build(try ClaimFixtures.batch(name))
            let bytes = try ClaimEncoder.encode(output.file)
            let decoded = try ClaimDecoder.decode(bytes)
            XCTAssertEqual(decoded.header, output.file.header, name)
            XCTAssertEqual(decoded.transactions.count, output.file.transactions.count, name)
            for (got, want) in zip(decoded.transactions, output.file.transactions) {
                XCTAssertEqual(got.submitter, want.submitter)
                XCTAssertEqual(got.receiver, want.receiver)
                for (gotGroup, wantGroup) in zip(got.billingProviders, want.billingProviders) {
                    XCTAssertEqual(gotGroup.provider, wantGroup.provider)
                    XCTAssertEqual(gotGroup.subscribers, wantGroup.subscribers)
                }
                XCTAssertEqual(got, want)
            }
            XCTAssertEqual(decoded, output.file, name)
            // And encoding the decoded model gives the same bytes.
            XCTAssertEqual(try ClaimEncoder.encode(decoded), bytes, name)
        }
    }

    func testDecodesTheDMEClaimWithOrderingProviderAndNPI() throws {
        let bytes = try FixtureFiles.bytes("claims/example.837")
        let file = try ClaimDecoder.decode(bytes)
        let dme = try XCTUnwrap(file.transactions.last?.billingProviders.first)
        XCTAssertEqual(dme.provider.npi, "1345678902")
        let claim = try XCTUnwrap(dme.subscribers.first?.claims.first)
        XCTAssertEqual(claim.patientControlNumber, "V3001-2")
        XCTAssertEqual(claim.totalCharge, Decimal(string: "193.5"))
        XCTAssertEqual(claim.lines[1].procedureCode, "E0114")
        XCTAssertEqual(claim.lines[1].modifiers, ["NU"])
        XCTAssertEqual(claim.lines[1].orderingProvider?.address,
                       Address(line1: "4567 NORTHWEST CORNELIUS PASS RO", city: "HILLSBORO", state: "OR", zip: "97124"))
    }

    func testClaimChargeThatIsNotTheSumOfItsLinesIsRejectedWithItsPosition() throws {
        let text = try FixtureFiles.text("claims/example.837")
            .replacingOccurrences(of: "CLM*V1002*135***", with: "CLM*V1002*136***")
        XCTAssertThrowsError(try ClaimDecoder.decode(Array(text.utf8))) { error in
            let failure = error as? X12Error
            XCTAssertEqual(failure?.kind, .invalidValue)
            XCTAssertEqual(failure?.position.segmentId, "CLM")
            XCTAssertEqual(failure?.position.elementPosition, 2)
            // CLM*V1002 is segment 42 of the file (ISA = 1).
            XCTAssertEqual(failure?.position.segmentIndex, 42)
            XCTAssertEqual(failure?.message, "CLM02 136 is not the sum of the claim's SV102 (135)")
        }
    }

    func testDecodesACorpus837() throws {
        let file = try ClaimDecoder.decode(try Corpus.bytes("837p/stupidedi-anesthesia.x12"))
        XCTAssertFalse(file.transactions.isEmpty)
        XCTAssertFalse(file.transactions[0].claims.isEmpty)
    }

    func testEveryCorpus837DecodesOrFailsWithAnError() throws {
        let files = try Corpus.entries(kind: "837p").map(\.file)
        XCTAssertEqual(files.count, 13)
        var decoded = 0
        for file in files {
            let bytes = try Corpus.bytes(file)
            do {
                let claims = try ClaimDecoder.decode(bytes)
                decoded += claims.transactions.count
            } catch {
                XCTAssertFalse(error.message.isEmpty, file)
            }
        }
        XCTAssertGreaterThan(decoded, 0)
    }
}

/// DTP*472*RD8 (a range of service dates, common for DME rentals and weekly home services) decodes to the
/// line's first and last day and encodes back to the same segment; a reversed range is refused where it is.
final class ServiceDateRangeTests: XCTestCase {
    func testRangeDecodesAndEncodesBack() throws {
        let file = try ClaimDecoder.decode(try Corpus.bytes("837p/stupidedi-sample-10b.x12"))
        let lines = file.transactions.flatMap { $0.claims.flatMap(\.lines) }
        XCTAssertEqual(lines.count, 6)
        XCTAssertEqual(lines.map(\.serviceDate.description), Array(repeating: "2004-02-01", count: 6))
        XCTAssertEqual(lines.map { $0.serviceEndDate?.description }, Array(repeating: "2004-02-07", count: 6))
        let encoded = String(decoding: try ClaimEncoder.encode(file), as: UTF8.self)
        XCTAssertEqual(encoded.components(separatedBy: "DTP*472*RD8*20040201-20040207~").count - 1, 6)
    }

    func testOneDayRangeIsOneDateAndAReversedRangeIsRefused() throws {
        let text = try Corpus.text("837p/stupidedi-sample-10b.x12")
        let oneDay = try ClaimDecoder.decode(Array(text.replacingOccurrences(of: "20040201-20040207", with: "20040203-20040203").utf8))
        let line = try XCTUnwrap(oneDay.transactions.first?.claims.first?.lines.first)
        XCTAssertEqual(line.serviceDate.description, "2004-02-03")
        XCTAssertNil(line.serviceEndDate)
        XCTAssertThrowsError(try ClaimDecoder.decode(Array(text.replacingOccurrences(of: "20040201-20040207", with: "20040207-20040201").utf8))) { error in
            let x12 = error as? X12Error
            XCTAssertEqual(x12?.position.segmentIndex, 26)
            XCTAssertEqual(x12?.position.elementPosition, 3)
        }
    }
}
