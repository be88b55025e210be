import X12Remittance

/// One NDJSON line: a claim payment with the transaction it came in.
///
/// The transaction fields come first, then every key of `RemittanceClaim` at the same level. A record
/// with a ``pipe`` envelope (`x12 remit --paths-from`/`--keep-going`) starts with the ``PipeEnvelope`` keys;
/// its `transactionSetControlNumber` is the one the record always had, so no key moves or changes.
public struct RemittanceClaimRecord: Sendable, Encodable {
    /// The pipe-contract keys written in front (`recordType: "claimPayment"`), or nil for the plain record.
    public var pipe: PipeEnvelope?
    /// ST02 of the 835.
    public var transactionSetControlNumber: String
    /// TRN02 check or EFT trace number.
    public var traceNumber: String
    /// BPR16 payment date.
    public var paymentDate: String
    /// TRN03/BPR10 payer identifier.
    public var payerIdentifier: String
    /// N1*PR name.
    public var payerName: String
    /// N1*PE name.
    public var payeeName: String
    /// N1*PE N104 (NPI or TIN).
    public var payeeIdentifier: String?
    /// The claim payment.
    public var claim: RemittanceClaim

    /// Builds the record of one claim; with `source`, the record carries the pipe envelope for that path.
    public init(remittance: Remittance, claim: RemittanceClaim, source: String? = nil) {
        pipe = source.map {
            PipeEnvelope(recordType: .claimPayment, source: $0, interchangeControlNumber: remittance.interchangeControlNumber,
                         groupControlNumber: remittance.groupControlNumber,
                         transactionSetControlNumber: remittance.transactionSetControlNumber)
        }
        transactionSetControlNumber = remittance.transactionSetControlNumber
        traceNumber = remittance.payment.traceNumber
        paymentDate = remittance.payment.date
        payerIdentifier = remittance.payment.payerIdentifier
        payerName = remittance.payer.name
        payeeName = remittance.payee.name
        payeeIdentifier = remittance.payee.identifier
        self.claim = claim
    }

    private enum CodingKeys: String, CodingKey {
        case transactionSetControlNumber, traceNumber, paymentDate, payerIdentifier, payerName, payeeName, payeeIdentifier
    }

    /// Writes the transaction keys, then the claim's keys in the same object.
    public func encode(to encoder: Encoder) throws {
        if let pipe {
            var envelope = encoder.container(keyedBy: PipeKey.self)
            try pipe.encode(into: &envelope, transactionSet: false)
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(transactionSetControlNumber, forKey: .transactionSetControlNumber)
        try container.encode(traceNumber, forKey: .traceNumber)
        try container.encode(paymentDate, forKey: .paymentDate)
        try container.encode(payerIdentifier, forKey: .payerIdentifier)
        try container.encode(payerName, forKey: .payerName)
        try container.encode(payeeName, forKey: .payeeName)
        try container.encodeIfPresent(payeeIdentifier, forKey: .payeeIdentifier)
        try claim.encode(to: encoder)
    }
}
