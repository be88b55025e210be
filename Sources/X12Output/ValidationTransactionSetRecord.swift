import X12Validation

/// A pipe record (`recordType: "transactionSet"`, `x12 validate --format ndjson`): one validated transaction
/// set, so a file without findings still leaves a record per set.
///
/// After the envelope: `transactionSetId`, `implementation`, `hasSpec`, `segmentCount`, `errorCount`,
/// `warningCount` and `valid` (no errors; no warnings either under `--strict`).
public struct ValidationTransactionSetRecord: Sendable, Encodable {
    /// The validated file.
    public var source: String
    /// The set's summary.
    public var transactionSet: ValidationReport.TransactionSummary
    /// Whether warnings count as errors for `valid`.
    public var strict: Bool

    /// The record of `transactionSet` in `source`.
    public init(source: String, transactionSet: ValidationReport.TransactionSummary, strict: Bool) {
        self.source = source
        self.transactionSet = transactionSet
        self.strict = strict
    }

    /// No errors, and no warnings when ``strict``.
    public var isValid: Bool {
        transactionSet.errorCount == 0 && (!strict || transactionSet.warningCount == 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PipeKey.self)
        let envelope = PipeEnvelope(recordType: .transactionSet, source: source,
                                    interchangeControlNumber: transactionSet.interchangeControlNumber,
                                    groupControlNumber: transactionSet.groupControlNumber,
                                    transactionSetControlNumber: transactionSet.controlNumber)
        try envelope.encode(into: &container)
        try container.encode(transactionSet.transactionSetId, forKey: "transactionSetId")
        try container.encode(transactionSet.implementation, forKey: "implementation")
        try container.encode(transactionSet.hasSpec, forKey: "hasSpec")
        try container.encode(transactionSet.segmentCount, forKey: "segmentCount")
        try container.encode(transactionSet.errorCount, forKey: "errorCount")
        try container.encode(transactionSet.warningCount, forKey: "warningCount")
        try container.encode(isValid, forKey: "valid")
    }
}
