import X12
import X12Acknowledgments
import XCTest
import X12TestSupport

/// Every TA1, 999 (and 997) and 277CA file of Fixtures/corpus, with values checked by hand against the files.
final class CorpusTests: XCTestCase {
    func testImswebAccepted999() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("999/imsweb-accepted.x12")])
        let ack = try XCTUnwrap(decoder.functionalAcknowledgments.first)
        XCTAssertEqual(decoder.functionalAcknowledgments.count, 1)
        XCTAssertEqual(ack.functionalId, "HC")
        XCTAssertEqual(ack.groupControlNumber, "17456")
        XCTAssertEqual(ack.version, "005010X223A2")
        XCTAssertEqual(ack.transactionSets.map(\.controlNumber), ["0001"])
        XCTAssertEqual(ack.transactionSets.first?.implementationReference, "005010X223A2")
        XCTAssertEqual(ack.transactionSets.first?.status, .accepted)
        XCTAssertEqual(ack.groupStatus, .accepted)
        XCTAssertEqual([ack.includedCount, ack.receivedCount, ack.acceptedCount], [1, 1, 1])
        // The file's IEA02 (000000001) does not repeat its ISA13 (000000286).
        XCTAssertEqual(AckTestSupport.lines(decoder.problems),
                       ["imsweb-accepted.x12:segment 10 (IEA) element 2: IEA02 '000000001' does not match ISA13 '000000286'"])
    }

    func testStaediSimple999WithContexts() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("999/staedi-simple999.x12")])
        XCTAssertEqual(decoder.problems, [])
        let ack = try XCTUnwrap(decoder.functionalAcknowledgments.first)
        XCTAssertEqual(ack.controlNumber, "2870001")
        XCTAssertEqual(ack.transactionSets.map(\.controlNumber), ["0001", "0002", "0003"])
        XCTAssertEqual(ack.transactionSets.map(\.code), ["A", "R", "R"])
        XCTAssertEqual(ack.transactionSets[1].errorCodes, ["5"])
        let clm = try XCTUnwrap(ack.transactionSets[1].segmentErrors.first)
        XCTAssertEqual(clm.segmentId, "CLM")
        XCTAssertEqual(clm.segmentPosition, 22)
        XCTAssertEqual(clm.loopId, "")
        XCTAssertEqual(clm.code, "8")
        XCTAssertEqual(clm.description, "segment has data element errors")
        XCTAssertEqual(clm.claimReference, "123456789")
        let element = try XCTUnwrap(clm.elementErrors.first)
        XCTAssertEqual(element.elementPosition, 2)
        XCTAssertNil(element.componentPosition)
        XCTAssertEqual(element.dataElementReference, "782")
        XCTAssertEqual(element.code, "1")
        XCTAssertEqual(element.description, "required data element missing")
        // CTX*SITUATIONAL TRIGGER^SITUATIONAL TRIGGER:2^SITUATIONAL TRIGGER:3*CLM*43**5:3*1325
        let ref = try XCTUnwrap(ack.transactionSets[2].segmentErrors.first)
        XCTAssertEqual(ref.segmentId, "REF")
        XCTAssertEqual(ref.segmentPosition, 57)
        XCTAssertEqual(ref.code, "3")
        XCTAssertEqual(ref.contexts.count, 2)
        let trigger = ref.contexts[0]
        XCTAssertEqual(trigger.name, "SITUATIONAL TRIGGER")
        XCTAssertEqual(trigger.segmentId, "CLM")
        XCTAssertEqual(trigger.segmentPosition, 43)
        XCTAssertEqual(trigger.elementPosition, 5)
        XCTAssertEqual(trigger.componentPosition, 3)
        XCTAssertEqual(trigger.dataElementReference, "1325")
        XCTAssertEqual(ref.claimReference, "987654321")
        XCTAssertEqual(ack.groupCode, "P")
        XCTAssertEqual(ack.groupStatus, .partiallyAccepted)
        XCTAssertEqual([ack.includedCount, ack.receivedCount, ack.acceptedCount], [3, 3, 1])

        // Without a submitted 837 the claims are the ones CTX*CLM01 names.
        let report = decoder.report()
        XCTAssertEqual(report.claims.map(\.patientControlNumber), ["123456789", "987654321"])
        XCTAssertEqual(report.claims.map(\.status), [.rejected, .rejected])
        XCTAssertEqual(report.claims[0].reasons, [AckReport.Reason(
            code: "1", description: "segment 22 (CLM) element 2 (782): required data element missing", source: "999")])
        XCTAssertEqual(report.transactionSets.map(\.status), [.accepted, .rejected, .rejected])
        XCTAssertEqual(report.transactionSets[2].errors.first?.context,
                       ["SITUATIONAL TRIGGER CLM segment 43 element 5", "CLM01:987654321"])
        XCTAssertEqual(report.unmatched, [])
    }

    func testWisconsin999WithByteOrderMarkAndCRLF() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("999/oopfactory-dhs-wisconsin.x12")])
        XCTAssertEqual(decoder.problems, [])
        let ack = try XCTUnwrap(decoder.functionalAcknowledgments.first)
        XCTAssertEqual(ack.version, "004010X098A1")
        XCTAssertEqual(ack.transactionSets.map(\.controlNumber), ["0001", "002", "0003"])
        XCTAssertEqual(ack.transactionSets.map(\.implementationReference), ["", "", ""])
        // CTX*SITUATIONAL TRIGGER*CLM*43**5:3*C023:1325: CTX06-1 is the composite reference C023.
        XCTAssertEqual(ack.transactionSets[2].segmentErrors.first?.contexts.first?.dataElementReference, "C023")
        XCTAssertEqual(ack.transactionSets[2].segmentErrors.first?.contexts.first?.name, "SITUATIONAL TRIGGER")
    }

    func testPyx12Acknowledging834() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("999/pyx12-834-ls-le-ls.x12")])
        XCTAssertEqual(decoder.problems, [])
        let ack = try XCTUnwrap(decoder.functionalAcknowledgments.first)
        XCTAssertEqual(ack.functionalId, "BE")
        XCTAssertEqual(ack.groupControlNumber, "146")
        XCTAssertEqual(ack.transactionSets.first?.transactionSetId, "834")
        XCTAssertEqual(ack.transactionSets.first?.controlNumber, "146001")
        XCTAssertEqual(ack.groupStatus, .accepted)
    }

    func testInvalid999ReportsEachFaultAtItsSegment() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("999/invalid/staedi-invalid999.x12")])
        let file = "staedi-invalid999.x12:"
        XCTAssertEqual(AckTestSupport.lines(decoder.problems), [
            file + "segment 20 (SE) element 1: SE01 says 16 segments but the transaction set has 18 (ST through SE)",
            file + "segment 4 (IK5): IK5 outside an AK2 loop (expected AK1, AK2 before IK5)",
            file + "segment 5 (AK1) element 1: AK101 'HC   ' is not a functional identifier code",
            file + "segment 6 (AK2) element 4: AK2 has 5 elements; expected at most 3 (AK201-AK203)",
            file + "segment 7 (IK5) element 1: IK501 'Q' is not a transaction set acknowledgment code (expected A, E, M, R, W or X)",
            file + "segment 8 (IK5): second IK5 for transaction set 0001",
        ])
        // What could be read is still there: three AK2s, the last two rejected with their errors.
        let ack = try XCTUnwrap(decoder.functionalAcknowledgments.first)
        XCTAssertEqual(ack.transactionSets.map(\.controlNumber), ["0001", "0002", "0003"])
        XCTAssertEqual(ack.transactionSets.map(\.status), [.unknown, .rejected, .rejected])
        XCTAssertEqual(decoder.problems[4].position.transactionSegmentIndex, 5)
    }

    func testImsweb277CAAcceptedClaim() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("277ca/imsweb-277ca-accepted.x12")])
        XCTAssertEqual(decoder.problems, [])
        let ack = try XCTUnwrap(decoder.claimAcknowledgments.first)
        XCTAssertEqual(ack.controlNumber, "000014420")
        XCTAssertEqual(ack.implementationReference, "005010X214")
        XCTAssertEqual(ack.referenceIdentification, "000000674")
        XCTAssertEqual(ack.levels.map(\.kind), [.informationSource, .informationReceiver, .billingProvider])
        let source = ack.levels[0]
        XCTAssertEqual(source.name, "NYSDOH")
        XCTAssertEqual(source.idQualifier, "FI")
        XCTAssertEqual(source.id, "141797357")
        XCTAssertEqual(source.receiptDate, "20110311")
        XCTAssertEqual(source.processDate, "20110311")
        let receiver = ack.levels[1]
        XCTAssertEqual(receiver.traceNumber, "000000674")
        XCTAssertEqual(receiver.statuses.first?.codes, [StatusCode(category: "A1", status: "20", entity: "")])
        XCTAssertEqual(receiver.statuses.first?.actionCode, "WQ")
        XCTAssertEqual(receiver.statuses.first?.chargeAmount, Decimal(string: "125"))
        XCTAssertEqual(receiver.acceptedQuantity, 1)
        XCTAssertNil(receiver.rejectedQuantity)
        XCTAssertEqual(receiver.acceptedAmount, Decimal(string: "125.0"))
        XCTAssertEqual(ack.levels[2].traceNumber, "1107000000000135FF")
        let claim = try XCTUnwrap(ack.claims.first)
        XCTAssertEqual(ack.claims.count, 1)
        XCTAssertEqual(claim.patientControlNumber, "5781")
        XCTAssertEqual(claim.patientLastName, "TPATIENT")
        XCTAssertEqual(claim.patientFirstName, "THEBE")
        XCTAssertEqual(claim.memberId, "LL99999X")
        XCTAssertEqual(claim.billingProviderName, "OCTOR")
        XCTAssertEqual(claim.billingProviderId, "1234567890")
        XCTAssertEqual(claim.statuses.first?.codes.first?.text, "A2:20")
        XCTAssertEqual(claim.statuses.first?.effectiveDate, "20110311")
        XCTAssertEqual(claim.chargeAmount, 125)
        XCTAssertEqual(claim.payerClaimControlNumber, "1107000000014420")
        XCTAssertEqual(claim.serviceDate, "10010101")
        XCTAssertEqual(claim.disposition, .accepted)
        let report = decoder.report()
        XCTAssertEqual(report.claims.map(\.patientControlNumber), ["5781"])
        XCTAssertEqual(report.claims.first?.payerClaimControlNumber, "1107000000014420")
        XCTAssertEqual(report.claims.first?.status, .accepted)
        XCTAssertEqual(report.claims.first?.patientName, "TPATIENT, THEBE")
    }

    func testTruncated277CAKeepsWhatWasRead() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("277ca/oopfactory-from-bogeyone.x12")])
        let ack = try XCTUnwrap(decoder.claimAcknowledgments.first)
        XCTAssertEqual(ack.referenceIdentification, "203263.1")
        XCTAssertEqual(ack.levels.map(\.kind), [.informationSource, .informationReceiver])
        XCTAssertEqual(ack.levels[0].entityCode, "AY")
        XCTAssertEqual(ack.levels[0].name, "AMERISYS")
        XCTAssertEqual(ack.levels[0].traceNumber, "20060831001")
        XCTAssertEqual(ack.claims.count, 0)
        let file = "oopfactory-from-bogeyone.x12:"
        XCTAssertEqual(AckTestSupport.lines(decoder.problems), [
            file + "segment 10 (HL): the input ends inside transaction set 0001: SE missing",
            file + "segment 10 (HL): the 277CA ends without its SE: claims after this point are missing",
            file + "segment 10 (HL): the input ends inside functional group 203263: GE missing",
            file + "segment 10 (HL): the input ends inside interchange 000203263: IEA missing",
        ])
    }

    func testUnpaddedISA277CAIsAPositionedError() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("277ca/oopfactory-from-latitude81uk.x12")])
        XCTAssertEqual(decoder.claimAcknowledgments.count, 0)
        XCTAssertEqual(decoder.problems.map(\.kind), [.malformedInterchangeHeader])
        XCTAssertEqual(decoder.problems.first?.position.elementPosition, 12)
    }

    func testStaediTA1() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("ta1/staedi-interchange-ack.x12")])
        let ta1 = try XCTUnwrap(decoder.interchangeAcknowledgments.first)
        XCTAssertEqual([ta1.controlNumber, ta1.date, ta1.time, ta1.code, ta1.noteCode], ["000000050", "200229", "1200", "A", "000"])
        XCTAssertEqual(ta1.acknowledgmentControlNumber, "000000001")
        XCTAssertEqual(decoder.interchangeAcknowledgments.first?.position.segmentIndex, 2)
        XCTAssertEqual(decoder.interchangeAcknowledgments.first?.status, .accepted)
        XCTAssertEqual(decoder.interchangeAcknowledgments.first?.noteDescription, "no error")
        // An interchange holding only a TA1 must say IEA01 = 0.
        XCTAssertEqual(AckTestSupport.lines(decoder.problems),
                       ["staedi-interchange-ack.x12:segment 3 (IEA) element 1: IEA01 says 1 functional groups but the interchange has 0"])
    }

    func testTA1WithUnusualDelimiters() throws {
        // Element separator '>', component separator '+', segment terminator CR (then LF), BOM, no final terminator.
        let decoder = try AckTestSupport.decode([Corpus.path("ta1/oopfactory-ta1-jeffn825.x12")])
        XCTAssertEqual(decoder.problems, [])
        let ta1 = try XCTUnwrap(decoder.interchangeAcknowledgments.first)
        XCTAssertEqual(ta1.controlNumber, "900000001")
        XCTAssertEqual(ta1.date, "100624")
        XCTAssertEqual(ta1.time, "1430")
        XCTAssertEqual(ta1.status, .rejected)
        XCTAssertEqual(ta1.noteCode, "006")
        XCTAssertEqual(ta1.noteDescription, "invalid sender id")
        let report = decoder.report()
        XCTAssertEqual(report.interchanges.first?.note, AckReport.Reason(code: "006", description: "invalid sender id", source: "TA1"))
        XCTAssertTrue(report.hasRejections)
    }

    func testUnpaddedTA1IsAPositionedError() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("ta1/invalid/uhin-ta1.x12")])
        XCTAssertEqual(decoder.interchangeAcknowledgments.count, 0)
        XCTAssertEqual(AckTestSupport.lines(decoder.problems), [
            "uhin-ta1.x12:segment 1 (ISA) element 2: ISA is not fixed width: ISA02 must be exactly 10 characters, found 1; "
                + "the ISA must be 106 bytes with every field padded",
        ])
    }

    func test997AcrossThreeInterchanges() throws {
        let decoder = try AckTestSupport.decode([Corpus.path("other/staedi-997-multiple-interchanges.x12")])
        XCTAssertEqual(decoder.problems, [])
        XCTAssertEqual(decoder.functionalAcknowledgments.map(\.interchangeControlNumber), ["000000001", "000000002", "000000003"])
        let ack = decoder.functionalAcknowledgments[0]
        XCTAssertEqual(ack.transactionSetId, "997")
        let error = try XCTUnwrap(ack.transactionSets.first?.segmentErrors.first)
        XCTAssertEqual(error.segmentId, "NM1")
        XCTAssertEqual(error.segmentPosition, 8)
        XCTAssertEqual(error.elementErrors.first?.elementPosition, 8)
        XCTAssertEqual(error.elementErrors.first?.dataElementReference, "66")
        XCTAssertEqual(error.elementErrors.first?.code, "7")
        XCTAssertEqual(error.elementErrors.first?.badData, "MI")
        XCTAssertEqual(ack.groupStatus, .rejected)
        XCTAssertEqual(decoder.report().groups.map(\.acknowledgmentType), ["997", "997", "997"])
    }
}
