import Foundation
import XCTest
import X12TestSupport

/// `x12 claims` on public corpus 837P files, against rows checked by hand from the segments.
final class ClaimsCommandTests: XCTestCase {
    private let header = "file,interchangeControlNumber,groupControlNumber,transactionSetControlNumber,billingProviderName,"
        + "billingProviderNpi,billingProviderTaxId,billingProviderTaxonomy,subscriberMemberId,subscriberLastName,subscriberFirstName,"
        + "subscriberGroupNumber,claimFilingCode,payerResponsibility,patientLastName,patientFirstName,patientDateOfBirth,patientSex,"
        + "patientRelationship,payerName,payerId,patientControlNumber,totalCharge,frequencyCode,placeOfService,diagnoses,"
        + "priorAuthorization,payerClaimControlNumber,referringProviderName,referringProviderNpi,renderingProviderName,"
        + "renderingProviderNpi,lineNumber,procedureCode,modifiers,units,lineCharge,diagnosisPointers,serviceDate,lineControlNumber,serviceEndDate"

    /// stupidedi's anesthesia example: one claim, one line with three modifiers, a rendering provider.
    private let anesthesia = [
        "Fixtures/corpus/837p/stupidedi-anesthesia.x12,000010216,20213,0001,PROVIDER MEDICAL GROUP,2366554859,756473826,,"
            + "123456789A,JONES,MARGARET,,MB,P,JONES,MARGARET,1974-03-03,F,18,ABC PAYER,05440,153829140,827.00,1,22,36616,,,,,"
            + "\"TOWNSEND, JACOB E\",5678912345,1,00142,QK|QS|P1,61,827.00,1,2005-01-12,,",
    ]

    /// LinuxForHealth's ambulance example 5: four lines with their REF*6R, four diagnoses, a taxonomy.
    private let ambulance = [("1", "A0427", "1", "700.00", "1001"), ("2", "A0425", "21", "8.20", "1002"),
                             ("3", "A0422", "1", "46.00", "1003"), ("4", "A0382", "1", "12.30", "1004")].map { line in
        "Fixtures/corpus/837p/lfh-ambulance-example5.x12,000000907,1,000017712,AAA AMBULANCE SERVICE,2366554859,376985369,"
            + "3416L0300X,012345678A,JONES,SARAH,,MB,P,JONES,SARAH,1963-07-29,F,18,MEDICARE PART B,123245,051068,766.50,1,41,"
            + "8628|E8888|9592|8540,,,,,,,\(line.0),\(line.1),RH,\(line.2),\(line.3),1|2|3|4,2005-02-08,\(line.4),"
    }

    func testCSVOfTwoCorpusFilesMatchesHandCheckedRows() throws {
        let result = try CommandRunner.run(["claims", "--format", "csv", "Fixtures/corpus/837p/stupidedi-anesthesia.x12",
                                            "Fixtures/corpus/837p/lfh-ambulance-example5.x12"])
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.status, 0)
        assertEqualLines(result.stdout, ([header] + anesthesia + ambulance).joined(separator: "\n") + "\n")
    }

    func testJSONOfACorpusFile() throws {
        let result = try CommandRunner.run(["claims", "Fixtures/corpus/837p/lfh-ambulance-example5.x12"])
        XCTAssertEqual(result.status, 0)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((document["errors"] as? [Any])?.count, 0)
        let claims = try XCTUnwrap(document["claims"] as? [[String: Any]])
        XCTAssertEqual(claims.count, 1)
        let claim = claims[0]
        XCTAssertEqual(claim["patientControlNumber"] as? String, "051068")
        XCTAssertEqual(claim["totalCharge"] as? String, "766.50")
        XCTAssertEqual(claim["placeOfService"] as? String, "41")
        XCTAssertEqual(claim["diagnoses"] as? [String], ["8628", "E8888", "9592", "8540"])
        XCTAssertEqual((claim["billingProvider"] as? [String: Any])?["address"] as? [String: String],
                       ["line1": "12202 AIRPORT WAY", "city": "BROOMFIELD", "state": "CO", "zip": "800210021"])
        XCTAssertEqual(claim["subscriber"] as? NSDictionary, [
            "memberId": "012345678A", "lastName": "JONES", "firstName": "SARAH", "middleName": "A", "responsibility": "P",
            "claimFilingCode": "MB", "dateOfBirth": "1963-07-29", "sex": "F",
            "address": ["line1": "1129 REINDEER ROAD", "city": "CARR", "state": "CO", "zip": "80612"],
        ] as NSDictionary)
        XCTAssertEqual(claim["payer"] as? [String: String], ["name": "MEDICARE PART B", "payerId": "123245"])
        let lines = try XCTUnwrap(claim["lines"] as? [[String: Any]])
        XCTAssertEqual(lines.map { $0["charge"] as? String }, ["700.00", "8.20", "46.00", "12.30"])
        XCTAssertEqual(lines.map { $0["lineControlNumber"] as? String }, ["1001", "1002", "1003", "1004"])
        XCTAssertEqual(lines[1]["units"] as? String, "21")
        XCTAssertEqual(lines[0]["modifiers"] as? [String], ["RH"])
        XCTAssertEqual(lines[0]["diagnosisPointers"] as? [Int], [1, 2, 3, 4])
    }

    func testNDJSONIsOneClaimALineWithEnvelopeIds() throws {
        let result = try CommandRunner.run(["claims", "--format", "ndjson", "Fixtures/forms/split-claims.837"])
        XCTAssertEqual(result.status, 0)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let records = try lines.map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(records.map { $0["patientControlNumber"] as? String }, ["V2001-1", "V2001-2"])
        XCTAssertEqual(records.map { $0["interchangeControlNumber"] as? String }, ["000000417", "000000417"])
        XCTAssertEqual(records.map { $0["groupControlNumber"] as? String }, ["417", "417"])
        XCTAssertEqual(records.map { $0["transactionSetControlNumber"] as? String }, ["0001", "0001"])
        XCTAssertEqual(records[0]["payerClaimControlNumber"] as? String, "CHP-ICN-240211")
        XCTAssertEqual(records[0]["priorAuthorization"] as? String, "AUTH55821")
        XCTAssertEqual(records[0]["frequencyCode"] as? String, "7")
        XCTAssertEqual((records[0]["referringProvider"] as? [String: String])?["npi"], "1890123452")
        XCTAssertEqual((records[0]["diagnoses"] as? [String])?.count, 12)
        XCTAssertEqual((records[0]["lines"] as? [Any])?.count, 8)
    }

    func testBadInputIsAPositionedErrorAndTheOtherFilesAreStillWritten() throws {
        let result = try CommandRunner.run(["claims", "--format", "csv", "Fixtures/corpus/837p/imsweb-valid.x12",
                                            "Fixtures/corpus/837p/stupidedi-anesthesia.x12"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "Fixtures/corpus/837p/imsweb-valid.x12:segment 36 (SE) element 1: SE01 says 25 segments but the "
                       + "transaction set has 34 (ST through SE)\n")
        assertEqualLines(result.stdout, ([header] + anesthesia).joined(separator: "\n") + "\n")
    }

    func testNotAn837AndNotX12AreRejectedWithoutACrash() throws {
        let remit = try CommandRunner.run(["claims", "Fixtures/remit/reversal-plb.835"])
        XCTAssertEqual(remit.status, 1)
        XCTAssertTrue(remit.stderr.hasPrefix("Fixtures/remit/reversal-plb.835:segment 3 (ST) element 1: "), remit.stderr)
        let garbage = try CommandRunner.run(["claims", "-"], input: Data("hello, world\n".utf8))
        XCTAssertEqual(garbage.status, 1)
        XCTAssertTrue(garbage.stderr.hasPrefix("-:"), garbage.stderr)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(garbage.stdout.utf8)) as? [String: Any])
        let error = try XCTUnwrap((document["errors"] as? [[String: Any]])?.first)
        XCTAssertEqual(error["file"] as? String, "-")
        XCTAssertEqual((document["claims"] as? [Any])?.count, 0)
        let missing = try CommandRunner.run(["claims", "Fixtures/no-such-file.837"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "Fixtures/no-such-file.837:cannot read Fixtures/no-such-file.837\n")
    }

    func testOutputFileIsWrittenAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("claims-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("claims.csv").path
        let result = try CommandRunner.run(["claims", "--format", "csv", "-o", target, "Fixtures/corpus/837p/stupidedi-anesthesia.x12"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), ([header] + anesthesia).joined(separator: "\n") + "\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["claims.csv"])
    }
}

/// A secondary claim's records carry the primary payer's adjudication (2320/2330B and each line's 2430), as
/// written in Fixtures/cob/secondary.837 (AMT*D 150 and 85; SVD per line).
final class ClaimsCOBRecordTests: XCTestCase {
    func testOtherPayerAmountsComeFromTheCOBLoops() throws {
        let result = try CommandRunner.run(["claims", "--format", "ndjson", "Fixtures/cob/secondary.837"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = try result.stdout.split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(records.map { $0["patientControlNumber"] as? String }, ["S1001-S", "S2001-S"])
        let payers = records.map { ($0["otherPayers"] as? [[String: Any]])?.first }
        XCTAssertEqual(payers.map { $0?["payerName"] as? String }, ["MEDICARE PART B OREGON", "AETNA"])
        XCTAssertEqual(payers.map { $0?["paidAmount"] as? String }, ["150.00", "85.00"])
        let lines = try XCTUnwrap(records.first?["lines"] as? [[String: Any]])
        XCTAssertEqual(lines.map { ($0["adjudications"] as? [Any])?.count }, [1, 1, 1])
    }
}
