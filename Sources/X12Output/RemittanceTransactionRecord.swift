import X12Remittance

/// A pipe record (`recordType: "remittance"`, `x12 remit --format ndjson` with `--paths-from`/`--keep-going`):
/// one 835 transaction set, written after its claim payments, with what only the transaction knows (the BPR
/// payment, PLB provider adjustments and the totals), so a pipeline can sum payments and PLB without the JSON report.
///
/// After the envelope: `traceNumber`, `paymentDate`, `paymentAmount` (BPR02), `payerIdentifier`, `payerName`,
/// `payeeName`, `payeeIdentifier`, `providerAdjustments` and `totals` (as in the JSON report).
public struct RemittanceTransactionRecord: Sendable, Encodable {
    /// Source and control numbers.
    public var envelope: PipeEnvelope
    /// The transaction's header (its claims are not used).
    public var remittance: Remittance
    /// The transaction's trailer: PLB and totals.
    public var trailer: RemittanceTrailer

    /// The record of the transaction `remittance` closed by `trailer`, read from `source`.
    public init(source: String, remittance: Remittance, trailer: RemittanceTrailer) {
        envelope = PipeEnvelope(recordType: .remittance, source: source, interchangeControlNumber: remittance.interchangeControlNumber,
                                groupControlNumber: remittance.groupControlNumber,
                                transactionSetControlNumber: remittance.transactionSetControlNumber)
        self.remittance = remittance
        self.trailer = trailer
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PipeKey.self)
        try envelope.encode(into: &container)
        try container.encode(remittance.payment.traceNumber, forKey: "traceNumber")
        try container.encode(remittance.payment.date, forKey: "paymentDate")
        try container.encode(remittance.payment.amount, forKey: "paymentAmount")
        try container.encode(remittance.payment.payerIdentifier, forKey: "payerIdentifier")
        try container.encode(remittance.payer.name, forKey: "payerName")
        try container.encode(remittance.payee.name, forKey: "payeeName")
        try container.encodeOrNull(remittance.payee.identifier, forKey: "payeeIdentifier")
        try container.encode(trailer.providerAdjustments, forKey: "providerAdjustments")
        try container.encode(trailer.totals, forKey: "totals")
    }
}
