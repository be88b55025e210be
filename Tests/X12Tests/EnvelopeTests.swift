import X12
import XCTest

final class EnvelopeTests: XCTestCase {
    private func problems(_ text: String) throws -> [String] {
        try TestSupport.envelopeProblems(Array(text.utf8)).map(\.description)
    }

    func testWrongCounts() throws {
        let text = TestSupport.interchange().replacingOccurrences(of: "SE*3*0001", with: "SE*4*0001")
            .replacingOccurrences(of: "GE*1*1", with: "GE*2*1").replacingOccurrences(of: "IEA*1*", with: "IEA*3*")
        XCTAssertEqual(try problems(text), [
            "segment 5 (SE) element 1: SE01 says 4 segments but the transaction set has 3 (ST through SE)",
            "segment 6 (GE) element 1: GE01 says 2 transaction sets but the group has 1",
            "segment 7 (IEA) element 1: IEA01 says 3 functional groups but the interchange has 1",
        ])
    }

    func testControlNumberMismatches() throws {
        let text = TestSupport.interchange().replacingOccurrences(of: "SE*3*0001", with: "SE*3*0002")
            .replacingOccurrences(of: "GE*1*1", with: "GE*1*9").replacingOccurrences(of: "IEA*1*000000001", with: "IEA*1*000000002")
        XCTAssertEqual(try problems(text), [
            "segment 5 (SE) element 2: SE02 '0002' does not match ST02 '0001'",
            "segment 6 (GE) element 2: GE02 '9' does not match GS06 '1'",
            "segment 7 (IEA) element 2: IEA02 '000000002' does not match ISA13 '000000001'",
        ])
    }

    func testMissingTrailers() throws {
        let noSE = TestSupport.interchange().replacingOccurrences(of: "SE*3*0001~", with: "")
        XCTAssertEqual(try problems(noSE), ["segment 5 (GE): SE missing: transaction set 0001 is not closed before this GE"])
        let noIEA = TestSupport.interchange().replacingOccurrences(of: "IEA*1*000000001~", with: "")
        XCTAssertEqual(try problems(noIEA), ["segment 6 (GE): the input ends inside interchange 000000001: IEA missing"])
    }

    func testOneBrokenTransactionSetDoesNotHideTheOthers() throws {
        let text = """
        ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000007*0*T*:~\
        GS*HP*SENDER*RECEIVER*20240101*1200*5*X*005010X221A1~\
        ST*835*0001~BPR*I*10*C*ACH~SE*9*0001~\
        ST*835*0002~BPR*I*20*C*ACH~\
        ST*835*0003~BPR*I*30*C*ACH~SE*3*0003~\
        GE*3*5~IEA*1*000000007~
        """
        let envelopes = EnvelopeReader(SegmentReader(string: text))
        var sets: [(String, Int, [String])] = []
        var others: [String] = []
        while let item = try envelopes.next() {
            switch item {
            case .transactionSet(let set):
                sets.append((set.header.controlNumber, set.segments.count, set.problems.map(\.description)))
            case .problem(let error):
                others.append(error.description)
            case .interchangeAcknowledgment:
                XCTFail("no TA1 here")
            }
        }
        XCTAssertEqual(sets.map(\.0), ["0001", "0002", "0003"])
        XCTAssertEqual(sets.map(\.1), [3, 2, 3])
        XCTAssertEqual(sets[0].2, ["segment 5 (SE) element 1: SE01 says 9 segments but the transaction set has 3 (ST through SE)"])
        XCTAssertEqual(sets[1].2, ["segment 8 (ST): SE missing: transaction set 0002 is not closed before this ST"])
        XCTAssertEqual(sets[2].2, [])
        XCTAssertEqual(others, [])
    }

    func testTA1InterchangeAndTransactionSegmentIndex() throws {
        let text = """
        ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000007*0*T*:~\
        TA1*000000050*200229*1200*R*024~IEA*0*000000007~
        """
        let envelopes = EnvelopeReader(SegmentReader(string: text))
        guard case .interchangeAcknowledgment(let segment, let header)? = try envelopes.next() else {
            return XCTFail("expected a TA1")
        }
        XCTAssertEqual(segment[4], "R")
        XCTAssertEqual(header.controlNumber, "000000007")
        XCTAssertNil(try envelopes.next())

        var tracker = EnvelopeTracker()
        for segment in try TestSupport.segments(TestSupport.interchange(body: ["BHT*1", "REF*2"])) {
            _ = tracker.consume(segment)
            if segment.hasId("REF") { XCTAssertEqual(tracker.transactionSegmentIndex, 3) }
        }
    }

    func testSegmentsOutsideTransactionSets() throws {
        let text = TestSupport.interchange().replacingOccurrences(of: "GE*1*1~", with: "NM1*XX~GE*1*1~")
        XCTAssertEqual(try problems(text), ["segment 6 (NM1): segment NM1 outside a transaction set (ST missing)"])
    }
}
