import Foundation
import X12
import X12Validation
import X12TestSupport
import XCTest

/// Inputs the libFuzzer target Fuzz/ValidatorFuzz.swift found, kept in Fixtures/fuzz, fed to the API that
/// failed on them.
final class ValidationFuzzRegressionTests: XCTestCase {
    private static func fuzzFixture(_ name: String) throws -> [UInt8] {
        try FixtureFiles.bytes("fuzz/\(name)")
    }

    private func assertReadable(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        let reader = SegmentReader(bytes: bytes)
        var segments: [Segment] = []
        while let segment = try reader.next() { segments.append(segment) }
        XCTAssertEqual(segments.first?.id, "ISA", file: file, line: line)
        let isa = try XCTUnwrap(segments.first)
        XCTAssertEqual(isa.content.count, 105, "ISA without its terminator", file: file, line: line)
        let report = TestSupport.validator.validate(bytes: bytes, file: "ack")
        XCTAssertFalse(report.findings.contains { $0.kind == .unreadable }, file: file, line: line)
    }

    /// validate-1: an ISA06 holding the byte 0xB8 (read as U+FFFD, three bytes in UTF-8). The TA1 answering it
    /// padded the id to 15 UTF-16 units, 17 bytes, so the ISA written was 108 bytes and could not be read.
    func testAcknowledgmentOfAnIdWithANonASCIIByteKeepsTheISAFixedWidth() throws {
        let report = TestSupport.validator.validate(bytes: try Self.fuzzFixture("validate-1.bin"), file: "fuzz")
        let builder = AcknowledgmentBuilder(controlNumber: 1, date: Date(timeIntervalSince1970: 1_796_000_000))
        let ta1 = try XCTUnwrap(try builder.interchangeAcknowledgment(for: report))
        try assertReadable(ta1)
    }

    /// The same through a 999: validate-1-full is the input as the fuzzer found it (its GS and 999 follow).
    func testImplementationAcknowledgmentOfAnIdWithANonASCIIByteIsReadable() throws {
        let bytes = try Self.fuzzFixture("validate-1-full.bin")
        let report = TestSupport.validator.validate(bytes: bytes, file: "fuzz")
        let builder = AcknowledgmentBuilder(controlNumber: 1, date: Date(timeIntervalSince1970: 1_796_000_000))
        let ack = try XCTUnwrap(try builder.implementationAcknowledgment(for: report))
        try assertReadable(ack)
    }
}
