import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import X12Server
import X12TestSupport

/// `POST /view/cms1500` and `POST /view/remit`: the inspector's paper views of an uploaded file.
final class PaperViewTests: XCTestCase {
    private func application() throws -> some ApplicationProtocol {
        try InspectorServer.application(configuration: InspectorConfiguration(host: "127.0.0.1", port: 0, specsDirectory: nil))
    }

    private func upload(_ fixture: String, name: String) throws -> (HTTPFields, ByteBuffer) {
        MultipartBody.make(fields: [.init(name: "file", fileName: name, bytes: try FixtureFiles.bytes(fixture))])
    }

    func testUploadPageSendsBothFormsToThePaperViews() async throws {
        try await application().test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/", method: .get).body)
            XCTAssertEqual(page.components(separatedBy: "formaction=\"/view/cms1500\"").count - 1, 2)
            XCTAssertEqual(page.components(separatedBy: "formaction=\"/view/remit\"").count - 1, 2)
        }
    }

    func testCMS1500ViewOfAnUploaded837() async throws {
        let (headers, body) = try upload("forms/split-claims.837", name: "claims.837")
        try await application().test(.router) { client in
            let response = try await client.execute(uri: "/view/cms1500", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .ok)
            let pages = FormPage.read(String(buffer: response.body))
            XCTAssertEqual(pages.map { "\($0.claim) \($0.page)/\($0.pages)" }, ["V2001-1 1/2", "V2001-1 2/2", "V2001-2 1/1"])
            XCTAssertEqual(pages.last?.boxes["28"], "60 00")
            XCTAssertTrue(String(buffer: response.body).contains("@page { size: letter; margin: 0; }"))
        }
    }

    func testRemitViewOfAnUploaded835() async throws {
        let (headers, body) = try upload("remit/reversal-plb.835", name: "payment.835")
        try await application().test(.router) { client in
            let response = try await client.execute(uri: "/view/remit", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .ok)
            let claims = HTMLElements.parse(String(buffer: response.body)).filter { $0.tag == "section" && $0.attributes["data-pcn"] != nil }
            XCTAssertEqual(claims.map { $0.attributes["data-paid"] ?? "" }, ["-150.00", "170.00", "45.00", "0.00", "950.25"])
        }
    }

    func testTheWrongKindOfFileIsAPageNamingWhere() async throws {
        let (headers, body) = try upload("remit/reversal-plb.835", name: "payment.835")
        let (claimHeaders, claimBody) = try upload("forms/split-claims.837", name: "claims.837")
        try await application().test(.router) { client in
            let forms = try await client.execute(uri: "/view/cms1500", method: .post, headers: headers, body: body)
            XCTAssertEqual(forms.status, .unprocessableContent)
            XCTAssertTrue(String(buffer: forms.body).contains(
                "<div class=\"error-line\" id=\"error-line\">payment.835:segment 3 (ST) element 1: transaction set 0001 is a 835, not an 837</div>"))
            let remit = try await client.execute(uri: "/view/remit", method: .post, headers: claimHeaders, body: claimBody)
            XCTAssertEqual(remit.status, .unprocessableContent)
            XCTAssertTrue(String(buffer: remit.body).contains("claims.837:segment 3 (ST) element 1: transaction set 0001 is a 837, not an 835"))
            let empty = try await client.execute(uri: "/view/remit", method: .post, body: ByteBuffer(string: "  "))
            XCTAssertEqual(empty.status, .badRequest)
        }
    }
}
