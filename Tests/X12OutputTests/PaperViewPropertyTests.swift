import Foundation
import X12Claims
import X12Output
import X12Remittance
import X12TestSupport
import XCTest

/// Both paper views over every fixture and corpus file they can read: every claim is drawn, with its amounts.
final class PaperViewPropertyTests: XCTestCase {
    private func files(_ folders: [String], suffixes: [String]) -> [String] {
        folders.flatMap { folder -> [String] in
            let url = FixtureFiles.url(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted().map { "\(folder)/\($0)" }
        }
    }

    func testEveryClaimOfEveryReadable837GetsItsFormsWithTotalAccountAndNPI() throws {
        var claims = 0
        for file in files(["claims", "core", "forms", "ledger", "acks", "corpus/837p"], suffixes: [".837", ".x12"]) {
            guard let records = try? ClaimRecord.read(try FixtureFiles.bytes(file), name: file) else { continue }
            let pages = FormPage.read(CMS1500Form.document(records))
            let expected = records.map { max(1, ($0.claim.lines.count + 5) / 6) }.reduce(0, +)
            XCTAssertEqual(pages.count, expected, file)
            guard pages.count == expected else { continue }
            var cursor = 0
            for record in records {
                // The forms of each claim follow each other in file order (CLM01 may repeat in a file).
                let count = max(1, (record.claim.lines.count + 5) / 6)
                let forms = Array(pages[cursor..<(cursor + count)])
                cursor += count
                XCTAssertTrue(forms.allSatisfy { $0.claim == record.claim.patientControlNumber && $0.boxes["26"] == record.claim.patientControlNumber
                                                 && $0.pages == String(count) }, file)
                guard let last = forms.last else { continue }
                let total = Money(record.claim.totalCharge).description.replacingOccurrences(of: ".", with: " ")
                XCTAssertEqual(last.boxes["28"], total, "\(file) \(record.claim.patientControlNumber)")
                XCTAssertTrue(forms.dropLast().allSatisfy { $0.boxes["28"] == nil }, "\(file): a total before the last form")
                XCTAssertTrue(forms.allSatisfy { $0.boxes["33a"] == record.billingProvider.npi }, file)
                XCTAssertEqual(forms.flatMap { page in page.lines.keys.sorted().compactMap { page.lines[$0]?["24D"] } },
                               record.claim.lines.map(\.procedureCode), file)
                claims += 1
            }
        }
        XCTAssertGreaterThan(claims, 15)
    }

    func testEveryClaimPaymentOfEvery835GetsAPageWithItsAmounts() throws {
        var payments = 0
        for file in files(["remit", "corpus/835", "ledger", "serve"], suffixes: [".835", ".x12"]) {
            let decoder = try RemittanceDecoder(path: FixtureFiles.path(file))
            var view = RemittanceAdviceView()
            var html = view.begin()
            var expected: [[String]] = []
            while let event = try? decoder.nextEvent() {
                if case .claim(let claim) = event {
                    expected.append([claim.patientControlNumber, claim.chargeAmount.description, claim.paidAmount.description])
                }
                html += view.write(event)
            }
            html += view.finish()
            let pages = HTMLElements.parse(html).filter { $0.tag == "section" && $0.attributes["data-pcn"] != nil }
            XCTAssertEqual(pages.map { [$0.attributes["data-pcn"] ?? "", $0.attributes["data-billed"] ?? "", $0.attributes["data-paid"] ?? ""] },
                           expected, file)
            payments += expected.count
        }
        XCTAssertGreaterThan(payments, 20)
    }
}
