import X12Acknowledgments

/// A pipe record (`recordType: "claimStatus"`, `x12 ack --format ndjson`): where one claim stands according
/// to one acknowledgment file.
///
/// The envelope's control numbers are those of the submitted claim (ISA13, GS06, ST02 of the 837 the
/// acknowledgment answers, `null` when unknown: no `--claims`). Then the keys of `AckReport.ClaimResult`:
/// `patientControlNumber`, `status`, `payerClaimControlNumber`, `reasons`, `chargeAmount`, `patientName`,
/// `acknowledgments`.
public struct AckClaimRecord: Sendable, Encodable {
    /// The acknowledgment file the claim's status was read from.
    public var source: String
    /// The claim's outcome.
    public var claim: AckReport.ClaimResult

    /// The record of `claim` as read from `source`.
    public init(source: String, claim: AckReport.ClaimResult) {
        self.source = source
        self.claim = claim
    }

    /// The envelope: the submitted claim's control numbers.
    public var envelope: PipeEnvelope {
        PipeEnvelope(recordType: .claimStatus, source: source, interchangeControlNumber: claim.interchangeControlNumber,
                     groupControlNumber: claim.groupControlNumber, transactionSetControlNumber: claim.transactionSetControlNumber)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PipeKey.self)
        try envelope.encode(into: &container)
        try container.encode(claim.patientControlNumber, forKey: "patientControlNumber")
        try container.encode(claim.status, forKey: "status")
        try container.encodeOrNull(claim.payerClaimControlNumber, forKey: "payerClaimControlNumber")
        try container.encode(claim.reasons, forKey: "reasons")
        try container.encodeOrNull(claim.chargeAmount, forKey: "chargeAmount")
        try container.encodeOrNull(claim.patientName, forKey: "patientName")
        try container.encode(claim.acknowledgments, forKey: "acknowledgments")
    }
}
