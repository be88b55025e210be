import Foundation
import X12
import X12Output
import X12Remittance
import X12TestSupport
import XCTest

/// The records written directly (``JSONWritable``) come out byte for byte as their `Codable` form through the
/// same writer, compact and pretty, for every claim of every 835 fixture and corpus file.
final class JSONWritableTests: XCTestCase {
    private func remittanceFiles() throws -> [String] {
        let folders = ["remit", "corpus/835"]
        return folders.flatMap { folder -> [String] in
            let url = FixtureFiles.url(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".835") || $0.hasSuffix(".x12") }.sorted().map { url.appendingPathComponent($0).path }
        }
    }

    func testDirectWritersMatchCodableForEveryClaim() throws {
        var claims = 0
        for path in try remittanceFiles() {
            let decoder = try RemittanceDecoder(path: path)
            while let event = try? decoder.nextEvent() {
                guard case .claim(var claim) = event else { continue }
                claim.submitted = SubmittedClaimMatch(matched: true, billedAmount: "100.00", paidAmount: claim.paidAmount)
                for pretty in [false, true] {
                    var direct = JSONWriter(pretty: pretty)
                    direct.value(claim)
                    var coded = JSONWriter(pretty: pretty)
                    try coded.encode(claim)
                    XCTAssertEqual(String(decoding: direct.bytes, as: UTF8.self), String(decoding: coded.bytes, as: UTF8.self),
                                   "\(path) claim \(claim.patientControlNumber)")
                }
                claims += 1
            }
        }
        XCTAssertGreaterThan(claims, 10)
    }

    func testEveryKindOfMemberIsWrittenLikeCodable() throws {
        // A claim that fills every optional member, including escapes, a matched line and a kept error.
        let text = """
        ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*PTCLINIC       *240315*1200*^*00501*000000901*0*T*:~
        GS*HP*ACMEPAYER*PTCLINIC*20240315*1200*91*X*005010X221A1~
        ST*835*0001~
        BPR*I*-80*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20240315~
        TRN*1*EFT1*1512345678~
        N1*PR*PAYER~
        N1*PE*CLINIC*XX*1234567893~
        LX*1~
        CLP*A"1\\*22*-100*-80*20*MB*ICN*13*7**DRG1~
        NM1*QC*1*DOE*JANE*Q***MI*M1~
        NM1*IL*1*DOE*JOHN****MI*M0~
        NM1*74*1*DOE*JANIE~
        NM1*82*2*CLINIC*****XX*1234567893~
        NM1*TT*2*CROSSOVER~
        MOA***N1*N2~
        DTM*232*20240101~
        DTM*233*20240102~
        DTM*050*20240103~
        DTM*036*20241231~
        REF*F8*X~
        AMT*AU*1~
        QTY*CA*2~
        CAS*PR*2*20*1~
        SVC*HC:97110:GP*-100*-80*0300*1*HC:97112*2~
        DTM*150*20240101~
        DTM*151*20240102~
        CAS*CO*45*-20~
        REF*6R*A1-1~
        REF*LU*X~
        AMT*B6*80~
        AMT*KH*5~
        QTY*ZK*1~
        LQ*HE*N130~
        CAS*XX*1*1~
        SE*35*0001~
        GE*1*91~
        IEA*1*000000901~
        """
        let decoder = RemittanceDecoder(reader: SegmentReader(string: text))
        var claim: RemittanceClaim?
        while let event = try decoder.nextEvent() {
            if case .claim(let found) = event { claim = found }
        }
        var found = try XCTUnwrap(claim)
        XCTAssertNotNil(found.errors)
        XCTAssertNotNil(found.adjudication)
        XCTAssertNotNil(found.lines.first?.originalProcedureCode)
        found.submitted = SubmittedClaimMatch(matched: false, billedAmount: nil, paidAmount: "-80.00")
        found.lines[0].submitted = SubmittedLineMatch(matchedBy: "lineControlNumber", lineNumber: 1, billedAmount: "100.00",
                                                      paidAmount: "-80.00")
        for pretty in [false, true] {
            var direct = JSONWriter(pretty: pretty)
            direct.value(found)
            var coded = JSONWriter(pretty: pretty)
            try coded.encode(found)
            XCTAssertEqual(String(decoding: direct.bytes, as: UTF8.self), String(decoding: coded.bytes, as: UTF8.self))
        }
    }
}
