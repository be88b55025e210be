import X12

/// Reads TA1, 999 and 277CA acknowledgments from one or more inputs and builds the ``AckReport``.
///
/// ```swift
/// var decoder = AckDecoder(matching: AcknowledgmentMatcher(index: try SubmittedClaimIndex(path: "claims.837")))
/// decoder.read(try SegmentReader(path: "batch.999"), file: "batch.999")
/// decoder.read(try SegmentReader(path: "batch.277"), file: "batch.277")
/// let report = decoder.report()
/// ```
///
/// The matching (`AcknowledgmentMatcher` in X12Matching) ties answers to the claims that were sent; without it
/// the records are the claims the acknowledgments name. Reading never throws: a malformed or truncated acknowledgment becomes a positioned ``AckReport/Problem``
/// and everything decoded before it stays in the report.
public struct AckDecoder: Sendable {
    /// What ties the acknowledgments to the claims that were sent, if anything.
    public let matching: (any AcknowledgmentMatching)?
    /// Every TA1 read, in order.
    public private(set) var interchangeAcknowledgments: [InterchangeAcknowledgment] = []
    /// Every 999 read, in order.
    public private(set) var functionalAcknowledgments: [FunctionalAcknowledgment] = []
    /// Every 277CA read, in order.
    public private(set) var claimAcknowledgments: [ClaimAcknowledgment] = []
    /// Faults found while reading, with the file they are in.
    public private(set) var problems: [AckReport.Problem] = []

    /// Creates a decoder that maps acknowledgments to the claims `matching` knows (or to nothing when `nil`).
    public init(matching: (any AcknowledgmentMatching)? = nil) {
        self.matching = matching
    }

    /// Reads every acknowledgment in `reader`, segment by segment (a set's segments are never held); `file`
    /// names the input in problems. `progress`, when given, is called as reading goes on with the bytes and
    /// segments read so far (for a caller's progress display).
    public mutating func read(_ reader: SegmentReader, file: String? = nil,
                              progress: ((_ bytesRead: Int, _ segments: Int) -> Void)? = nil) {
        var segments = 0
        let envelopes = EnvelopeReader(reader)
        // The acknowledgment being read, by kind (two optionals, edited in place, rather than an enum whose
        // payload would be copied at every segment).
        var functional: FunctionalAcknowledgmentDecoder?
        var claims: ClaimAcknowledgmentDecoder?
        func finishOpen(trailer: Segment?, problems setProblems: [X12Error]) {
            if var decoder = functional.take() {
                let acknowledgment = decoder.finish(trailer: trailer, problems: setProblems)
                functionalAcknowledgments.append(acknowledgment)
                problems.append(contentsOf: acknowledgment.problems.map { AckReport.Problem($0, file: file) })
            }
            if var decoder = claims.take() {
                let acknowledgment = decoder.finish(trailer: trailer, problems: setProblems)
                claimAcknowledgments.append(acknowledgment)
                problems.append(contentsOf: acknowledgment.problems.map { AckReport.Problem($0, file: file) })
            }
        }
        do {
            while let event = try envelopes.nextEvent() {
                if let progress {
                    if case .segment = event { segments += 1 }
                    progress(reader.bytesRead, segments)
                }
                switch event {
                case .transactionSetStart(let start):
                    switch start.header.id {
                    case "999", "997": functional = FunctionalAcknowledgmentDecoder(start: start)
                    case "277": claims = ClaimAcknowledgmentDecoder(start: start)
                    default:
                        let message = "transaction set \(start.header.id) \(start.header.controlNumber) is not an acknowledgment "
                            + "(expected 999, 997 or 277); skipped"
                        problems.append(AckReport.Problem(X12Error(.unexpectedSegment, at: start.header.position, message), file: file))
                    }
                case .segment(let segment, let index):
                    functional?.consume(segment, index: index)
                    claims?.consume(segment, index: index)
                case .transactionSetEnd(let trailer, let setProblems):
                    finishOpen(trailer: trailer, problems: setProblems)
                case .interchangeAcknowledgment(let segment, let interchange):
                    let (record, found) = InterchangeAcknowledgment.decode(segment, in: interchange)
                    interchangeAcknowledgments.append(record)
                    problems.append(contentsOf: found.map { AckReport.Problem($0, file: file) })
                case .problem(let error):
                    problems.append(AckReport.Problem(error, file: file))
                case .interchangeStart, .interchangeEnd, .groupStart, .groupEnd:
                    continue
                }
            }
        } catch {
            // A truncated file: decode the part of the set read so far, then report where it broke.
            finishOpen(trailer: nil, problems: [])
            problems.append(AckReport.Problem(error, file: file))
        }
    }

    /// The report over everything read so far.
    public func report() -> AckReport {
        var builder = AckReportBuilder(matching: matching)
        builder.add(interchangeAcknowledgments)
        builder.add(functionalAcknowledgments)
        builder.add(claimAcknowledgments)
        return builder.finish(problems: problems)
    }
}

extension AckReport {
    /// Reads every acknowledgment in `reader` and maps it to the claims `matching` knows (when given): the report
    /// `x12 ack --format json` prints.
    public static func read(reader: SegmentReader, matching: (any AcknowledgmentMatching)? = nil, file: String? = nil) -> AckReport {
        var decoder = AckDecoder(matching: matching)
        decoder.read(reader, file: file)
        return decoder.report()
    }
}
