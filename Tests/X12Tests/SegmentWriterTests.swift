import Foundation
import X12
import XCTest

final class SegmentWriterTests: XCTestCase {
    func testDropsTrailingEmptyElementsAndComponents() throws {
        var writer = SegmentWriter()
        try writer.write("NM1", ["IL", "1", "DOE", "JOHN", "", "", "", "MI", "123"])
        try writer.write("REF", ["EA", "123", "", ""])
        try writer.write("SV1", [.composite(["HC", "97110", "GP", "", ""]), "120", "UN", "2"])
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), "NM1*IL*1*DOE*JOHN****MI*123~REF*EA*123~SV1*HC:97110:GP*120*UN*2~")
        XCTAssertEqual(writer.segmentCount, 3)
    }

    func testDelimiterInDataIsAnErrorNamingTheElement() {
        var writer = SegmentWriter()
        let error = TestSupport.thrownError { try writer.write("NM1", ["85", "2", "SMITH*JONES PT"]) }
        XCTAssertEqual(error?.kind, .delimiterInData)
        XCTAssertEqual(error?.position.elementPosition, 3)
        XCTAssertEqual(error?.message, "NM103 value 'SMITH*JONES PT' contains the delimiter '*'; X12 has no escape, change the data")
        let component = TestSupport.thrownError { try writer.write("SV1", [.composite(["HC", "97110", "G:P"])]) }
        XCTAssertEqual(component?.position.componentPosition, 3)
        XCTAssertTrue(writer.bytes.isEmpty)
    }

    func testEnvelopeBuilderWritesCountsAndControlNumbers() throws {
        let date = Date(timeIntervalSince1970: 1_705_329_000)  // 2024-01-15 14:30 UTC
        var builder = try EnvelopeBuilder(header: .init(senderId: "SUBMITTER", receiverId: "PAYER", controlNumber: 42, usage: "T", date: date))
        try builder.beginGroup(functionalId: "HC", version: "005010X222A1")
        XCTAssertEqual(try builder.beginTransactionSet(id: "837", implementationReference: "005010X222A1"), "0001")
        try builder.write("BHT", ["0019", "00", "B1", "20240115", "1430", "CH"])
        try builder.endTransactionSet()
        XCTAssertEqual(try builder.beginTransactionSet(id: "837", implementationReference: "005010X222A1"), "0002")
        try builder.endTransactionSet()
        try builder.endGroup()
        let text = String(decoding: try builder.finish(), as: UTF8.self)
        XCTAssertEqual(text, """
        ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*PAYER          *240115*1430*^*00501*000000042*0*T*:~
        GS*HC*SUBMITTER*PAYER*20240115*1430*1*X*005010X222A1~
        ST*837*0001*005010X222A1~
        BHT*0019*00*B1*20240115*1430*CH~
        SE*3*0001~
        ST*837*0002*005010X222A1~
        SE*2*0002~
        GE*2*1~
        IEA*1*000000042~

        """)
        XCTAssertEqual(try TestSupport.envelopeProblems(Array(text.utf8)), [])
    }

    func testEnvelopeBuilderRejectsOverlongISAFields() {
        let error = TestSupport.thrownError {
            _ = try EnvelopeBuilder(header: .init(senderId: "A SENDER ID THAT IS FAR TOO LONG", receiverId: "P", controlNumber: 1))
        }
        XCTAssertEqual(error?.position.elementPosition, 6)
    }

    func testReencodesWithOtherDelimiters() throws {
        let text = TestSupport.interchange(body: ["SV1*HC:97110:GP*120*UN*2", "HI*ABK:M545^ABF:R262"])
        let target = try XCTUnwrap(Delimiters(compact: "|>!\n"))
        var writer = SegmentWriter(delimiters: target)
        for segment in try TestSupport.segments(text) { try writer.write(segment, keepLayout: false) }
        let output = String(decoding: writer.bytes, as: UTF8.self)
        XCTAssertTrue(output.hasPrefix("ISA|00|          |00|          |ZZ|SENDER         |ZZ|RECEIVER       |240101|1200|!|00501|000000001|0|T|>\n"))
        XCTAssertTrue(output.contains("\nSV1|HC>97110>GP|120|UN|2\nHI|ABK>M545!ABF>R262\n"))
        // Reading it back gives the same elements.
        let again = try TestSupport.segments(output)
        XCTAssertEqual(again[3][1, 2], "97110")
        XCTAssertEqual(try TestSupport.envelopeProblems(writer.bytes), [])
    }

    func testReencodingRefusesDataHoldingANewDelimiter() throws {
        let text = TestSupport.interchange(body: ["NM1*85*2*SMITH|JONES"])
        var writer = SegmentWriter(delimiters: try XCTUnwrap(Delimiters(compact: "|:^~")))
        let segments = try TestSupport.segments(text)
        for segment in segments.prefix(3) { try writer.write(segment, keepLayout: false) }
        let error = TestSupport.thrownError { try writer.write(segments[3], keepLayout: false) }
        XCTAssertEqual(error?.kind, .delimiterInData)
        XCTAssertEqual(error?.description, "segment 4 (NM1) element 3 component 1: NM1 element 3 contains '|', which is a delimiter in the new set '|:^~'")
    }

    func testAtomicFileLeavesNoTemporaryBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("claims.837").path
        try AtomicFile.write("first", to: target)
        try AtomicFile.write("second", to: target)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "second")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["claims.837"])
        let error = TestSupport.thrownError { try AtomicFile.write("x", to: folder.appendingPathComponent("missing/dir/out.837").path) }
        XCTAssertEqual(error?.kind, .unreadable)
    }
}
