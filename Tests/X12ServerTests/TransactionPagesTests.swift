import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
import X12
import X12Remittance
@testable import X12Server
import X12TestSupport
import X12Validation

/// The 835 payments section, the 999/277CA acknowledgment sections, and the JSON of the /api routes.
final class TransactionPagesTests: XCTestCase {
    private func application() throws -> some ApplicationProtocol {
        try InspectorServer.application(configuration: InspectorConfiguration(port: 0, specsDirectory: SpecLibrary.bundledDirectory))
    }

    private static func inspect(_ fixture: String, client: some TestClientProtocol) async throws -> String {
        let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: fixture, bytes: try FixtureFiles.bytes("serve/\(fixture)"))])
        let response = try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body)
        XCTAssertEqual(response.status, .ok)
        return String(buffer: response.body)
    }

    // MARK: 835

    func testPaymentPageShowsClaimsLinesAdjustmentsAndProviderAdjustments() async throws {
        try await application().test(.router) { client in
            let page = try await Self.inspect("payment-835.x12", client: client)
            XCTAssertTrue(page.contains("<span class=\"badge valid\" id=\"verdict\">VALID</span> 835 payment/remittance advice"))
            // 2 claims, 1 line, paid 100.00 + 0.00; BPR02 90 = 100 - PLB 10.
            XCTAssertTrue(page.contains("<p>1 payment · 2 claims · 1 service line · paid 100.00 · 0 balancing warnings · "))
            XCTAssertTrue(page.contains("<h3>Payment CHK10001 · 90.00 · "))
            // CLP is segment 16 of the file (ST is 3, CLP is position 14 in the set).
            XCTAssertTrue(page.contains("<tr class=\"claim\"><td class=\"mono\"><a href=\"#seg-16\">PCN1001</a></td><td>1 Processed as primary</td><td>RIVERA, ANA</td><td class=\"mono\">PAYERCLM1</td><td class=\"num\">150.00</td><td class=\"num\">100.00</td><td class=\"num\">20.00</td>"))
            XCTAssertTrue(page.contains("<a href=\"#seg-19\">97110:GP</a>"))
            XCTAssertTrue(page.contains(">CO-45 30.00</span><br><span title="))
            XCTAssertTrue(page.contains(">PR-2 20.00</span>"))
            XCTAssertTrue(page.contains(">4 Denied</td><td>LEE, SAM</td>"))
            XCTAssertTrue(page.contains(">CO-29 80.00</span>"))
            XCTAssertTrue(page.contains("<table class=\"grid plb\">"))
            XCTAssertTrue(page.contains("<td class=\"mono\">REF123</td><td class=\"num\">10.00</td>"))
            XCTAssertTrue(page.contains("<span class=\"badge valid\">BALANCED</span>"))
        }
    }

    func testPaymentPageOffersTheCSVOfRemit() async throws {
        try await application().test(.router) { client in
            let page = try await Self.inspect("payment-835.x12", client: client)
            let prefix = "<a id=\"csv-download\" download=\"payment-835.x12.csv\" href=\"data:text/csv;charset=utf-8;base64,"
            let start = try XCTUnwrap(page.range(of: prefix))
            let end = try XCTUnwrap(page[start.upperBound...].firstIndex(of: "\""))
            let csv = String(decoding: try XCTUnwrap(Data(base64Encoded: String(page[start.upperBound..<end]))), as: UTF8.self)
            let api = try await client.execute(uri: "/api/remit?format=csv", method: .post, body: ByteBuffer(bytes: try FixtureFiles.bytes("serve/payment-835.x12")))
            XCTAssertEqual(csv, String(buffer: api.body))
            let rows = csv.split(separator: "\n")
            XCTAssertEqual(rows.count, 4)
            XCTAssertTrue(rows[1].hasPrefix("line,0001,CHK10001,20240201,90.00,1512345678,EXAMPLE HEALTH PLAN,SUNRISE PHYSICAL THERAPY,1234567893,PCN1001,1,"))
            XCTAssertTrue(rows[3].hasPrefix("providerAdjustment,"))
        }
    }

    func testUnbalancedPaymentShowsTheBalanceFinding() async throws {
        let text = try FixtureFiles.text("serve/payment-835.x12").replacingOccurrences(of: "BPR*I*90*", with: "BPR*I*95*")
        try await application().test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "unbalanced.835", bytes: Array(text.utf8))])
            let page = String(buffer: try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body).body)
            XCTAssertTrue(page.contains("· 1 balancing warning · "))
            // BPR is segment 4 of the file; 95.00 written where claims minus PLB give 90.00.
            XCTAssertTrue(page.contains("<li class=\"warning\"><a href=\"#seg-4\">BPR (transaction)</a>: "))
            XCTAssertFalse(page.contains("BALANCED</span>"))
        }
    }

    func testLargePaymentsCapTheTableAndOfferTheCSVByForm() throws {
        // 1,001 copies of claim PCN1001 (CLP through AMT, segments 16-23): one more than the table shows.
        let lines = try FixtureFiles.text("serve/payment-835.x12").split(separator: "\n").map(String.init)
        let claim = lines[15..<23]
        var segments = Array(lines[0..<15])
        for number in 0..<1_001 { segments += claim.map { $0.replacingOccurrences(of: "PCN1001", with: "PCN\(number)") } }
        segments[3] = segments[3].replacingOccurrences(of: "BPR*I*90*", with: "BPR*I*100100*")
        segments += ["SE*\(segments.count - 1)*0001~", "GE*1*201~", "IEA*1*000000201~"]
        let report = RemittanceReport(reader: SegmentReader(string: segments.joined(separator: "\n")))
        XCTAssertEqual(report.summary.claimCount, 1_001)
        let small = RemittanceSection.render(report, csv: Array("a,b\n".utf8), fileName: "big.835").output
        XCTAssertTrue(small.contains("<p class=\"muted\" id=\"claims-not-shown\">1 more claim is not shown here; the CSV has every claim.</p>"))
        XCTAssertTrue(small.contains("PCN999<"))
        XCTAssertFalse(small.contains("PCN1000<"))
        XCTAssertTrue(small.contains("id=\"csv-download\""))
        let large = RemittanceSection.render(report, csv: Array(repeating: 0x41, count: 3 * 1024 * 1024), fileName: "big.835").output
        XCTAssertFalse(large.contains("id=\"csv-download\""))
        XCTAssertTrue(large.contains("CSV: 3 MB</p>\n<form id=\"csv-form\" method=\"post\" action=\"/api/remit?format=csv\" enctype=\"multipart/form-data\">"))
    }

    func testAPIAcceptsAFileFromABrowserForm() async throws {
        try await application().test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "payment-835.x12", bytes: try FixtureFiles.bytes("serve/payment-835.x12"))])
            let response = try await client.execute(uri: "/api/remit?format=csv", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentDisposition], "attachment; filename=\"remittance.csv\"")
            let raw = try await client.execute(uri: "/api/remit?format=csv", method: .post, body: ByteBuffer(bytes: try FixtureFiles.bytes("serve/payment-835.x12")))
            XCTAssertEqual(String(buffer: response.body), String(buffer: raw.body))
        }
    }

    // MARK: 277CA and 999

    func testClaimAcknowledgmentShowsAcceptedAndRejectedClaims() async throws {
        try await application().test(.router) { client in
            let page = try await Self.inspect("claim-ack-277ca.x12", client: client)
            XCTAssertTrue(page.contains("277CA claim acknowledgment"))
            XCTAssertTrue(page.contains("<span class=\"badge invalid\">REJECTIONS</span> 2 claims: 1 accepted, 1 rejected, 0 pending"))
            XCTAssertTrue(page.contains("<tr><td class=\"mono\">PCN1001</td><td><span class=\"badge valid\">accepted</span></td>"))
            XCTAssertTrue(page.contains("<td class=\"mono\">PAYERCLM1</td><td><code>A2:20</code> accepted into adjudication; accepted for processing"))
            XCTAssertTrue(page.contains("<tr><td class=\"mono\">PCN1002</td><td><span class=\"badge invalid\">rejected</span></td>"))
            XCTAssertTrue(page.contains("<code>A7:562:85</code> rejected for invalid information;"))
        }
    }

    func testImplementationAcknowledgmentShowsTheRejectedSetAndClaim() async throws {
        try await application().test(.router) { client in
            let page = try await Self.inspect("implementation-ack-999.x12", client: client)
            XCTAssertTrue(page.contains("999 implementation acknowledgment"))
            XCTAssertTrue(page.contains("1 claim: 0 accepted, 1 rejected, 0 pending · 2 rejected envelopes"))
            XCTAssertTrue(page.contains("<tr><td class=\"mono\">837 ST02 0001 (GS06 102)</td><td><span class=\"badge invalid\">rejected (R)</span></td>"))
            XCTAssertTrue(page.contains("<div class=\"issue\">DTP at position 22 loop 2400 element 3: "))
            XCTAssertTrue(page.contains("<tr><td class=\"mono\">PCN1001</td><td><span class=\"badge invalid\">rejected</span></td>"))
        }
    }

    // MARK: /api

    func testAPIValidateAnswersTheReportOfValidate() async throws {
        try await application().test(.router) { client in
            let response = try await client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(bytes: try FixtureFiles.bytes("serve/invalid-837p.x12")))
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
            let text = String(buffer: response.body)
            // The one key order of every command: as ValidationReport declares it.
            XCTAssertTrue(text.hasPrefix("{\n  \"file\": \"-\",\n  \"valid\": false,\n  \"errorCount\": 2,\n  \"warningCount\": 1,\n"))
            XCTAssertTrue(text.hasSuffix("\n  ]\n}\n"))
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
            XCTAssertEqual(findings.map { $0["fileSegmentIndex"] as? Int }, [9, 24, 25])
            XCTAssertEqual(findings.map { $0["kind"] as? String }, ["npiCheckDigit", "invalidDate", "transactionEnvelope"])
        }
    }

    func testAPIRemitAnswersTheJSONOfRemit() async throws {
        try await application().test(.router) { client in
            let response = try await client.execute(uri: "/api/remit", method: .post, body: ByteBuffer(bytes: try FixtureFiles.bytes("serve/payment-835.x12")))
            XCTAssertEqual(response.status, .ok)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let summary = try XCTUnwrap(json["summary"] as? [String: Any])
            XCTAssertEqual(summary["paymentAmount"] as? String, "90.00")
            XCTAssertEqual(summary["paidAmount"] as? String, "100.00")
            XCTAssertEqual(summary["claimCount"] as? Int, 2)
            XCTAssertEqual(summary["providerAdjustmentAmount"] as? String, "10.00")
            let bad = try await client.execute(uri: "/api/remit?format=xml", method: .post, body: ByteBuffer(string: "ISA"))
            XCTAssertEqual(bad.status, .badRequest)
        }
    }

    func testAPIAckAnswersTheJSONOfAck() async throws {
        try await application().test(.router) { client in
            let response = try await client.execute(uri: "/api/ack", method: .post, body: ByteBuffer(bytes: try FixtureFiles.bytes("serve/claim-ack-277ca.x12")))
            XCTAssertEqual(response.status, .ok)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let claims = try XCTUnwrap(json["claims"] as? [[String: Any]])
            XCTAssertEqual(claims.map { $0["patientControlNumber"] as? String }, ["PCN1001", "PCN1002"])
            XCTAssertEqual(claims.map { $0["status"] as? String }, ["accepted", "rejected"])
            let csv = try await client.execute(uri: "/api/ack?format=csv", method: .post, body: ByteBuffer(bytes: try FixtureFiles.bytes("serve/claim-ack-277ca.x12")))
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
        }
    }

    func testAPIRoutesAnswer422ForInputThatIsNotX12() async throws {
        try await application().test(.router) { client in
            for route in ["/api/validate", "/api/remit", "/api/ack"] {
                let response = try await client.execute(uri: route, method: .post, body: ByteBuffer(string: "hello"))
                XCTAssertEqual(response.status, .unprocessableContent, route)
                XCTAssertTrue(String(buffer: response.body).contains("the input does not start with an ISA segment (found 'hello')"), route)
            }
        }
    }
}
