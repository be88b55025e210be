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

    /// Reads every acknowledgment in `reader`; `file` names the input in problems.
    public mutating func read(_ reader: SegmentReader, file: String? = nil) {
        let envelopes = EnvelopeReader(reader)
        do {
            while let item = try envelopes.next() {
                switch item {
                case .transactionSet(let set):
                    add(set, file: file)
                case .interchangeAcknowledgment(let segment, let interchange):
                    let (record, found) = InterchangeAcknowledgment.decode(segment, in: interchange)
                    interchangeAcknowledgments.append(record)
                    problems.append(contentsOf: found.map { AckReport.Problem($0, file: file) })
                case .problem(let error):
                    problems.append(AckReport.Problem(error, file: file))
                }
            }
        } catch {
            // A truncated file: decode the part of the set read so far, then report where it broke.
            if let open = envelopes.unfinishedTransactionSet { add(open, file: file) }
            problems.append(AckReport.Problem(error, file: file))
        }
    }

    private mutating func add(_ set: TransactionSet, file: String?) {
        switch set.header.id {
        case "999", "997":
            let acknowledgment = FunctionalAcknowledgment(decoding: set)
            functionalAcknowledgments.append(acknowledgment)
            problems.append(contentsOf: acknowledgment.problems.map { AckReport.Problem($0, file: file) })
        case "277":
            let acknowledgment = ClaimAcknowledgment(decoding: set)
            claimAcknowledgments.append(acknowledgment)
            problems.append(contentsOf: acknowledgment.problems.map { AckReport.Problem($0, file: file) })
        default:
            let message = "transaction set \(set.header.id) \(set.header.controlNumber) is not an acknowledgment "
                + "(expected 999, 997 or 277); skipped"
            problems.append(AckReport.Problem(X12Error(.unexpectedSegment, at: set.header.position, message), file: file))
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
