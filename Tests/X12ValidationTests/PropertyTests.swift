import XCTest
import X12
@testable import X12Validation
import X12TestSupport

/// Seeded random damage to real files: the validator never crashes, every finding says where and what, and the
/// 999 written for any damaged file passes the validator itself.
final class PropertyTests: XCTestCase {
    /// A small deterministic generator (64-bit LCG) so failures can be replayed.
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    private func damage(_ text: String, _ generator: inout Generator) -> String {
        // ISA, GS and ST stay intact: the 999 echoes them (a damaged GS01 cannot be acknowledged with a valid code).
        var segments = text.components(separatedBy: "~")
        guard segments.count > 6 else { return text }
        let index = 3 + generator.next(max(segments.count - 4, 1))
        switch generator.next(6) {
        case 0: segments.remove(at: index)
        case 1: segments.insert(segments[index], at: index)
        case 2: segments.swapAt(index, 3 + generator.next(max(segments.count - 4, 1)))
        case 3:
            var bytes = Array(segments[index].utf8)
            if !bytes.isEmpty { bytes[generator.next(bytes.count)] = Array("*:^XZ9 .".utf8)[generator.next(8)] }
            segments[index] = String(decoding: bytes, as: UTF8.self)
        case 4: segments[index] += "*" + String(repeating: "Q", count: generator.next(90))
        default:
            let joined = segments.joined(separator: "~")
            return String(joined.prefix(generator.next(joined.count)))
        }
        return segments.joined(separator: "~")
    }

    func testDamagedFilesNeverCrashAndTheir999sAreValid() throws {
        let sources = [
            try TestSupport.fixtureText("claim-837p.x12"),
            try Corpus.text("835/stupidedi-multiple-claims-single-check.x12"),
            try Corpus.text("277ca/imsweb-277ca-accepted.x12"),
        ]
        var generator = Generator(state: 20_240_115)
        var rejected = 0
        for round in 0..<300 {
            let source = sources[round % sources.count]
            var text = damage(source, &generator)
            if round % 5 == 0 { text = damage(text, &generator) }
            let report = TestSupport.validate(text, name: "round \(round)")
            for finding in report.findings {
                XCTAssertFalse(finding.message.isEmpty, "round \(round)")
            }
            if !report.isValid() { rejected += 1 }
            guard let ack = try AcknowledgmentBuilder(controlNumber: 5).implementationAcknowledgment(for: report) else { continue }
            let check = TestSupport.validator.validate(bytes: ack, file: "ack \(round)")
            XCTAssertEqual(check.findings.filter { $0.severity == .error }.map(\.description), [], "999 for round \(round)")
        }
        XCTAssertGreaterThan(rejected, 200)
    }
}
