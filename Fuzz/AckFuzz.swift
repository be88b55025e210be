// libFuzzer entry point for the acknowledgment decoders: TA1, 999/997 and 277CA through AckDecoder, the report
// builder with and without a submitted 837 (Fixtures/acks/submitted.837), and the report's JSON, CSV and text.
// Built by Fuzz/run.sh ack.
//
// Properties checked:
// - every 277CA claim is kept: a set's claims = its TRN segments under a patient-level HL (PT, 22, 23);
// - the report's summary counts its claims and problems; its JSON parses.
import Foundation

private let submitted: AcknowledgmentMatcher? = (try? SubmittedClaimIndex(path: fuzzRepositoryRoot + "/Fixtures/acks/submitted.837"))
    .map { AcknowledgmentMatcher(index: $0) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAcknowledgments(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    var decoder = AckDecoder()
    decoder.read(SegmentReader(bytes: bytes), file: "fuzz")
    let report = decoder.report()
    if report.summary.claims != report.claims.count { fatalError("summary counts \(report.summary.claims) claims of \(report.claims.count)") }
    if report.summary.problems != report.problems.count { fatalError("summary counts the problems wrong") }
    guard let json = try? JSONDocument.pretty(report) else { fatalError("the report does not encode") }
    if (try? JSONSerialization.jsonObject(with: Data(json))) == nil { fatalError("the report's JSON does not parse") }
    _ = report.csv()
    _ = report.text()

    // 277CA: no claim loop dropped by the decoder.
    for ack in decoder.claimAcknowledgments { _ = ack.claims.count }
    let envelopes = EnvelopeReader(SegmentReader(bytes: bytes))
    var sets: [TransactionSet] = []
    do {
        while let item = try envelopes.next() {
            if case .transactionSet(let set) = item, set.header.id == "277" { sets.append(set) }
        }
    } catch {
        if let open = envelopes.unfinishedTransactionSet, open.header.id == "277" { sets.append(open) }
    }
    for set in sets {
        var inPatient = false
        var traces = 0
        for segment in set.segments {
            if segment.id == "HL" { inPatient = ["PT", "22", "23"].contains(segment[3]) }
            if segment.id == "TRN", inPatient { traces += 1 }
        }
        let decoded = ClaimAcknowledgment(decoding: set)
        if decoded.claims.count != traces { fatalError("277CA set \(set.header.controlNumber): \(traces) claim TRNs, \(decoded.claims.count) claims") }
    }

    // The same input mapped to a submitted 837.
    if let submitted {
        let mapped = AckReport.read(reader: SegmentReader(bytes: bytes), matching: submitted, file: "fuzz")
        if mapped.summary.claims != mapped.claims.count { fatalError("summary counts the mapped claims wrong") }
        _ = try? JSONDocument.pretty(mapped)
        _ = mapped.csv()
        _ = mapped.text()
    }
    return 0
}
