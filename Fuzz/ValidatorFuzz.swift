// libFuzzer entry point for the validator: every guide in Sources/X12Validation/Specs/ (loaded once, by the path run.sh compiles in),
// the report's JSON, and the 999 and TA1 built from the report, validated in turn. Built by Fuzz/run.sh validate.
//
// Properties checked:
// - the report counts what it holds (error count = error findings) and encodes as JSON that parses;
// - the 999 and TA1 built from any report are well-formed X12: they tokenize to the end and validate without an
//   unreadable finding.
import Foundation

private let validator: Validator = {
    do {
        return try Validator(specsDirectory: URL(fileURLWithPath: fuzzRepositoryRoot + "/Sources/X12Validation/Specs"))
    } catch {
        fatalError("cannot load the specs: \(error)")
    }
}()

private let acknowledgments = AcknowledgmentBuilder(controlNumber: 1, date: Date(timeIntervalSince1970: 1_796_000_000))

private func checkWellFormed(_ bytes: [UInt8], _ what: String) {
    let reader = SegmentReader(bytes: bytes)
    do {
        while try reader.next() != nil {}
    } catch {
        fatalError("the \(what) built does not tokenize: \(error.description)\n\(String(decoding: bytes, as: UTF8.self))")
    }
    let report = validator.validate(bytes: bytes, file: what)
    if report.findings.contains(where: { $0.kind == .unreadable }) {
        fatalError("the \(what) built is unreadable:\n\(String(decoding: bytes, as: UTF8.self))")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidator(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let report = validator.validate(bytes: bytes, file: "fuzz")
    if report.errorCount != report.findings.filter({ $0.severity == .error }).count { fatalError("error count") }
    _ = report.isValid(strict: true)
    let encoder = JSONEncoder()
    guard let json = try? encoder.encode(report) else { fatalError("the report does not encode") }
    if (try? JSONSerialization.jsonObject(with: json)) == nil { fatalError("the report's JSON does not parse") }

    if let ack = try? acknowledgments.implementationAcknowledgment(for: report) { checkWellFormed(ack, "999") }
    if let ta1 = try? acknowledgments.interchangeAcknowledgment(for: report) { checkWellFormed(ta1, "TA1") }
    return 0
}
