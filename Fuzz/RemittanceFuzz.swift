// libFuzzer entry point for the 835 decoder: RemittanceDecoder's streaming events and whole remittances,
// and X12Output's RemittanceWriter (json, ndjson, csv) over the events. Built by Fuzz/run.sh remit.
//
// Properties checked:
// - the events assembled (header, claims, trailer) equal what next() returns, remittance by remittance;
// - a header's claims are empty and a trailer's claim count equals the claims streamed before it;
// - no claim lost: in every 835 set, CLP segments = claims read + claims skipped;
// - the streamed JSON parses, also when the input ends inside a transaction set; NDJSON is one object a line.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRemittance(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    // Streaming: events, assembled as a caller would.
    let streaming = RemittanceDecoder(reader: SegmentReader(bytes: bytes))
    var assembled: [Remittance] = []
    var events: [RemittanceEvent] = []
    var open: Remittance?
    var streamedClaims = 0
    var streamingFailed = false
    do {
        while let event = try streaming.nextEvent() {
            events.append(event)
            switch event {
            case .header(let header):
                if !header.claims.isEmpty { fatalError("header event carries claims") }
                open = header
                streamedClaims = 0
            case .claim(let claim):
                guard open != nil else { fatalError("claim event before its header") }
                open?.claims.append(claim)
                streamedClaims += 1
            case .trailer(let trailer):
                guard var remittance = open else { fatalError("trailer event before its header") }
                if trailer.totals.claimCount != streamedClaims {
                    fatalError("trailer counts \(trailer.totals.claimCount) claims, \(streamedClaims) streamed")
                }
                remittance.apply(trailer)
                assembled.append(remittance)
                open = nil
            }
        }
    } catch {
        streamingFailed = true
        _ = error.description
    }

    // Whole remittances from a second decoder over the same bytes.
    let whole = RemittanceDecoder(reader: SegmentReader(bytes: bytes))
    var remittances: [Remittance] = []
    var wholeFailed = false
    do {
        while let remittance = try whole.next() { remittances.append(remittance) }
    } catch {
        wholeFailed = true
    }
    if streamingFailed != wholeFailed { fatalError("nextEvent and next disagree on failing") }
    if assembled != remittances { fatalError("streamed events differ from next()'s remittances") }
    if streaming.problems != whole.problems { fatalError("problems differ between the two decoders") }

    // No claim lost (only when the whole input was read).
    if !wholeFailed {
        var clpSegments = 0
        let envelopes = EnvelopeReader(SegmentReader(bytes: bytes))
        while let item = try? envelopes.next() {
            if case .transactionSet(let set) = item, set.header.id == "835" {
                clpSegments += set.body.reduce(0) { $0 + ($1.id == "CLP" ? 1 : 0) }
            }
        }
        let counted = remittances.reduce(0) { $0 + $1.totals.claimCount + $1.totals.skippedClaimCount }
        let claims = remittances.reduce(0) { $0 + $1.claims.count }
        if claims != remittances.reduce(0, { $0 + $1.totals.claimCount }) { fatalError("claims list and claim count differ") }
        if counted != clpSegments { fatalError("\(clpSegments) CLP segments, \(counted) claims read or skipped") }
    }

    // Writers over the events.
    var summary = RemittanceSummary()
    for event in events { summary.add(event) }
    summary.errorCount += streaming.problems.count
    var wholeSummary = RemittanceSummary()
    for remittance in assembled { wholeSummary.add(remittance) }
    wholeSummary.errorCount += streaming.problems.count
    if !streamingFailed, summary != wholeSummary {
        fatalError("the summary of the events differs from that of the remittances: \(summary) vs \(wholeSummary)")
    }
    for format in RemittanceFormat.allCases {
        var writer = RemittanceWriter(format: format)
        var output = writer.begin()
        do {
            for event in events { output += try writer.write(event) }
            output += try writer.finish(errors: streaming.problems, summary: summary, matching: nil)
        } catch {
            continue
        }
        switch format {
        case .json:
            if (try? JSONSerialization.jsonObject(with: Data(output))) == nil {
                fatalError("JSON output does not parse:\n\(String(decoding: output, as: UTF8.self))")
            }
        case .ndjson:
            for line in output.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "{") || line.last != UInt8(ascii: "}") {
                fatalError("an NDJSON line is not one object:\n\(String(decoding: line, as: UTF8.self))")
            }
        case .csv:
            _ = output.count
        }
    }
    return 0
}
