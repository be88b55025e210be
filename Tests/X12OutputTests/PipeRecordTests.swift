import Foundation
import X12
import X12Output
import X12Remittance
import X12TestSupport
import XCTest

/// Pipe records: the envelope in front of a claim payment written the direct way and the `Codable` way gives the
/// same bytes, the plain record is untouched, and a diagnostic carries every position field.
final class PipeRecordTests: XCTestCase {
    private func firstRemittance() throws -> (Remittance, RemittanceClaim) {
        let decoder = try RemittanceDecoder(path: FixtureFiles.url("remit").appendingPathComponent("multiple-payments.835").path)
        var header: Remittance?
        while let event = try decoder.nextEvent() {
            switch event {
            case .header(let remittance): header = remittance
            case .claim(let claim): return (try XCTUnwrap(header), claim)
            case .trailer: continue
            }
        }
        throw XCTSkip("no claim")
    }

    func testEnvelopedClaimPaymentIsWrittenLikeCodableAndKeepsThePlainRecordAfterIt() throws {
        let (remittance, claim) = try firstRemittance()
        let plain = RemittanceClaimRecord(remittance: remittance, claim: claim)
        let piped = RemittanceClaimRecord(remittance: remittance, claim: claim, source: "in/a.835")
        for pretty in [false, true] {
            var direct = JSONWriter(pretty: pretty)
            direct.value(piped)
            var coded = JSONWriter(pretty: pretty)
            try coded.encode(piped)
            XCTAssertEqual(String(decoding: direct.bytes, as: UTF8.self), String(decoding: coded.bytes, as: UTF8.self))
        }
        var plainWriter = JSONWriter(pretty: false)
        plainWriter.value(plain)
        var pipedWriter = JSONWriter(pretty: false)
        pipedWriter.value(piped)
        let plainText = String(decoding: plainWriter.bytes, as: UTF8.self)
        XCTAssertEqual(String(decoding: pipedWriter.bytes, as: UTF8.self),
                       #"{"recordType":"claimPayment","schemaVersion":1,"source":"in/a.835","interchangeControlNumber":"000000201","groupControlNumber":"11","#
                       + plainText.dropFirst())
        XCTAssertTrue(plainText.hasPrefix(#"{"transactionSetControlNumber":"0001","traceNumber":"CHK5001","#))
    }

    func testRemittanceWriterWritesTheEnvelopeOnlyWithASource() throws {
        let (remittance, claim) = try firstRemittance()
        var header = remittance
        header.claims = []
        for source in [nil, "x.835"] {
            var writer = RemittanceWriter(format: .ndjson, source: source)
            _ = try writer.write(.header(header))
            let line = String(decoding: try writer.write(.claim(claim)), as: UTF8.self)
            XCTAssertEqual(line.hasPrefix(#"{"recordType":"claimPayment","schemaVersion":1,"source":"x.835","#), source != nil, line)
            XCTAssertTrue(line.hasSuffix("}\n"))
        }
    }

    func testDiagnosticRecordCarriesEveryPositionField() throws {
        let error = X12Error(.invalidValue, at: Position(byteOffset: 374, line: 13, segmentIndex: 13, segmentId: "CLP",
                                                        transactionSegmentIndex: 11, elementPosition: 3, componentPosition: 2),
                             "CLP03 'a\"b' is not a decimal amount")
        let record = PipeDiagnosticRecord(source: "b.835", error: error, interchangeControlNumber: "000000401",
                                          groupControlNumber: "31", transactionSetControlNumber: "0001")
        XCTAssertEqual(String(decoding: try JSONDocument.compact(record), as: UTF8.self), """
            {"recordType":"diagnostic","schemaVersion":1,"source":"b.835","interchangeControlNumber":"000000401",\
            "groupControlNumber":"31","transactionSetControlNumber":"0001","severity":"error","kind":"invalidValue",\
            "message":"CLP03 'a\\"b' is not a decimal amount","byteOffset":374,"line":13,"segmentIndex":13,"segmentId":"CLP",\
            "transactionSegmentIndex":11,"elementPosition":3,"componentPosition":2}

            """)
        XCTAssertEqual(PipeEnvelope.schemaVersion, 1)
    }
}
