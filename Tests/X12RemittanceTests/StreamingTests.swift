import X12
import X12Output
import X12Remittance
import XCTest

/// One check holding many claims streams: the decoder hands out each claim as it is read and the writer
/// turns each into a bounded piece of output, in every format (measured with a counting sink, not a timer).
final class StreamingTests: XCTestCase {
    private static let claimCount = 3_000

    /// An 835 with one transaction set of `claimCount` balanced claims.
    private static func singleCheck() -> String {
        var segments = [
            "ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*PTCLINIC       *240315*1200*^*00501*000000001*0*P*:",
            "GS*HP*ACMEPAYER*PTCLINIC*20240315*1200*1*X*005010X221A1",
            "ST*835*0001",
            "BPR*I*\(claimCount * 80).00*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20240315",
            "TRN*1*EFT1*1512345678", "N1*PR*ACME HEALTH PLAN", "N1*PE*PT CLINIC*XX*1234567893", "LX*1",
        ]
        for claim in 0..<claimCount {
            segments += ["CLP*PCN\(claim)*1*100*80*10*12*ICN\(claim)*11*1", "NM1*QC*1*DOE*JANE****MI*M\(claim)",
                         "SVC*HC:97110:GP*100*80**1", "CAS*CO*45*10", "CAS*PR*2*10", "REF*6R*PCN\(claim)-1"]
        }
        segments += ["SE*\(segments.count - 1)*0001", "GE*1*1", "IEA*1*000000001"]
        return segments.joined(separator: "~\n") + "~\n"
    }

    /// Sizes of the pieces a whole run writes, one per event, for a format.
    private func pieces(_ format: RemittanceFormat) throws -> (sizes: [Int], claims: Int, output: [UInt8]) {
        let decoder = RemittanceDecoder(reader: SegmentReader(string: Self.singleCheck()))
        var writer = RemittanceWriter(format: format)
        var summary = RemittanceSummary()
        var output = writer.begin()
        var sizes: [Int] = []
        var claims = 0
        while let event = try decoder.nextEvent() {
            if case .claim = event { claims += 1 }
            summary.add(event)
            let piece = try writer.write(event)
            sizes.append(piece.count)
            output += piece
        }
        output += try writer.finish(errors: decoder.problems, summary: summary, matching: nil)
        return (sizes, claims, output)
    }

    func testEveryFormatWritesEachClaimAsItArrives() throws {
        for format in RemittanceFormat.allCases {
            let (sizes, claims, output) = try pieces(format)
            XCTAssertEqual(claims, Self.claimCount, "\(format)")
            // A header, one piece per claim, a trailer; no piece holds more than about one claim.
            XCTAssertEqual(sizes.count, Self.claimCount + 2, "\(format)")
            XCTAssertLessThan(sizes.max() ?? 0, 4_096, "\(format): a piece larger than one claim's output")
            XCTAssertEqual(sizes.dropFirst().dropLast().filter { $0 == 0 }.count, 0, "\(format): a claim written late")
            // The streamed document is the same as the whole report written at once.
            let report = RemittanceReport(reader: SegmentReader(string: Self.singleCheck()))
            XCTAssertEqual(output, try RemittanceWriter.write(report, format: format), "\(format)")
        }
    }

    func testTheDecoderHandsOutHeaderClaimsAndTrailerInOrder() throws {
        let decoder = RemittanceDecoder(reader: SegmentReader(string: Self.singleCheck()))
        var kinds: [String] = []
        var trailer: RemittanceTrailer?
        while let event = try decoder.nextEvent() {
            switch event {
            case .header(let header):
                kinds.append("header")
                XCTAssertEqual(header.claims, [])
                XCTAssertEqual(header.payment.traceNumber, "EFT1")
            case .claim: if kinds.last != "claim" { kinds.append("claim") }
            case .trailer(let last):
                kinds.append("trailer")
                trailer = last
            }
        }
        XCTAssertEqual(kinds, ["header", "claim", "trailer"])
        XCTAssertEqual(trailer?.totals.claimCount, Self.claimCount)
        XCTAssertEqual(trailer?.totals.paidAmount, Money("\(Self.claimCount * 80).00"))
        XCTAssertEqual(trailer?.balance, [])
        XCTAssertEqual(trailer?.errors, [])
    }
}
