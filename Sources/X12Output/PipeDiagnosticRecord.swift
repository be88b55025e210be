import X12

/// A pipe record (`recordType: "diagnostic"`) for a file, or a part of one, that could not be read: what
/// `--keep-going` writes in place of stopping, so one bad file in a batch leaves a trace in the output.
///
/// Keys after the ``PipeEnvelope``: `severity` (always `error`), `kind` (an `X12Error.Kind`), `message`,
/// `byteOffset`, `line`, `segmentIndex`, `segmentId`, `transactionSegmentIndex`,
/// `elementPosition`, `componentPosition` (`null` when unknown).
public struct PipeDiagnosticRecord: Sendable, Hashable, Encodable {
    /// Source and the control numbers known at the fault.
    public var envelope: PipeEnvelope
    /// What went wrong and where.
    public var error: X12Error

    /// Creates the record of `error` in `source`, with the control numbers known where it happened.
    public init(source: String, error: X12Error, interchangeControlNumber: String? = nil,
                groupControlNumber: String? = nil, transactionSetControlNumber: String? = nil) {
        envelope = PipeEnvelope(recordType: .diagnostic, source: source, interchangeControlNumber: interchangeControlNumber,
                                groupControlNumber: groupControlNumber, transactionSetControlNumber: transactionSetControlNumber)
        self.error = error
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PipeKey.self)
        try envelope.encode(into: &container)
        try container.encode("error", forKey: "severity")
        try container.encode(error.kind.rawValue, forKey: "kind")
        try container.encode(error.message, forKey: "message")
        let position = error.position
        try container.encode(position.byteOffset, forKey: "byteOffset")
        try container.encode(position.line, forKey: "line")
        try container.encodeOrNull(position.segmentIndex, forKey: "segmentIndex")
        try container.encodeOrNull(position.segmentId, forKey: "segmentId")
        try container.encodeOrNull(position.transactionSegmentIndex, forKey: "transactionSegmentIndex")
        try container.encodeOrNull(position.elementPosition, forKey: "elementPosition")
        try container.encodeOrNull(position.componentPosition, forKey: "componentPosition")
    }
}
