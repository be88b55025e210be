import Foundation
import X12Claims
import X12Output
import X12TestSupport
import XCTest

/// The CMS-1500 forms of Fixtures/forms/split-claims.837 (a visit of 9 lines and 13 diagnoses split into two
/// claims: V2001-1 with 8 lines, 12 diagnoses, a referring provider, a prior authorization and a replacement
/// of payer claim CHP-ICN-240211; V2001-2 with the 13th diagnosis) read back box by box against values
/// worked out by hand from the 837P.
final class CMS1500FormTests: XCTestCase {
    private func pages(valuesOnly: Bool = false) throws -> (String, [FormPage]) {
        let records = try ClaimRecord.read(try FixtureFiles.bytes("forms/split-claims.837"), name: "split-claims.837")
        let html = CMS1500Form.document(records, valuesOnly: valuesOnly)
        return (html, FormPage.read(html))
    }

    /// The items both claims share (same provider, subscriber, patient and payer).
    private let shared: [String: String] = [
        "carrier": "CASCADE HEALTH PLAN", "carrier.street": "PO BOX 9100", "carrier.city": "SALEM, OR 97301-9100",
        "1": "GROUP", "1a": "XGH448812301", "2": "HOLLOWAY, EMMA, R", "3": "09 23 2008", "3.sex": "F",
        "4": "HOLLOWAY, MARK, J", "5": "88 ALDER CREEK RD", "5.city": "BEAVERTON", "5.state": "OR", "5.zip": "97005",
        "6": "CHILD", "7": "88 ALDER CREEK RD", "7.city": "BEAVERTON", "7.state": "OR", "7.zip": "97005",
        "11": "GRP-20417", "11a": "04 12 1970", "11a.sex": "M",
        "17.qual": "DN", "17": "PATEL, JAMES, K", "17b": "1890123452", "21.ind": "0", "23": "AUTH55821",
        "25": "931234567", "33": "RIVERSIDE PHYSICAL THERAPY LLC", "33.street": "1200 HARBOR BLVD SUITE 300",
        "33.city": "PORTLAND, OR 97201-1234", "33a": "1234567893", "33b": "G2PTAN7788",
    ]

    private func line(_ date: String, _ code: String, _ modifiers: String, _ pointers: String, _ charge: String,
                      _ units: String) -> [String: String] {
        ["24A": date, "24A.to": date, "24B": "11", "24D": code, "24D.modifiers": modifiers, "24E": pointers,
         "24F": charge, "24G": units, "24J": "1456789019"]
    }

    func testEveryFilledBoxOfBothClaimsIncludingTheContinuationForm() throws {
        let (_, pages) = try pages()
        XCTAssertEqual(pages.map { "\($0.claim) \($0.page)/\($0.pages)" }, ["V2001-1 1/2", "V2001-1 2/2", "V2001-2 1/1"])
        guard pages.count == 3 else { return }

        var first = shared
        first.merge([
            "14": "01 05 24", "14.qual": "431",
            "21A": "M5416", "21B": "M6281", "21C": "M25561", "21D": "M25562", "21E": "S83511A", "21F": "M7651",
            "21G": "R262", "21H": "Z9181", "21I": "M6250", "21J": "R2681", "21K": "M5450", "21L": "M79604",
            "22": "7", "22.original": "CHP-ICN-240211", "26": "V2001-1",
            "32": "RIVERSIDE PT WESTSIDE", "32.street": "455 CANYON RD", "32.city": "BEAVERTON, OR 97005-1122",
            "32a": "1245319599",
        ]) { $1 }
        // The total and the amount paid only on the last form of the claim.
        XCTAssertEqual(pages[0].boxes, first)
        var last = first
        last["28"] = "476 00"
        last["29"] = "25 00"
        XCTAssertEqual(pages[1].boxes, last)

        XCTAssertEqual(pages[0].lines, [
            "1": line("01 08 24", "97161", "GP", "AB", "150 00", "1"),
            "2": line("01 08 24", "97110", "GP KX", "AC", "90 00", "2"),
            "3": line("01 10 24", "97140", "GP 59", "BD", "45 00", "1"),
            "4": line("01 10 24", "97112", "GP", "EFGH", "50 00", "1"),
            "5": line("01 12 24", "97530", "GP", "I", "55 00", "1"),
            "6": line("01 12 24", "97116", "GP", "JK", "48 00", "1"),
        ])
        XCTAssertEqual(pages[1].lines, [
            "1": line("01 15 24", "97035", "GP", "L", "20 00", "1"),
            "2": line("01 15 24", "G0283", "GP", "A", "18 00", "1"),
        ])

        var second = shared
        second.merge(["21A": "M2241", "26": "V2001-2", "28": "60 00"]) { $1 }
        XCTAssertEqual(pages[2].boxes, second)
        XCTAssertEqual(pages[2].lines, ["1": line("01 17 24", "97110", "GP", "A", "60 00", "2")])
    }

    func testAmountsKeepTheExactValueAndLinesStayWithinSix() throws {
        let (html, pages) = try pages()
        XCTAssertTrue(html.contains("data-box=\"28\" data-amount=\"476.00\""))
        XCTAssertTrue(pages.allSatisfy { $0.lines.count <= 6 })
        XCTAssertTrue(html.contains("@page { size: letter; margin: 0; }"))
    }

    func testValuesOnlyHidesTheDrawnFormAndKeepsEveryValue() throws {
        let (html, pages) = try pages(valuesOnly: true)
        let (_, drawn) = try self.pages()
        XCTAssertTrue(html.contains("<body class=\"values-only\">"))
        XCTAssertTrue(html.contains("body.values-only .art { display: none; }"))
        XCTAssertEqual(pages, drawn)
    }

    func testValuesAreEscaped() throws {
        let record = ClaimRecord(
            file: "-", envelope: ClaimEnvelope(interchangeControlNumber: "1", groupControlNumber: "1", transactionSetControlNumber: "1"),
            billingProvider: BillingProvider(name: .organization("A<B & \"C\""), npi: "1234567893", taxId: "1", taxonomy: nil,
                                             address: Address(line1: "<script>x</script>", city: "C", state: "OR", zip: "97201")),
            subscriber: Subscriber(isPatient: true, groupNumber: nil, claimFilingCode: "MB", name: .person(last: "O'NEIL", first: "ANN", middle: "BETH"),
                                   memberId: "M1", address: nil, dateOfBirth: nil, sex: nil),
            patient: nil, payer: ClaimPayer(name: "P", payerId: "P1"),
            claim: Claim(patientControlNumber: "C\"1", placeOfService: "11", diagnoses: ["M5416"], lines: []))
        let html = CMS1500Form.document([record])
        XCTAssertFalse(html.contains("<script>x"))
        XCTAssertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"))
        XCTAssertTrue(html.contains("data-claim=\"C&quot;1\""))
        let page = try XCTUnwrap(FormPage.read(html).first)
        XCTAssertEqual(page.claim, "C\"1")
        XCTAssertEqual(page.boxes["33"], "A<B & \"C\"")
        XCTAssertEqual(page.boxes["2"], "O'NEIL, ANN, B", "item 2 takes the middle initial only")
        XCTAssertEqual(page.boxes["1"], "MEDICARE")
        XCTAssertEqual(page.boxes["6"], "SELF")
        XCTAssertEqual(page.boxes["28"], "0 00")
    }

    func testCheckBoxChoices() {
        XCTAssertEqual(["MB", "MC", "CH", "VA", "CI", "FI", "ZZ"].map(CMS1500Crosswalk.insuranceType),
                       ["MEDICARE", "MEDICAID", "TRICARE", "CHAMPVA", "GROUP", "FECA", "OTHER"])
        XCTAssertEqual(["18", "01", "19", "G8"].map(CMS1500Crosswalk.relationship), ["SELF", "SPOUSE", "CHILD", "OTHER"])
        XCTAssertEqual([1, 12, 13, 0].map(CMS1500Crosswalk.diagnosisLetter), ["A", "L", nil, nil])
    }

    /// Every data-box the renderer can write is an item of the documented crosswalk table.
    func testEveryLayoutItemIsInTheCrosswalkTable() throws {
        let article = try String(contentsOf: FixtureFiles.packageRoot.appendingPathComponent(
            "Sources/X12Output/Documentation.docc/CMS1500Boxes.md"), encoding: .utf8)
        var documented = Set<String>()
        for row in article.split(separator: "\n") where row.hasPrefix("| ") {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count > 2 else { continue }
            for match in cells[2].matches(of: #/`([^`]+)`/#) { documented.insert(String(match.1)) }
        }
        let written = Set(CMS1500Layout.slots.map(\.item) + CMS1500Layout.lineSlots.map(\.item))
        // `21A`...`21L` are documented as a range.
        documented.formUnion((1...12).compactMap { CMS1500Crosswalk.diagnosisLetter($0).map { "21" + $0 } })
        XCTAssertEqual(written.subtracting(documented), [])
    }
}
