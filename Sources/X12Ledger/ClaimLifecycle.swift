import Foundation
import X12Acknowledgments

/// Where a claim stands, from the most advanced fact the ledger holds about it.
public enum ClaimStage: String, Sendable, Codable, CaseIterable {
    /// Sent; no acknowledgment yet.
    case submitted
    /// The 999 accepted its transaction set; no 277CA yet.
    case acknowledged
    /// Turned away by a TA1, a 999 or a 277CA: fix and send again.
    case rejected
    /// Accepted into adjudication by a 277CA.
    case accepted
    /// Paid (possibly with patient responsibility).
    case paid
    /// Paid, but at least one line was paid nothing.
    case partiallyPaid
    /// Adjudicated with no payment and no patient responsibility (CLP02 4, or zero paid).
    case denied
    /// The last remittance reversed the payment (CLP02 22).
    case reversed
}

/// One claim's lifecycle: the row of `x12 ledger status`.
public struct ClaimLifecycle: Sendable, Hashable, Codable {
    /// A line paid nothing, with the codes that say why.
    public struct DeniedLine: Sendable, Hashable, Codable {
        /// REF*6R of the line.
        public var lineControlNumber: String?
        /// The procedure code paid.
        public var procedureCode: String
        /// The line charge.
        public var chargeAmount: Decimal
        /// CAS adjustments as `GROUP-CARC amount` (`CO-50 45`).
        public var adjustments: [String]
        /// RARC remark codes (LQ*HE).
        public var remarkCodes: [String]
    }

    /// CLM01.
    public var patientControlNumber: String
    /// The visit billed, when the claim came from `generate`.
    public var visitId: String?
    /// The batch payer id (or the 837 NM1*PR id).
    public var payerId: String
    /// The payer name.
    public var payerName: String
    /// The patient, `LAST, FIRST`.
    public var patientName: String?
    /// ISA13 of the interchange that carried the claim.
    public var interchangeControlNumber: String
    /// ST02 of its transaction set.
    public var transactionSetControlNumber: String
    /// CLM05-3: 1 original, 7 replacement, 8 void.
    public var frequencyCode: String
    /// The day it was submitted (GS04), `YYYY-MM-DD`.
    public var submittedOn: String
    /// Days from submission to the ledger's "today".
    public var daysSinceSubmission: Int
    /// The stage.
    public var stage: ClaimStage
    /// The TA1/999 outcome (`accepted`, `acceptedWithErrors`, `rejected`), `nil` before any.
    public var functionalAcknowledgment: String?
    /// The 277CA outcome (`accepted`, `rejected`, `pending`), `nil` before any.
    public var claimAcknowledgment: String?
    /// The payer claim control number from the 835 (CLP07) or the 277CA (REF*1K).
    public var payerClaimControlNumber: String?
    /// CLM02.
    public var chargeAmount: Decimal
    /// Net of every CLP04 (reversals subtract).
    public var paidAmount: Decimal
    /// Net of every CLP05.
    public var patientResponsibilityAmount: Decimal
    /// Net of every CAS amount, claim and line level.
    public var adjustmentAmount: Decimal
    /// What the payer has not settled: charge − paid − adjustments; a denied claim keeps charge − paid open,
    /// a claim with no remittance (or a reversed one) its whole charge.
    public var outstandingAmount: Decimal
    /// Why it was rejected (TA1/999/277CA reasons of the rejecting acknowledgments).
    public var reasons: [AckReport.Reason]
    /// Lines of the last remittance that were paid nothing.
    public var deniedLines: [DeniedLine]
}
