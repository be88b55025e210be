import X12Validation

/// A pipe record (`recordType: "finding"`, `x12 validate --format ndjson`): one finding of one file.
///
/// After the envelope (the finding's ISA13, GS06, ST02, `null` for a finding outside them): `severity`,
/// `kind`, `message`, `transactionSetId`, `fileSegmentIndex`, `line`, `segmentIndex`, `segmentId`, `loopId`,
/// `element`, `component`, `elementReference`, `value`, `segmentErrorCode`, `elementErrorCode`,
/// `transactionErrorCode`, `groupErrorCode`, `interchangeErrorCode`, `claimId` (`null` when not known).
public struct ValidationFindingRecord: Sendable, Encodable {
    /// The validated file.
    public var source: String
    /// The finding.
    public var finding: ValidationFinding

    /// The record of `finding` in `source`.
    public init(source: String, finding: ValidationFinding) {
        self.source = source
        self.finding = finding
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PipeKey.self)
        let envelope = PipeEnvelope(recordType: .finding, source: source,
                                    interchangeControlNumber: finding.interchangeControlNumber,
                                    groupControlNumber: finding.groupControlNumber,
                                    transactionSetControlNumber: finding.transactionSetControlNumber)
        try envelope.encode(into: &container)
        try container.encode(finding.severity, forKey: "severity")
        try container.encode(finding.kind, forKey: "kind")
        try container.encode(finding.message, forKey: "message")
        try encodeOrNull(finding.transactionSetId, forKey: "transactionSetId", in: &container)
        try encodeOrNull(finding.fileSegmentIndex, forKey: "fileSegmentIndex", in: &container)
        try encodeOrNull(finding.line, forKey: "line", in: &container)
        try encodeOrNull(finding.segmentIndex, forKey: "segmentIndex", in: &container)
        try encodeOrNull(finding.segmentId, forKey: "segmentId", in: &container)
        try encodeOrNull(finding.loopId, forKey: "loopId", in: &container)
        try encodeOrNull(finding.element, forKey: "element", in: &container)
        try encodeOrNull(finding.component, forKey: "component", in: &container)
        try encodeOrNull(finding.elementReference, forKey: "elementReference", in: &container)
        try encodeOrNull(finding.value, forKey: "value", in: &container)
        try encodeOrNull(finding.segmentErrorCode, forKey: "segmentErrorCode", in: &container)
        try encodeOrNull(finding.elementErrorCode, forKey: "elementErrorCode", in: &container)
        try encodeOrNull(finding.transactionErrorCode, forKey: "transactionErrorCode", in: &container)
        try encodeOrNull(finding.groupErrorCode, forKey: "groupErrorCode", in: &container)
        try encodeOrNull(finding.interchangeErrorCode, forKey: "interchangeErrorCode", in: &container)
        try encodeOrNull(finding.claimId, forKey: "claimId", in: &container)
    }
}
