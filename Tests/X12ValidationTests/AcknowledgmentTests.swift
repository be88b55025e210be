import XCTest
import X12
@testable import X12Validation

/// The 999 and TA1 written from reports: exact segments, and the 999 passes our own validator.
final class AcknowledgmentTests: XCTestCase {
    private let date = Date(timeIntervalSince1970: 1_705_329_000) // 2024-01-15 14:30 UTC

    private func segments(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func testRejecting999ForAnInvalidCode() throws {
        let text = try TestSupport.fixtureText("claim-837p.x12")
            .replacingSegment("CLM*PCN001*220***11:B:1*Y*A*Y*Y~", with: "CLM*PCN001*220***11:X:1*Y*A*Y*Y~")
        let report = TestSupport.validate(text)
        let builder = AcknowledgmentBuilder(controlNumber: 7, date: date)
        let ack = try XCTUnwrap(try builder.implementationAcknowledgment(for: report))
        XCTAssertEqual(segments(ack), [
            "ISA*00*          *00*          *ZZ*RECEIVERID     *ZZ*SUBMITTERID    *240115*1430*^*00501*000000007*0*P*:~",
            "GS*FA*RECEIVERID*SUBMITTERID*20240115*1430*1*X*005010X231A1~",
            "ST*999*0001*005010X231A1~",
            "AK1*HC*1*005010X222A1~",
            "AK2*837*0001*005010X222A1~",
            "IK3*CLM*18*2300*8~",
            "CTX*CLM01:PCN001~",
            "IK4*5:2*1332*7*X~",
            "IK5*R*5~",
            "AK9*R*1*1*0~",
            "SE*9*0001~",
            "GE*1*1~",
            "IEA*1*000000007~",
        ])
        let check = TestSupport.validator.validate(bytes: ack, file: "ack.999")
        XCTAssertEqual(check.findings.map(\.description), [])
        XCTAssertEqual(check.transactionSets.map(\.implementation), ["005010X231A1"])
    }

    func testAccepting999ForACleanFile() throws {
        let report = TestSupport.validate(try TestSupport.fixtureText("claim-837p.x12"))
        let ack = try XCTUnwrap(try AcknowledgmentBuilder(controlNumber: 8, date: date).implementationAcknowledgment(for: report))
        let body = segments(ack).filter { !["ISA", "GS*", "GE*", "IEA"].contains(where: $0.hasPrefix) }
        XCTAssertEqual(body, ["ST*999*0001*005010X231A1~", "AK1*HC*1*005010X222A1~", "AK2*837*0001*005010X222A1~", "IK5*A~",
                              "AK9*A*1*1*1~", "SE*6*0001~"])
        XCTAssertEqual(TestSupport.validator.validate(bytes: ack).findings.map(\.description), [])
    }

    func testMissingSegmentAndEnvelopeCodesIn999() throws {
        let text = try TestSupport.fixtureText("claim-837p.x12").replacingSegment("N3*100 MAIN ST~", with: nil)
        let ack = try XCTUnwrap(try AcknowledgmentBuilder(date: date).implementationAcknowledgment(for: TestSupport.validate(text)))
        let body = segments(ack).filter { $0.hasPrefix("IK") || $0.hasPrefix("AK9") }
        // The loop id 2010AA does not fit IK303 (AN 1-4), so it is left out.
        XCTAssertEqual(body, ["IK3*N3*8**3~", "IK5*R*4*5~", "AK9*R*1*1*0~"])
        XCTAssertEqual(TestSupport.validator.validate(bytes: ack).findings.map(\.description), [])
    }

    func testISAElementsCheckedAgainstTheControlSpec() throws {
        let text = try TestSupport.fixtureText("claim-837p.x12")
            .replacingOccurrences(of: "*240115*1430*^*00501*000000001*0*P*:~", with: "*241315*1430*^*00501*000000001*0*X*:~")
        let report = TestSupport.validate(text)
        XCTAssertEqual(report.findings.map(Seen.init), [
            Seen(1, nil, "ISA", nil, 9, nil, .invalidDate, "8"),
            Seen(1, nil, "ISA", nil, 15, nil, .invalidCode, "7"),
        ])
        XCTAssertEqual(report.findings.map(\.interchangeErrorCode), ["014", "020"])
        let ta1 = try XCTUnwrap(try AcknowledgmentBuilder(controlNumber: 3, date: date).interchangeAcknowledgment(for: report))
        XCTAssertEqual(segments(ta1)[1], "TA1*000000001*241315*1430*R*014~")
    }

    func testGroupHeaderFaultRejectsTheGroup() throws {
        let text = try TestSupport.fixtureText("claim-837p.x12")
            .replacingSegment("GS*HC*SUBMITTERID*RECEIVERID*20240115*1430*1*X*005010X222A1~",
                              with: "GS*HC*SUBMITTERID*RECEIVERID*20241315*1430*1*X*005010X222A1~")
        let report = TestSupport.validate(text)
        XCTAssertEqual(report.findings.map(Seen.init), [Seen(2, nil, "GS", nil, 4, nil, .invalidDate, "8")])
        XCTAssertEqual(report.findings.first?.groupErrorCode, "6")
        let ack = try XCTUnwrap(try AcknowledgmentBuilder(date: date).implementationAcknowledgment(for: report))
        XCTAssertEqual(segments(ack).filter { $0.hasPrefix("IK5") || $0.hasPrefix("AK9") }, ["IK5*A~", "AK9*R*1*1*0*6~"])
        XCTAssertEqual(TestSupport.validator.validate(bytes: ack).findings.map(\.description), [])
    }

    func testTA1ForMismatchedIEA02() throws {
        let text = try TestSupport.fixtureText("claim-837p.x12").replacingSegment("IEA*1*000000001~", with: "IEA*1*000000002~")
        let report = TestSupport.validate(text)
        XCTAssertEqual(report.findings.map(Seen.init), [Seen(30, nil, "IEA", nil, 2, nil, .interchangeEnvelope, "001")])
        let ta1 = try XCTUnwrap(try AcknowledgmentBuilder(controlNumber: 9, date: date).interchangeAcknowledgment(for: report))
        XCTAssertEqual(segments(ta1), [
            "ISA*00*          *00*          *ZZ*RECEIVERID     *ZZ*SUBMITTERID    *240115*1430*^*00501*000000009*0*P*:~",
            "TA1*000000001*240115*1430*R*001~",
            "IEA*0*000000009~",
        ])
        XCTAssertNil(try AcknowledgmentBuilder().interchangeAcknowledgment(for: TestSupport.validate(try TestSupport.fixtureText("claim-837p.x12"))))
    }
}
