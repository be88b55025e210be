import Foundation

/// A claim that was sent, as the ack report shows it before any acknowledgment answers it.
///
/// ``AcknowledgmentMatching`` supplies these; the acknowledgment target itself never reads the 837.
public struct SentClaim: Sendable, Hashable {
    /// CLM01.
    public var patientControlNumber: String
    /// CLM02.
    public var chargeAmount: Decimal?
    /// The patient (`LAST, FIRST`).
    public var patientName: String?
    /// ISA13 of the interchange that carried the claim.
    public var interchangeControlNumber: String
    /// GS06 of its functional group.
    public var groupControlNumber: String
    /// ST02 of its transaction set.
    public var transactionSetControlNumber: String

    /// Creates a sent claim.
    public init(patientControlNumber: String, chargeAmount: Decimal?, patientName: String?, interchangeControlNumber: String,
                groupControlNumber: String, transactionSetControlNumber: String) {
        self.patientControlNumber = patientControlNumber
        self.chargeAmount = chargeAmount
        self.patientName = patientName
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionSetControlNumber = transactionSetControlNumber
    }
}
