import Foundation
import X12
@testable import X12Claims
import XCTest

final class ClaimEncoderTests: XCTestCase {
    /// A one-claim file built by hand; every expected segment below was written from the model by hand.
    private func smallFile(lastName: String = "DOE") throws -> ClaimFile {
        let date = try XCTUnwrap(InterchangeSettings.parseDate("2024-01-15T14:30"))
        let day = try XCTUnwrap(CalendarDate(iso: "2024-01-10"))
        let birth = try XCTUnwrap(CalendarDate(iso: "1950-02-03"))
        let address = Address(line1: "1 MAIN ST", city: "PORTLAND", state: "OR", zip: "972011234")
        let provider = BillingProvider(name: .organization("PT CLINIC"), npi: "1234567893", taxId: "931234567", taxonomy: "225100000X",
                                       address: address)
        let subscriber = Subscriber(isPatient: true, groupNumber: nil, claimFilingCode: "MB", name: .person(last: lastName, first: "JANE"),
                                    memberId: "1EG4TE5MK73", address: address, dateOfBirth: birth, sex: "F")
        let line = ServiceLine(procedureCode: "97110", modifiers: ["GP", "KX"], charge: Decimal(120), units: 4, diagnosisPointers: [1, 2],
                               serviceDate: day, lineControlNumber: "V1-1")
        let claim = Claim(patientControlNumber: "V1", placeOfService: "11", priorAuthorization: "0000",
                          diagnoses: ["M5416", "M6281"], lines: [line])
        let transaction = ClaimTransaction(
            reference: "B1", creationDate: day, creationTime: "1430", submitter: Submitter(name: "PT CLINIC", id: "S1", phone: "5035550100"),
            receiver: Receiver(name: "CLEARINGHOUSE", id: "R1"),
            billingProviders: [BillingProviderGroup(provider: provider, subscribers: [
                SubscriberGroup(subscriber: subscriber, payer: ClaimPayer(name: "MEDICARE B", payerId: "02402"), patient: nil, claims: [claim]),
            ])])
        let header = EnvelopeBuilder.Header(senderId: "SENDER", receiverId: "RECEIVER", controlNumber: 7, usage: "T", date: date)
        return ClaimFile(header: header, transactions: [transaction])
    }

    func testWritesEverySegmentOfASmallClaim() throws {
        let text = String(decoding: try ClaimEncoder.encode(smallFile()), as: UTF8.self)
        XCTAssertEqual(text, """
        ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240115*1430*^*00501*000000007*0*T*:~
        GS*HC*SENDER*RECEIVER*20240115*1430*1*X*005010X222A1~
        ST*837*0001*005010X222A1~
        BHT*0019*00*B1*20240110*1430*CH~
        NM1*41*2*PT CLINIC*****46*S1~
        PER*IC**TE*5035550100~
        NM1*40*2*CLEARINGHOUSE*****46*R1~
        HL*1**20*1~
        PRV*BI*PXC*225100000X~
        NM1*85*2*PT CLINIC*****XX*1234567893~
        N3*1 MAIN ST~
        N4*PORTLAND*OR*972011234~
        REF*EI*931234567~
        HL*2*1*22*0~
        SBR*P*18*******MB~
        NM1*IL*1*DOE*JANE****MI*1EG4TE5MK73~
        N3*1 MAIN ST~
        N4*PORTLAND*OR*972011234~
        DMG*D8*19500203*F~
        NM1*PR*2*MEDICARE B*****PI*02402~
        CLM*V1*120***11:B:1*Y*A*Y*Y~
        REF*G1*0000~
        HI*ABK:M5416*ABF:M6281~
        LX*1~
        SV1*HC:97110:GP:KX*120*UN*4***1:2~
        DTP*472*D8*20240110~
        REF*6R*V1-1~
        SE*26*0001~
        GE*1*1~
        IEA*1*000000007~

        """)
    }

    func testDelimiterInDataIsAnErrorNamingTheElement() throws {
        XCTAssertThrowsError(try ClaimEncoder.encode(smallFile(lastName: "DOE*SMITH"))) { error in
            let failure = error as? X12Error
            XCTAssertEqual(failure?.kind, .delimiterInData)
            XCTAssertEqual(failure?.position.segmentId, "NM1")
            XCTAssertEqual(failure?.position.elementPosition, 3)
        }
    }

    func testMoneyIsWrittenWithoutLocaleOrTrailingZeros() {
        XCTAssertEqual(AmountText.x12(Decimal(string: "120.50") ?? 0), "120.5")
        XCTAssertEqual(AmountText.x12(Decimal(string: "68.555") ?? 0), "68.56")
        XCTAssertEqual(AmountText.x12(Decimal(1000)), "1000")
        XCTAssertEqual(AmountText.display(Decimal(string: "193.5") ?? 0), "193.50")
    }

    func testJSONSyntaxErrorNamesLineAndColumn() {
        XCTAssertThrowsError(try BillingBatch.decode(from: Data("{\n  \"interchange\": {,}\n}".utf8))) { error in
            XCTAssertEqual((error as? BatchError)?.description, "$: not valid JSON at line 2 column 19: expected a field name in quotes")
        }
    }
}
