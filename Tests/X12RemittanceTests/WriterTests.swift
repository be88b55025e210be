import Foundation
import X12
import X12Output
import X12Remittance
import XCTest
import X12TestSupport

final class WriterTests: XCTestCase {
    private func report(_ fixture: String) throws -> RemittanceReport {
        RemittanceReport(reader: try SegmentReader(path: FixtureFiles.path("remit/\(fixture)")))
    }

    func testStreamedJSONIsTheReport() throws {
        for fixture in ["reversal-plb.835", "multiple-payments.835", "unbalanced.835", "broken-claims.835"] {
            let expected = try report(fixture)
            let bytes = try RemittanceWriter.write(expected, format: .json)
            let decoded = try JSONDecoder().decode(RemittanceReport.self, from: Data(bytes))
            XCTAssertEqual(decoded, expected, fixture)
            // Foundation's encoder writes the same values (in another key order).
            let foundation = try JSONDecoder().decode(RemittanceReport.self, from: JSONEncoder().encode(expected))
            XCTAssertEqual(foundation, expected, fixture)
        }
    }

    func testJSONKeepsDeclarationOrderAndDecimalStrings() throws {
        let text = String(decoding: try RemittanceWriter.write(try report("multiple-payments.835"), format: .json), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("""
        {
          "transactions": [
            {
              "interchangeControlNumber": "000000201",
              "groupControlNumber": "11",
              "transactionSetControlNumber": "0001",
              "segmentIndex": 3,
              "paymentSegment": 2,
              "payment": {
                "amount": "300.00",
                "method": "CHK",
                "methodDescription": "Check",
                "date": "20240401",
                "traceNumber": "CHK5001",
        """), text)
        XCTAssertTrue(text.hasSuffix("""
          "errors": [],
          "summary": {
            "transactionCount": 3,
            "claimCount": 3,
            "serviceLineCount": 2,
            "paymentAmount": "300.00",
            "paidAmount": "300.00",
            "providerAdjustmentAmount": "0.00",
            "warningCount": 0,
            "errorCount": 0
          }
        }

        """), text)
    }

    func testEmptyFileReportIsValidJSON() throws {
        let empty = RemittanceReport(transactions: [], errors: [], summary: RemittanceSummary())
        let bytes = try RemittanceWriter.write(empty, format: .json)
        XCTAssertEqual(try JSONDecoder().decode(RemittanceReport.self, from: Data(bytes)), empty)
    }

    func testNDJSONIsOneClaimALineWithItsPayment() throws {
        let text = String(decoding: try RemittanceWriter.write(try report("reversal-plb.835"), format: .ndjson), as: UTF8.self)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines[0].hasPrefix(#"{"transactionSetControlNumber":"0001","traceNumber":"EFT000123","paymentDate":"20240315","payerIdentifier":"1512345678","payerName":"ACME HEALTH PLAN","payeeName":"PT CLINIC","payeeIdentifier":"1234567893","headerNumber":"1","patientControlNumber":"V100-1","status":"22","statusDescription":"Reversal of previous payment","chargeAmount":"-200.00","paidAmount":"-150.00","patientResponsibilityAmount":"-30.00""#))
        for line in lines {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["patientControlNumber", "status", "chargeAmount", "paidAmount", "payerClaimControlNumber", "adjustments", "lines"] {
                XCTAssertNotNil(object[key], key)
            }
        }
    }

    func testCSVRowsAndColumnOrder() throws {
        let text = String(decoding: try RemittanceWriter.write(try report("multiple-payments.835"), format: .csv), as: UTF8.self)
        let rows = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows[0], RemittanceCSV.header)
        XCTAssertEqual(RemittanceCSV.columns.count, 41)
        XCTAssertEqual(rows.count, 1 + 2 + 1 + 2)
        XCTAssertEqual(rows[1], "line,0001,CHK5001,20240401,300.00,1999999999,PAYER ONE,CLINIC ONE,999999999,A1,1,Processed as primary,"
                       + "100.00,80.00,20.00,P1,SMITH,ANN,,,,HC,99212,,100.00,80.00,1,,,,,PR-3 20.00,,,,,,,,,")
        XCTAssertEqual(rows[3], "claimAdjustment,0002,NONPAY77,20240401,0.00,1999999999,PAYER ONE,CLINIC ONE,999999999,A3,4,Denied,"
                       + "90.00,0.00,,P3,BROWN,CAL,,,,,,,,,,,,,,,,CO,29,90.00,,,,,")
        XCTAssertEqual(rows[5], "providerAdjustment,0003,FB2024,20240402,0.00,1999999999,PAYER ONE,CLINIC ONE,999999999,"
                       + ",,,,,,,,,,,,,,,,,,,,,,,,,WO,120.00,,ICN9,,,")
        for row in rows { XCTAssertEqual(row.split(separator: ",", omittingEmptySubsequences: false).count, 41, row) }
    }

    func testCSVQuotesFieldsWithCommasAndQuotes() throws {
        let text = String(decoding: try RemittanceWriter.write(try report("unbalanced.835"), format: .csv), as: UTF8.self)
        let rows = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(rows[1].hasSuffix(#","claim U1 line 99213: SVC02 300.00 - adjustments 95.00 = 205.00, but SVC03 is 210.00 (off by 5.00); claim U1: CLP03 300.00 - adjustments 95.00 = 205.00, but CLP04 is 200.00 (off by -5.00)""#), rows[1])
    }
}

extension WriterTests {
    func testJSONEscapesQuotesBackslashesAndControlCharacters() throws {
        var remittance = Remittance(interchangeControlNumber: "000000001", groupControlNumber: "1",
                                    transactionSetControlNumber: "0001", segmentIndex: 3)
        remittance.payer = RemittanceParty(name: "O\"BRIEN \\ SONS\tLLC\u{1}", identifierQualifier: nil, identifier: nil)
        let report = RemittanceReport(transactions: [remittance], errors: [], summary: RemittanceSummary())
        let bytes = try RemittanceWriter.write(report, format: .json)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains(#""name": "O\"BRIEN \\ SONS\tLLC\u0001""#), text)
        XCTAssertEqual(try JSONDecoder().decode(RemittanceReport.self, from: Data(bytes)), report)
    }
}
