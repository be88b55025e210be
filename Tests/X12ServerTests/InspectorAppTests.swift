import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import X12Server
import X12TestSupport
import X12Validation

/// Request-level tests of every inspector route, through Hummingbird's router test framework.
final class InspectorAppTests: XCTestCase {
    private func application(maxUploadBytes: Int = InspectorConfiguration.defaultMaxUploadBytes,
                             specs: URL? = SpecLibrary.bundledDirectory) throws -> some ApplicationProtocol {
        try InspectorServer.application(configuration: InspectorConfiguration(
            host: "127.0.0.1", port: 0, maxUploadBytes: maxUploadBytes, specsDirectory: specs))
    }

    // MARK: GET /

    func testUploadPageOffersFileAndPasteForms() async throws {
        try await application().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
            let page = String(buffer: response.body)
            XCTAssertTrue(page.contains("<form class=\"inspect\" id=\"upload-form\" method=\"post\" action=\"/inspect\" enctype=\"multipart/form-data\">"))
            XCTAssertTrue(page.contains("<input type=\"file\" name=\"file\" id=\"file\" required>"))
            XCTAssertTrue(page.contains("<textarea name=\"text\""))
            XCTAssertTrue(page.contains("Largest upload: 50 MB."))
            XCTAssertFalse(page.contains("<script"), "the pages use no JavaScript")
            XCTAssertFalse(page.contains("http://cdn") || page.contains("https://"), "no outside resources")
        }
    }

    // MARK: POST /inspect

    func testInspectMultipartUploadShowsNumberedTree() async throws {
        let fixture = try FixtureFiles.bytes("serve/valid-837p.x12")
        try await application().test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "claims.837", bytes: fixture)])
            let response = try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .ok)
            let page = String(buffer: response.body)
            XCTAssertTrue(page.contains("<h1>claims.837</h1>"))
            XCTAssertTrue(page.contains("<span class=\"badge valid\" id=\"verdict\">VALID</span> 837P professional claims"))
            XCTAssertTrue(page.contains("27 segments · 1 transaction set · 0 errors · 0 warnings"))
            // Segment 3 is the ST: file position 3, transaction position 1, depth 2 → 8 + 2 * 18 px.
            XCTAssertTrue(page.contains("<tr id=\"seg-3\"><td class=\"n\">3</td><td class=\"p\">1</td><td class=\"s\" style=\"padding-left:44px\"><span class=\"sid\">ST</span>"))
            // Segment 13 is HL*2*1*22*0: a child of HL 1, so depth 4; segment 14 (SBR) sits below it at depth 5.
            XCTAssertTrue(page.contains("<tr id=\"seg-13\"><td class=\"n\">13</td><td class=\"p\">11</td><td class=\"s\" style=\"padding-left:80px\"><span class=\"sid\">HL</span>"))
            XCTAssertTrue(page.contains("<tr id=\"seg-14\"><td class=\"n\">14</td><td class=\"p\">12</td><td class=\"s\" style=\"padding-left:98px\"><span class=\"sid\">SBR</span>"))
            XCTAssertTrue(page.contains("<span class=\"el\" title=\"NM109\">1234567893</span>"))
            XCTAssertTrue(page.contains("<tr id=\"seg-27\"><td class=\"n\">27</td><td class=\"p\"></td>"), "IEA has no transaction position")
        }
    }

    func testInspectPastedTextForm() async throws {
        let fixture = try FixtureFiles.text("serve/valid-837p.x12")
        try await application().test(.router) { client in
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let encoded = "text=" + (fixture.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let response = try await client.execute(uri: "/inspect", method: .post, headers: headers, body: ByteBuffer(string: encoded))
            XCTAssertEqual(response.status, .ok)
            let page = String(buffer: response.body)
            XCTAssertTrue(page.contains("<h1>pasted text</h1>"))
            XCTAssertTrue(page.contains("27 segments · 1 transaction set"))
        }
    }

    func testInspectInvalidFileShowsValidationErrorsInlineAtTheElement() async throws {
        let fixture = try FixtureFiles.bytes("serve/invalid-837p.x12")
        try await application().test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "invalid-837p.x12", bytes: fixture)])
            let response = try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .ok)
            let page = String(buffer: response.body)
            XCTAssertTrue(page.contains("<span class=\"badge invalid\" id=\"verdict\">INVALID</span> 837P professional claims"))
            XCTAssertTrue(page.contains("27 segments · 1 transaction set · 2 errors · 1 warning</p>"))
            // DTP*472*D8*20241310 is segment 24: month 13 is not a date (999 IK403 code 8).
            XCTAssertTrue(page.contains("<tr class=\"bad\" id=\"seg-24\">"))
            XCTAssertTrue(page.contains("<span class=\"el bad\" title=\"DTP03\">20241310</span>"))
            XCTAssertTrue(page.contains("<span class=\"finding-line\"><b>DTP03</b> DTP03 (Service Date) &#39;20241310&#39; is not a valid D8 value <code>IK403 8 · invalidDate</code></span>"))
            XCTAssertTrue(page.contains("<a href=\"#seg-24\">segment 24 (DTP) loop 2400 element 3</a>: DTP03 (Service Date)"))
            // SE is segment 25 of the file and says 21 where ST..SE holds 23 segments (IK502 code 4).
            XCTAssertTrue(page.contains("<span class=\"el bad\" title=\"SE01\">21</span>"))
            XCTAssertTrue(page.contains("<span class=\"finding-line\"><b>SE01</b> SE01 says 21 segments but the transaction set has 23 (ST through SE) <code>IK502 4 · transactionEnvelope</code></span>"))
            // The NPI 1234567890 fails its check digit: a warning.
            XCTAssertTrue(page.contains("<tr class=\"warn\" id=\"seg-9\">"))
            XCTAssertTrue(page.contains("<span class=\"el warn\" title=\"NM109\">1234567890</span>"))
            XCTAssertTrue(page.contains("<span class=\"finding-line warning\"><b>NM109</b> &#39;1234567890&#39; is not a valid NPI"))
        }
    }

    func testInspectShowsLoopNamesAboveTheSegmentsThatOpenThem() async throws {
        let fixture = try FixtureFiles.bytes("serve/valid-837p.x12")
        try await application().test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "claims.837", bytes: fixture)])
            let page = String(buffer: try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body).body)
            // HL*1**20*1 (segment 8) opens 2000A at depth 3; NM1*85 (segment 9) opens 2010AA inside it.
            XCTAssertTrue(page.contains("<td class=\"s\" style=\"padding-left:62px\">Loop 2000A · Billing Provider Hierarchical Level</td></tr>\n<tr id=\"seg-8\">"))
            XCTAssertTrue(page.contains("<td class=\"s\" style=\"padding-left:80px\">Loop 2010AA · Billing Provider Name</td></tr>\n<tr id=\"seg-9\">"))
            XCTAssertTrue(page.contains(">Loop 2300 · Claim Information</td></tr>\n<tr id=\"seg-20\">"))
            XCTAssertTrue(page.contains(">Loop 2400 · Service Line Number</td></tr>\n<tr id=\"seg-22\">"))
        }
    }

    func testInspectWithoutSpecsSaysSoAndStillChecksTheEnvelope() async throws {
        let fixture = try FixtureFiles.bytes("serve/invalid-837p.x12")
        try await application(specs: nil).test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "invalid-837p.x12", bytes: fixture)])
            let page = String(buffer: try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body).body)
            XCTAssertTrue(page.contains("<span class=\"badge warn\">NOT VALIDATED</span>"))
            XCTAssertTrue(page.contains("<span class=\"finding-line\"><b>SE01</b> SE01 says 21 segments but the transaction set has 23 (ST through SE) <code>countMismatch</code></span>"))
            let api = try await client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(bytes: fixture))
            XCTAssertEqual(api.status, .serviceUnavailable)
        }
    }

    func testInspectNonX12IsAnErrorPageNotAServerError() async throws {
        try await application().test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "notes.txt", bytes: Array("hello world".utf8))])
            let response = try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .unprocessableContent)
            let page = String(buffer: response.body)
            XCTAssertTrue(page.contains("<div class=\"error-line\" id=\"error-line\">notes.txt:byte 0: the input does not start with an ISA segment (found &#39;hello world&#39;)</div>"), page)
        }
    }

    func testInspectTruncatedFileShowsSegmentsReadAndTheFatalError() async throws {
        let fixture = try FixtureFiles.text("serve/valid-837p.x12")
        let cut = String(fixture.prefix(upTo: fixture.range(of: "CLM*")!.upperBound))
        try await application().test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "cut.837", bytes: Array(cut.utf8))])
            let response = try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .ok)
            let page = String(buffer: response.body)
            XCTAssertTrue(page.contains("<span class=\"badge invalid\" id=\"verdict\">INVALID</span>"))
            XCTAssertTrue(page.contains("id=\"seg-19\""), "the segments before the cut are shown")
            XCTAssertTrue(page.contains("<div class=\"error-line\" id=\"error-line\">cut.837:segment 20 (CLM): the input ends inside segment CLM: no segment terminator &#39;~&#39;</div>"))
        }
    }

    func testInspectWithoutFileOrTextIsABadRequestPage() async throws {
        try await application().test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "", bytes: []), .init(name: "text", fileName: nil, bytes: [])])
            let response = try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .badRequest)
            XCTAssertTrue(String(buffer: response.body).contains("no X12 was sent: choose a file (field &#39;file&#39;) or paste the text (field &#39;text&#39;)"))
        }
    }

    func testInspectOversizedUploadIs413WithAClearPage() async throws {
        try await application(maxUploadBytes: 1024).test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "big.x12", bytes: Array(repeating: 0x41, count: 4096))])
            let response = try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .contentTooLarge)
            let page = String(buffer: response.body)
            XCTAssertTrue(page.contains("<h1>File too large</h1>"))
            XCTAssertTrue(page.contains("the upload is larger than the 1 KB limit"))
        }
    }

    func testInspectOversizedUploadWithoutContentLengthIs413() async throws {
        try await application(maxUploadBytes: 1024).test(.live) { client in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain"
            let response = try await client.execute(uri: "/inspect", method: .post, headers: headers,
                                                    body: ByteBuffer(bytes: Array(repeating: 0x41, count: 300_000)))
            XCTAssertEqual(response.status, .contentTooLarge)
            XCTAssertTrue(String(buffer: response.body).contains("the upload is larger than the 1 KB limit"))
        }
    }

    func testSegmentHoldingScriptRendersAsText() async throws {
        let fixture = try FixtureFiles.bytes("serve/script-injection-837p.x12")
        try await application().test(.router) { client in
            let (headers, body) = MultipartBody.make(fields: [.init(name: "file", fileName: "<img src=x onerror=alert(1)>.x12", bytes: fixture)])
            let response = try await client.execute(uri: "/inspect", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .ok)
            let page = String(buffer: response.body)
            XCTAssertFalse(page.contains("<script"))
            XCTAssertFalse(page.contains("<img"))
            XCTAssertTrue(page.contains("<span class=\"el\" title=\"NM103\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</span>"))
            XCTAssertTrue(page.contains("<h1>&lt;img src=x onerror=alert(1)&gt;.x12</h1>"))
            XCTAssertEqual(response.headers[.contentSecurityPolicy], HTTPResponses.pageSecurityPolicy)
        }
    }

    // MARK: /api

    func testAPIOversizedBodyIs413JSON() async throws {
        try await application(maxUploadBytes: 1024).test(.router) { client in
            for route in ["/api/validate", "/api/remit", "/api/ack"] {
                let response = try await client.execute(uri: route, method: .post, body: ByteBuffer(bytes: Array(repeating: 0x41, count: 2048)))
                XCTAssertEqual(response.status, .contentTooLarge, route)
                XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
                let error = try JSONDecoder().decode(APIErrorBody.self, from: Data(buffer: response.body))
                XCTAssertEqual(error, APIErrorBody(error: "the request body is larger than the 1 KB upload limit (x12 serve --max-upload-mb)", status: 413))
            }
        }
    }

    func testUnknownRouteIs404() async throws {
        try await application().test(.router) { client in
            let response = try await client.execute(uri: "/nothing-here", method: .get)
            XCTAssertEqual(response.status, .notFound)
        }
    }
}
