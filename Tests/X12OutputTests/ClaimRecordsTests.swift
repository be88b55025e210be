import Foundation
import X12
import X12Claims
import X12Output
import X12TestSupport
import XCTest

/// `x12 claims` records: the documented keys and columns (Documentation.docc/ClaimRecords.md) are exactly
/// those written, and the split-claims fixture reads back with its envelope ids and values.
final class ClaimRecordsTests: XCTestCase {
    private func article() throws -> String {
        try String(contentsOf: FixtureFiles.packageRoot.appendingPathComponent("Sources/X12Output/Documentation.docc/ClaimRecords.md"),
                   encoding: .utf8)
    }

    /// The first cell of each table row under `heading` (backticks removed).
    private func documented(under heading: String) throws -> [String] {
        let text = try article()
        guard let start = text.range(of: "## \(heading)\n") else { return [] }
        let section = text[start.upperBound...]
        let body = section.range(of: "\n## ").map { section[..<$0.lowerBound] } ?? section
        return body.split(separator: "\n").compactMap { row -> String? in
            guard row.hasPrefix("| `") else { return nil }
            return row.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "") }
        }
    }

    /// Every key path of a JSON value (`a.b`, `lines[].x`).
    private func keyPaths(_ value: Any, prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            var paths = Set<String>()
            for (key, child) in object {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                let nested = keyPaths(child, prefix: path)
                if nested.isEmpty { paths.insert(path) } else { paths.formUnion(nested) }
            }
            return paths
        }
        if let array = value as? [Any], array.first is [String: Any] {
            return array.reduce(into: Set<String>()) { $0.formUnion(keyPaths($1, prefix: prefix + "[]")) }
        }
        return []
    }

    /// The fields of one RFC 4180 line.
    private func csvFields(_ line: String) -> [String] {
        var fields = [""]
        var quoted = false
        var previous: Character?
        for character in line {
            if character == "\"" {
                if quoted, previous == "\"" { fields[fields.count - 1].append("\"") }
                quoted.toggle()
            } else if character == ",", !quoted {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
            previous = character
        }
        return fields
    }

    /// A record with every optional value present.
    private func fullRecord() throws -> ClaimRecord {
        let address = Address(line1: "1 MAIN ST", line2: "SUITE 2", city: "PORTLAND", state: "OR", zip: "972011234")
        let person = ProviderReference(name: .person(last: "PATEL", first: "JAMES"), npi: "1890123452")
        var line = ServiceLine(procedureCode: "E0114", modifiers: ["NU"], charge: 50, units: 1, diagnosisPointers: [1],
                               serviceDate: try XCTUnwrap(CalendarDate(iso: "2024-01-08")),
                               lineControlNumber: "L1")
        line.orderingProvider = person
        line.serviceEndDate = try XCTUnwrap(CalendarDate(iso: "2024-01-12"))
        let paidOn = try XCTUnwrap(CalendarDate(iso: "2024-02-01"))
        let contractual = ClaimAdjustmentGroup(groupCode: "CO", adjustments: [.init(reason: "45", amount: 10)])
        line.adjudications = [LineAdjudication(otherPayerId: "MCR1", paidAmount: 32, procedureCode: "E0114", paidUnits: 1,
                                               adjustments: [contractual], adjudicationDate: paidOn)]
        return ClaimRecord(
            file: "f.837",
            envelope: ClaimEnvelope(interchangeControlNumber: "000000001", groupControlNumber: "1", transactionSetControlNumber: "0001"),
            billingProvider: BillingProvider(name: .organization("CLINIC"), npi: "1234567893", taxId: "931234567",
                                             taxonomy: "225100000X", address: address, payToAddress: address),
            subscriber: Subscriber(responsibility: "P", isPatient: false, groupNumber: "G1", claimFilingCode: "CI",
                                   name: .person(last: "DOE", first: "JOHN", middle: "Q"), memberId: "M1", address: address,
                                   dateOfBirth: CalendarDate(year: 1970, month: 1, day: 2), sex: "M"),
            patient: Patient(relationshipCode: "19", name: .person(last: "DOE", first: "JANE", middle: "R"), address: address,
                             dateOfBirth: try XCTUnwrap(CalendarDate(iso: "2008-03-04")), sex: "F"),
            payer: ClaimPayer(name: "PAYER", payerId: "P1", billingProviderSecondaryId: "PTAN1"),
            claim: Claim(patientControlNumber: "C1", placeOfService: "12", frequencyCode: "7",
                         onsetDate: CalendarDate(year: 2024, month: 1, day: 1), patientAmountPaid: 5, payerClaimControlNumber: "ICN1",
                         priorAuthorization: "AUTH", diagnoses: ["M5416"], referringProvider: person, renderingProvider: person,
                         serviceFacility: ServiceFacility(name: "FACILITY", npi: "1245319599", address: address),
                         otherPayers: [OtherPayer(relationshipCode: "18", claimFilingCode: "MB", adjustments: [contractual],
                                                  paidAmount: 32, remainingPatientLiability: 8,
                                                  subscriber: OtherSubscriber(name: .person(last: "DOE", first: "JANE"), memberId: "1EG4"),
                                                  payerName: "MEDICARE", payerId: "MCR1", adjudicationDate: paidOn,
                                                  claimControlNumber: "ICN-P")],
                         lines: [line]))
    }

    func testDocumentedJSONKeysAreExactlyTheKeysWritten() throws {
        var writer = ClaimsWriter(format: .ndjson)
        let line = writer.write(try fullRecord())
        let object = try JSONSerialization.jsonObject(with: Data(line))
        let documented = try documented(under: "JSON keys")
        XCTAssertEqual(documented.count, Set(documented).count, "a key is documented twice")
        XCTAssertEqual(keyPaths(object), Set(documented))
    }

    func testDocumentedCSVColumnsAreTheHeaderInOrderAndNameDocumentedKeys() throws {
        XCTAssertEqual(try documented(under: "CSV columns"), ClaimsCSV.columns)
        let keys = Set(try documented(under: "JSON keys"))
        let article = try article()
        for column in ClaimsCSV.columns {
            let row = try XCTUnwrap(article.split(separator: "\n").first { $0.hasPrefix("| `\(column)` | `") }, column)
            let key = row.split(separator: "|")[1].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")
            XCTAssertTrue(keys.contains(key), "\(column) names \(key), which is not a documented key")
        }
        var writer = ClaimsWriter(format: .csv)
        let text = String(decoding: writer.begin() + writer.write(try fullRecord()), as: UTF8.self)
        let rows = text.split(separator: "\n")
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(csvFields(String(rows[1])).count, ClaimsCSV.columns.count)
        XCTAssertEqual(csvFields(String(rows[1]))[ClaimsCSV.columns.firstIndex(of: "referringProviderName") ?? 0], "PATEL, JAMES")
    }

    func testSplitClaimsFixtureRecords() throws {
        let records = try ClaimRecord.read(try FixtureFiles.bytes("forms/split-claims.837"), name: "split-claims.837")
        XCTAssertEqual(records.map(\.claim.patientControlNumber), ["V2001-1", "V2001-2"])
        XCTAssertEqual(records.map(\.envelope), Array(repeating: ClaimEnvelope(
            interchangeControlNumber: "000000417", groupControlNumber: "417", transactionSetControlNumber: "0001"), count: 2))
        XCTAssertEqual(records.map(\.claim.lines.count), [8, 1])
        XCTAssertEqual(records.map(\.claim.diagnoses.count), [12, 1])
        XCTAssertEqual(records.map(\.patientRelationship), ["19", "19"])
        XCTAssertEqual(records[0].claim.payerClaimControlNumber, "CHP-ICN-240211")
    }

    /// Each claim carries the ISA13/GS06/ST02 of its own set, across sets and interchanges in one file.
    func testEnvelopeIdsFollowEachClaimsTransactionSetAndInterchange() throws {
        let bytes = try FixtureFiles.bytes("claims/example.837") + FixtureFiles.bytes("forms/split-claims.837")
        let records = try ClaimRecord.read(bytes, name: "both.837")
        XCTAssertEqual(records.map { "\($0.claim.patientControlNumber) \($0.envelope.interchangeControlNumber) "
                                     + "\($0.envelope.groupControlNumber) \($0.envelope.transactionSetControlNumber)" }, [
            "V1001 000000101 1 0001", "V1002 000000101 1 0001", "V1003 000000101 1 0001", "V3001 000000101 1 0001",
            "V2001 000000101 1 0002", "V2002 000000101 1 0002", "V3001-2 000000101 1 0003",
            "V2001-1 000000417 417 0001", "V2001-2 000000417 417 0001",
        ])
    }

    func testJSONDocumentShape() throws {
        var writer = ClaimsWriter(format: .json)
        let bytes = writer.begin() + writer.write(try fullRecord()) + writer.write(try fullRecord())
            + (try writer.finish(errors: [ClaimFileProblem(file: "f", error: X12Error(.invalidValue, at: Position(
                byteOffset: 9, line: 1, segmentIndex: 3, segmentId: "CLM", elementPosition: 2), "bad"))]))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        XCTAssertEqual((object["claims"] as? [Any])?.count, 2)
        XCTAssertEqual(object["errors"] as? NSArray, [["file": "f", "kind": "invalidValue", "message": "bad", "segmentIndex": 3,
                                                       "segmentId": "CLM", "element": 2]] as NSArray)
        let empty = ClaimsWriter(format: .json)
        let none = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(empty.begin() + (try empty.finish(errors: [])))) as? [String: Any])
        XCTAssertEqual((none["claims"] as? [Any])?.count, 0)
    }
}
