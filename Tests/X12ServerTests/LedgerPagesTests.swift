import Foundation
import Hummingbird
import HummingbirdTesting
import X12Ledger
import XCTest
@testable import X12Server
import X12TestSupport

/// `/claims` and `/claims/{id}` over a ledger fed with the serve fixtures: an 837 with claims PCN1001
/// (150.00) and PCN1002 (80.00), a 277CA accepting PCN1001 and rejecting PCN1002 (A7:562:85), and an 835
/// paying PCN1001 100.00 (patient 20.00) and denying PCN1002.
final class LedgerPagesTests: XCTestCase {
    private static func ledgerPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("x12-serve-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("ledger.sqlite").path
        let ledger = try Ledger(path: path)
        _ = try ledger.recordSubmission(bytes: try FixtureFiles.bytes("serve/ledger-837p.x12"), path: "ledger-837p.x12")
        _ = try ledger.importAcknowledgments(bytes: try FixtureFiles.bytes("serve/claim-ack-277ca.x12"), path: "claim-ack-277ca.x12")
        _ = try ledger.importRemittance(bytes: try FixtureFiles.bytes("serve/payment-835.x12"), path: "payment-835.x12")
        return path
    }

    private func application(ledger: String?) throws -> some ApplicationProtocol {
        try InspectorServer.application(configuration: InspectorConfiguration(port: 0, ledgerPath: ledger))
    }

    func testWorklistListsEveryClaimWithItsStage() async throws {
        try await application(ledger: try Self.ledgerPath()).test(.router) { client in
            let home = String(buffer: try await client.execute(uri: "/", method: .get).body)
            XCTAssertTrue(home.contains("<p id=\"ledger-link\"><a href=\"/claims\">Claim worklist</a>"))
            let response = try await client.execute(uri: "/claims", method: .get)
            XCTAssertEqual(response.status, .ok)
            let page = String(buffer: response.body)
            XCTAssertTrue(page.contains("<b>all 2</b> · <a href=\"/claims?stage=paid\">paid 1</a> · <a href=\"/claims?stage=denied\">denied 1</a>"))
            XCTAssertTrue(page.contains("Charged 230.00 · paid 100.00 · patient responsibility 20.00 · outstanding 80.00"))
            XCTAssertTrue(page.contains("<tr><td class=\"mono\"><a href=\"/claims/PCN1001\">PCN1001</a></td><td>RIVERA, ANA</td>"))
            XCTAssertTrue(page.contains("<span class=\"badge valid stage\">paid</span></td><td></td><td>accepted</td><td class=\"num\">150.00</td><td class=\"num\">100.00</td><td class=\"num\">20.00</td><td class=\"num\">0.00</td>"))
            XCTAssertTrue(page.contains("<span class=\"badge invalid stage\">denied</span></td><td></td><td>rejected</td><td class=\"num\">80.00</td><td class=\"num\">0.00</td><td class=\"num\">0.00</td><td class=\"num\">80.00</td><td>A7:562:85 rejected for invalid information;"))
        }
    }

    func testWorklistNarrowsToOneStage() async throws {
        try await application(ledger: try Self.ledgerPath()).test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/claims?stage=denied", method: .get).body)
            XCTAssertTrue(page.contains("<a href=\"/claims\">all 2</a> · <a href=\"/claims?stage=paid\">paid 1</a> · <b>denied 1</b>"))
            XCTAssertTrue(page.contains("PCN1002"))
            XCTAssertFalse(page.contains("/claims/PCN1001"))
            let bad = try await client.execute(uri: "/claims?stage=lost", method: .get)
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertTrue(String(buffer: bad.body).contains("stage &#39;lost&#39; is not one of submitted, acknowledged, rejected, accepted, paid, partiallyPaid, denied, reversed"))
        }
    }

    func testClaimPageShowsTheLifecycle() async throws {
        try await application(ledger: try Self.ledgerPath()).test(.router) { client in
            let response = try await client.execute(uri: "/claims/PCN1002", method: .get)
            XCTAssertEqual(response.status, .ok)
            let page = String(buffer: response.body)
            XCTAssertTrue(page.contains("<h1>Claim PCN1002 <span class=\"badge invalid stage\">denied</span></h1>"))
            XCTAssertTrue(page.contains("<tr><th>Submitted</th><td>2024-01-15 ("))
            XCTAssertTrue(page.contains(" in ISA13 000000103, ST02 0001, frequency 1</td></tr>"))
            XCTAssertTrue(page.contains("<tr><th>277CA</th><td>rejected</td></tr>"))
            XCTAssertTrue(page.contains("<tr><th>Payer claim number</th><td>PAYERCLM2</td></tr>"))
            XCTAssertTrue(page.contains("<tr><th>Outstanding</th><td>80.00</td></tr>"))
            XCTAssertTrue(page.contains("<li class=\"error\"><code>A7:562:85</code> rejected for invalid information;"))
            let missing = try await client.execute(uri: "/claims/NOPE%3Cb%3E", method: .get)
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertTrue(String(buffer: missing.body).contains("no claim with patient control number &#39;NOPE&lt;b&gt;&#39; in the ledger"))
        }
    }

    func testWithoutLedgerTheClaimRoutesDoNotExist() async throws {
        try await application(ledger: nil).test(.router) { client in
            let claims = try await client.execute(uri: "/claims", method: .get)
            XCTAssertEqual(claims.status, .notFound)
            let home = String(buffer: try await client.execute(uri: "/", method: .get).body)
            XCTAssertFalse(home.contains("ledger-link"))
        }
    }

    func testMissingLedgerFileIsRefusedAtStart() throws {
        XCTAssertThrowsError(try InspectorServer.router(configuration: InspectorConfiguration(ledgerPath: "/nonexistent/ledger.sqlite"))) { error in
            XCTAssertEqual((error as? LedgerError)?.message, "/nonexistent/ledger.sqlite: no such ledger (create one with x12 ledger import)")
        }
    }
}
