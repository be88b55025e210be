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
        try container.encodeOrNull(finding.transactionSetId, forKey: "transactionSetId")
        try container.encodeOrNull(finding.fileSegmentIndex, forKey: "fileSegmentIndex")
        try container.encodeOrNull(finding.line, forKey: "line")
        try container.encodeOrNull(finding.segmentIndex, forKey: "segmentIndex")
        try container.encodeOrNull(finding.segmentId, forKey: "segmentId")
        try container.encodeOrNull(finding.loopId, forKey: "loopId")
        try container.encodeOrNull(finding.element, forKey: "element")
        try container.encodeOrNull(finding.component, forKey: "component")
        try container.encodeOrNull(finding.elementReference, forKey: "elementReference")
        try container.encodeOrNull(finding.value, forKey: "value")
        try container.encodeOrNull(finding.segmentErrorCode, forKey: "segmentErrorCode")
        try container.encodeOrNull(finding.elementErrorCode, forKey: "elementErrorCode")
        try container.encodeOrNull(finding.transactionErrorCode, forKey: "transactionErrorCode")
        try container.encodeOrNull(finding.groupErrorCode, forKey: "groupErrorCode")
        try container.encodeOrNull(finding.interchangeErrorCode, forKey: "interchangeErrorCode")
        try container.encodeOrNull(finding.claimId, forKey: "claimId")
    }
}
