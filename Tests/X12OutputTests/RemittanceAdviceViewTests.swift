import Foundation
import X12Output
import X12Remittance
import X12TestSupport
import XCTest

/// The paper remittance view of Fixtures/remit/reversal-plb.835 (a reversal and its correction, a denied
/// claim, line CAS, LQ remarks and three PLB adjustments), read back through its data attributes against the
/// segments worked out by hand.
final class RemittanceAdviceViewTests: XCTestCase {
    private func render(_ fixture: String = "remit/reversal-plb.835") throws -> (String, [HTMLElement]) {
        let decoder = try RemittanceDecoder(path: FixtureFiles.path(fixture))
        var view = RemittanceAdviceView()
        var html = view.begin()
        while let event = try decoder.nextEvent() { html += view.write(event) }
        html += view.finish()
        return (html, HTMLElements.parse(html))
    }

    private func claims(_ elements: [HTMLElement]) -> [(index: Int, element: HTMLElement)] {
        elements.enumerated().filter { $0.element.tag == "section" && $0.element.attributes["data-pcn"] != nil }
            .map { ($0.offset, $0.element) }
    }

    func testEveryClaimPageCarriesItsPaidAndBilledAmounts() throws {
        let (_, elements) = try render()
        let pages = claims(elements)
        XCTAssertEqual(pages.map { [$0.element.attributes["data-pcn"], $0.element.attributes["data-icn"], $0.element.attributes["data-status"],
                                    $0.element.attributes["data-billed"], $0.element.attributes["data-paid"]] }, [
            ["V100-1", "ICN1001", "22", "-200.00", "-150.00"],
            ["V100-1", "ICN2002", "1", "200.00", "170.00"],
            ["V101-1", "ICN2003", "1", "60.00", "45.00"],
            ["V102-1", "ICN2004", "4", "100.00", "0.00"],
            ["V103-1", "ICN2005", "2", "1000.50", "950.25"],
        ])
        let lines = pages.map { page in
            elements.filter { $0.tag == "tr" && $0.attributes["class"] == "line" && $0.ancestors.contains(page.index) }
        }
        XCTAssertEqual(lines.map { $0.map { $0.attributes["data-paid"] ?? "" } },
                       [["-90.00", "-60.00"], ["90.00", "80.00"], ["55.00"], [], ["950.25"]])
        XCTAssertEqual(lines.map { $0.map { $0.attributes["data-billed"] ?? "" } },
                       [["-120.00", "-80.00"], ["120.00", "80.00"], ["60.00"], [], ["1000.50"]])
        XCTAssertEqual(lines[1].map { $0.attributes["data-allowed"] }, ["120.00", "80.00"])
        XCTAssertEqual(lines[0].map { $0.attributes["data-allowed"] }, [nil, nil])
    }

    func testLineColumnsSplitDeductibleCoinsuranceAndAdjustments() throws {
        let (_, elements) = try render()
        let pages = claims(elements)
        func cells(claim: Int, rowClass: String) -> [[String]] {
            let rows = elements.enumerated().filter {
                $0.element.tag == "tr" && $0.element.attributes["class"] == rowClass && $0.element.ancestors.contains(pages[claim].index)
            }
            return rows.map { row in elements.filter { $0.tag == "td" && $0.ancestors.last == row.offset }.map(\.text) }
        }
        // PERF PROV, SERV DATE, PROC, MODS, UNITS, BILLED, ALLOWED, DEDUCT, COINS, GRP/RC-AMT, PROV PD, REMARKS
        XCTAssertEqual(cells(claim: 0, rowClass: "line"), [
            ["", "01/10/2024", "97110", "GP KX", "2", "-120.00", "", "0.00", "-30.00", "PR-2 -30.00", "-90.00", ""],
            ["", "01/10/2024", "97140", "GP", "1", "-80.00", "", "0.00", "0.00", "CO-45 -20.00", "-60.00", ""],
        ])
        XCTAssertEqual(cells(claim: 2, rowClass: "line"), [["", "", "97530", "GP", "1", "60.00", "", "0.00", "0.00", "CO-45 5.00", "55.00", "N130 M15"]])
        XCTAssertEqual(cells(claim: 2, rowClass: "claim-adjustments"), [["CLAIM ADJUSTMENTS", "0.00", "0.00", "OA-23 10.00", "", ""]])
        XCTAssertEqual(cells(claim: 3, rowClass: "claim-adjustments"), [["CLAIM ADJUSTMENTS", "0.00", "0.00", "CO-50 100.00", "", ""]])
        XCTAssertEqual(cells(claim: 4, rowClass: "line"),
                       [["1245319599", "01/11/2024", "99213", "", "1", "1000.50", "", "50.25", "0.00", "PR-1 50.25", "950.25", ""]])
        XCTAssertEqual(cells(claim: 1, rowClass: "claim-total"), [["CLAIM TOTALS", "200.00", "200.00", "0.00", "30.00", "30.00", "170.00", ""]])
        XCTAssertEqual(cells(claim: 3, rowClass: "claim-total"), [["CLAIM TOTALS", "100.00", "", "0.00", "0.00", "100.00", "0.00", ""]])
    }

    func testCheckSummaryTotalsAndProviderAdjustments() throws {
        let (_, elements) = try render()
        let summaries = elements.enumerated().filter { $0.element.tag == "section" && $0.element.attributes["data-check"] != nil }
        XCTAssertEqual(summaries.map { [$0.element.attributes["data-check"], $0.element.attributes["data-paid"]] }, [["EFT000123", "956.00"]])
        guard let summary = summaries.first else { return }
        let values = Dictionary(elements.filter { $0.attributes["data-field"] != nil && $0.ancestors.contains(summary.offset) }
            .map { ($0.attributes["data-field"] ?? "", $0.text) }) { first, _ in first }
        XCTAssertEqual(values["payer"], "ACME HEALTH PLAN")
        XCTAssertEqual(values["payee"], "PT CLINIC")
        XCTAssertEqual(values["payee-npi"], "1234567893")
        XCTAssertEqual(values["check"], "EFT000123")
        XCTAssertEqual(values["check-date"], "03/15/2024")
        let table = try XCTUnwrap(elements.firstIndex { $0.tag == "table" && $0.attributes["class"] == "totals" })
        let totals = elements.filter { $0.tag == "td" && $0.ancestors.contains(table) }.map(\.text)
        // Claims, billed, allowed, deductible, coinsurance, all CAS, paid (Σ CLP04), PLB, check (BPR02 = paid - PLB).
        XCTAssertEqual(totals, ["5", "1160.50", "200.00", "50.25", "0.00", "145.25", "1015.25", "59.25", "956.00"])
        let plb = elements.filter { $0.tag == "tr" && $0.attributes["class"] == "plb" }
        XCTAssertEqual(plb.map { [$0.attributes["data-reason"], $0.attributes["data-amount"]] },
                       [["WO", "75.00"], ["L6", "-15.25"], ["72", "-0.50"]])
        XCTAssertTrue(plb.first?.text.contains("ICN1001") ?? false)
    }

    func testGlossaryHoldsOnlyTheCodesUsedWithTheirText() throws {
        let (_, elements) = try render()
        let glossary = try XCTUnwrap(elements.firstIndex { $0.tag == "section" && $0.attributes["class"] == "page glossary" })
        let terms = elements.enumerated().filter { $0.element.tag == "dt" && $0.element.ancestors.contains(glossary) }
        let entries = terms.map { term -> [String] in
            let definition = elements[term.offset + 1]
            return [term.element.attributes["data-kind"] ?? "", term.element.attributes["data-code"] ?? "", definition.text]
        }
        XCTAssertEqual(entries, [
            ["group", "CO", "Contractual obligation"],
            ["group", "OA", "Other adjustment"],
            ["group", "PR", "Patient responsibility"],
            ["carc", "1", "Deductible amount"],
            ["carc", "2", "Coinsurance amount"],
            ["carc", "23", "Impact of prior payer(s) adjudication"],
            ["carc", "45", "Charge exceeds fee schedule/maximum allowable"],
            ["carc", "50", "Not deemed a medical necessity by the payer"],
            ["rarc", "M15", "Separately billed services/tests have been bundled as they are considered components of the same procedure. Separate payment is not allowed."],
            ["rarc", "MA01", try XCTUnwrap(RemittanceCodes.remark("MA01"))],
            ["rarc", "N130", "Consult plan benefit documents/guidelines for information about restrictions for this service."],
        ])
    }

    func testEachClaimPageIsPrintableOnItsOwn() throws {
        let (html, elements) = try render()
        XCTAssertTrue(html.contains("page-break-after: always"))
        for page in claims(elements) {
            let fields = elements.filter { $0.attributes["data-field"] != nil && $0.ancestors.contains(page.index) }.map { $0.attributes["data-field"] ?? "" }
            for field in ["payer", "payee", "check", "check-date", "patient", "pcn", "icn"] {
                XCTAssertTrue(fields.contains(field), "\(page.element.attributes["data-pcn"] ?? "") lacks \(field)")
            }
        }
    }

    func testValuesAreEscaped() {
        var remittance = Remittance(interchangeControlNumber: "1", groupControlNumber: "1", transactionSetControlNumber: "0001",
                                    segmentIndex: 3)
        remittance.payer = RemittanceParty(name: "<script>alert(1)</script>")
        remittance.claims = [RemittanceClaim(patientControlNumber: "A\"B", status: "1", chargeAmount: "10.00", paidAmount: "5.00", segment: 9)]
        let html = RemittanceAdviceView.document([remittance])
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("data-pcn=\"A&quot;B\""))
    }
}
