import X12

/// Reads 835 remittances as a stream: each transaction set's header, then each claim payment as soon
/// as it is read, then the set's trailer (``nextEvent()``); or whole remittances (``next()``).
///
/// With ``nextEvent()`` the decoder holds one claim at a time, so a 1 GB file with one check and a million
/// claims is read in a few megabytes. ``next()`` collects a whole transaction set, for callers that want
/// one value per payment.
///
/// ```swift
/// let decoder = try RemittanceDecoder(path: "payments.835")
/// while let event = try decoder.nextEvent() {
///     if case .claim(let claim) = event { print(claim.patientControlNumber, claim.paidAmount) }
/// }
/// print(decoder.problems)   // envelope faults outside any 835
/// ```
public final class RemittanceDecoder {
    private let envelopes: EnvelopeReader
    private var state = DecoderState()
    /// Events found and not handed out yet.
    private var ready: [RemittanceEvent] = []
    private var readyIndex = 0

    /// Problems found outside any 835 transaction set: group and interchange envelope faults, and
    /// transaction sets that are not 835s (which are skipped). Grows as reading goes on.
    public var problems: [RemittanceProblem] { state.problems }

    /// Reads from a segment reader.
    public init(reader: SegmentReader) {
        envelopes = EnvelopeReader(reader)
    }

    /// Opens a file (`-` for standard input).
    ///
    /// - Throws: `X12Error` (`unreadable`) when the file cannot be opened.
    public convenience init(path: String) throws(X12Error) {
        self.init(reader: try SegmentReader(path: path))
    }

    /// Returns the next header, claim or trailer, or `nil` at the end of the input.
    ///
    /// - Throws: `X12Error` when the input cannot be tokenized any further (no ISA, malformed ISA,
    ///   truncated segment); the events returned before stay valid, and the open transaction's claims
    ///   read so far have been handed out.
    public func nextEvent() throws(X12Error) -> RemittanceEvent? {
        if readyIndex < ready.count {
            readyIndex += 1
            return ready[readyIndex - 1]
        }
        // The parser and the buffer are moved out of the class while segments are read (not copied per segment).
        var state = DecoderState()
        var found: [RemittanceEvent] = []
        swap(&state, &self.state)
        swap(&found, &ready)
        found.removeAll(keepingCapacity: true)
        defer {
            swap(&state, &self.state)
            swap(&found, &ready)
        }
        try state.read(from: envelopes, into: &found)
        guard !found.isEmpty else { return nil }
        readyIndex = 1
        return found[0]
    }

    /// Returns the next whole remittance, or `nil` at the end of the input.
    ///
    /// - Throws: as ``nextEvent()``.
    public func next() throws(X12Error) -> Remittance? {
        var remittance: Remittance?
        while let event = try nextEvent() {
            switch event {
            case .header(let header): remittance = header
            case .claim(let claim): remittance?.claims.append(claim)
            case .trailer(let trailer):
                remittance?.apply(trailer)
                if let remittance { return remittance }
            }
        }
        return nil
    }
}

/// What ``RemittanceDecoder`` keeps between calls: the open 835's parser and the problems outside any 835.
private struct DecoderState {
    var parser: RemittanceParser?
    var problems: [RemittanceProblem] = []
    /// The tokenizer's error, thrown once the open transaction's claims and trailer are out.
    var deferredError: X12Error?

    /// Reads envelope events until the parser has something to hand out (or the input ends). When the input
    /// breaks off inside an 835, the claim open at the cut and the transaction's trailer (totals over what was
    /// read) are handed out first, then the error is thrown.
    mutating func read(from envelopes: EnvelopeReader, into found: inout [RemittanceEvent]) throws(X12Error) {
        if let error = deferredError {
            deferredError = nil
            throw error
        }
        while found.isEmpty {
            let next: EnvelopeEvent?
            do {
                next = try envelopes.nextEvent()
            } catch {
                guard parser != nil else { throw error }
                parser?.finish(problems: [])
                take(into: &found)
                deferredError = error
                return
            }
            guard let event = next else { return }
            switch event {
            case .segment(let segment, let index):
                parser?.consume(segment, index: index)
            case .transactionSetStart(let start):
                guard start.header.id == "835" else {
                    var position = start.header.position
                    position.transactionSegmentIndex = 1
                    position.elementPosition = 1
                    let error = X12Error(.unexpectedSegment, at: position,
                                         "transaction set \(start.header.controlNumber) is a \(start.header.id), not an 835: skipped")
                    problems.append(RemittanceProblem(error, transactionSetControlNumber: start.header.controlNumber))
                    continue
                }
                parser = RemittanceParser(start)
            case .transactionSetEnd(_, let setProblems):
                parser?.finish(problems: setProblems)
            case .problem(let error):
                problems.append(RemittanceProblem(error))
            case .interchangeStart, .interchangeEnd, .groupStart, .groupEnd, .interchangeAcknowledgment:
                continue
            }
            if parser?.ready.isEmpty == false { take(into: &found) }
        }
    }

    /// Moves the parser's ready events out; drops the parser once its trailer is out.
    private mutating func take(into found: inout [RemittanceEvent]) {
        guard parser != nil else { return }
        found.append(contentsOf: parser?.ready ?? [])
        parser?.ready.removeAll(keepingCapacity: true)
        if case .trailer = found.last { parser = nil }
    }
}
