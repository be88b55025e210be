import X12
import X12Acknowledgments
import X12Matching
import XCTest

/// Mapping rules that the fixtures do not exercise, on small inline files.
final class AckEdgeCaseTests: XCTestCase {
    /// ISA13 000000101, GS06 7, ST 0001: subscriber DOE (HL at 6) with claims A-1 (CLM at 9) and A-2 (CLM at 12).
    private let submitted = """
    ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240115*1430*^*00501*000000101*0*T*:~
    GS*HC*SUBMITTER*RECEIVER*20240115*1430*7*X*005010X222A1~
    ST*837*0001*005010X222A1~
    BHT*0019*00*B1*20240115*1430*CH~
    NM1*41*2*PT CLINIC*****46*S1~
    HL*1**20*1~
    NM1*85*2*PT CLINIC*****XX*1234567893~
    HL*2*1*22*0~
    SBR*P*18*******MB~
    NM1*IL*1*DOE*JANE****MI*1EG4TE5MK72~
    CLM*A-1*100***11:B:1*Y*A*Y*Y~
    LX*1~
    SV1*HC:97110:GP*100*UN*1***1~
    CLM*A-2*50***11:B:1*Y*A*Y*Y~
    LX*1~
    SV1*HC:97140:GP*50*UN*1***1~
    SE*14*0001~
    GE*1*7~
    IEA*1*000000101~
    """

    private func report(_ acknowledgment: String) throws -> AckReport {
        let index = try SubmittedClaimIndex(reader: SegmentReader(string: submitted))
        return AckReport.read(reader: SegmentReader(string: acknowledgment), matching: AcknowledgmentMatcher(index: index), file: "inline")
    }

    private func interchange(_ body: String, functionalId: String = "FA", version: String = "005010X231A1") -> String {
        """
        ISA*00*          *00*          *ZZ*RECEIVER       *ZZ*SUBMITTER      *240116*0900*^*00501*000000900*0*T*:~
        GS*\(functionalId)*RECEIVER*SUBMITTER*20240116*0900*900*X*\(version)~
        \(body)
        GE*1*900~
        IEA*1*000000900~
        """
    }

    func testErrorInSubscriberLoopAffectsEveryClaimBelowIt() throws {
        let report = try report(interchange("""
        ST*999*0001*005010X231A1~
        AK1*HC*7*005010X222A1~
        AK2*837*0001*005010X222A1~
        IK3*NM1*8*2010BA*8~
        IK4*9*67*1~
        IK5*R*5~
        AK9*R*1*1*0~
        SE*8*0001~
        """))
        XCTAssertEqual(report.problems, [])
        let error = try XCTUnwrap(report.transactionSets.first?.errors.first)
        XCTAssertNil(error.claim)
        XCTAssertEqual(error.claims, ["A-1", "A-2"])
        XCTAssertEqual(error.segmentText, "NM1*IL*1*DOE*JANE****MI*1EG4TE5MK72")
        XCTAssertEqual(report.claims.map(\.status), [.rejected, .rejected])
        XCTAssertEqual(report.claims.map { $0.reasons.map(\.code) }, [["1"], ["1"]])
    }

    func testGroupControlNumberMatchesAsANumber() throws {
        // AK102 '007' answers GS06 '7'; the IK302 position is still looked up in the submitted set.
        let report = try report(interchange("""
        ST*999*0001*005010X231A1~
        AK1*HC*007*005010X222A1~
        AK2*837*0001*005010X222A1~
        IK3*CLM*12*2300*8~
        IK4*2*782*1~
        IK5*R*5~
        AK9*R*1*1*0~
        SE*8*0001~
        """))
        XCTAssertEqual(report.unmatched, [])
        XCTAssertEqual(report.transactionSets.first?.errors.first?.claim, "A-2")
        XCTAssertEqual(report.transactionSets.first?.errors.first?.segmentText, "CLM*A-2*50***11:B:1*Y*A*Y*Y")
        XCTAssertEqual(report.transactionSets.first?.claims, ["A-1", "A-2"])
    }

    func testHeaderErrorRejectsTheSetWithoutNamingAClaim() throws {
        let report = try report(interchange("""
        ST*999*0001*005010X231A1~
        AK1*HC*7*005010X222A1~
        AK2*837*0001*005010X222A1~
        IK3*BHT*2**8~
        IK4*4*373*8*20241301~
        IK5*R*5~
        AK9*R*1*1*0~
        SE*8*0001~
        """))
        XCTAssertEqual(report.transactionSets.first?.errors.first?.claims, [])
        XCTAssertEqual(report.claims.first?.reasons, [AckReport.Reason(
            code: "R 5", description: "transaction set 0001 rejected: one or more segments in error", source: "999")])
    }

    func testRejectedGroupWithoutAK2RejectsItsSets() throws {
        let report = try report(interchange("""
        ST*999*0001*005010X231A1~
        AK1*HC*7*005010X222A1~
        AK9*R*1*0*0*2~
        SE*4*0001~
        """))
        XCTAssertEqual(report.groups.first?.status, .rejected)
        XCTAssertEqual(report.groups.first?.errors, [AckReport.Reason(code: "2", description: "functional group version not supported",
                                                                      source: "999")])
        XCTAssertEqual(report.claims.map(\.status), [.rejected, .rejected])
        XCTAssertEqual(report.claims.first?.reasons.first?.description, "functional group 7 rejected: functional group version not supported")
    }

    func testLatest277CAStatusWins() throws {
        func claimAck(_ control: String, _ status: String, _ action: String) -> String {
            """
            ST*277*\(control)*005010X214~
            BHT*0085*08*R\(control)*20240116*0900*TH~
            HL*1**20*1~
            NM1*PR*2*PAYER*****PI*12345~
            HL*2*1*21*1~
            NM1*41*2*PT CLINIC*****46*S1~
            HL*3*2*19*1~
            NM1*85*2*PT CLINIC*****XX*1234567893~
            HL*4*3*PT~
            NM1*QC*1*DOE*JANE****MI*1EG4TE5MK72~
            TRN*2*a-1~
            STC*\(status)*20240116*\(action)*100~
            SE*13*\(control)~
            """
        }
        let text = """
        ISA*00*          *00*          *ZZ*RECEIVER       *ZZ*SUBMITTER      *240116*0900*^*00501*000000900*0*T*:~
        GS*HN*RECEIVER*SUBMITTER*20240116*0900*900*X*005010X214~
        \(claimAck("0001", "A1:19", "WQ"))
        \(claimAck("0002", "A2:20", "WQ"))
        GE*2*900~
        IEA*1*000000900~
        """
        let report = try report(text)
        XCTAssertEqual(report.problems, [])
        // TRN02 'a-1' matches CLM01 'A-1' ignoring case; the receipt (A1) then the acceptance (A2).
        XCTAssertEqual(report.claims[0].status, .accepted)
        XCTAssertEqual(report.claims[0].acknowledgments.map(\.status), [.pending, .accepted])
        XCTAssertEqual(report.claims[0].reasons.map(\.code), ["A2:20"])
        XCTAssertEqual(report.claims[1].status, .pending)
    }

    func testOtherTransactionSetsAreSkippedWithAProblem() throws {
        let report = try report(submitted)
        XCTAssertEqual(report.problems.map(\.description),
                       ["inline:segment 3 (ST): transaction set 837 0001 is not an acknowledgment (expected 999, 997 or 277); skipped"])
    }

    func testUnknownTA1CodesAreProblems() throws {
        let report = try report("""
        ISA*00*          *00*          *ZZ*RECEIVER       *ZZ*SUBMITTER      *240116*0900*^*00501*000000900*0*T*:~
        TA1*000000101*240115*1430*Q*099~
        IEA*0*000000900~
        """)
        XCTAssertEqual(report.problems.map(\.description), [
            "inline:segment 2 (TA1) element 4: TA104 'Q' is not an acknowledgment code (expected A, E or R)",
            "inline:segment 2 (TA1) element 5: TA105 '099' is not an interchange note code (expected 000-031)",
        ])
        XCTAssertEqual(report.interchanges.first?.status, .unknown)
        XCTAssertEqual(report.interchanges.first?.note.description, "code 099")
        XCTAssertEqual(report.claims.map(\.status), [.pending, .pending])
    }
}
