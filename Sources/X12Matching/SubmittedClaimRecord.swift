import Foundation

/// A submitted claim as a ``SubmittedClaimLookup`` hands it to the ``ClaimMatcher``: its identity, CLM01 and CLM02.
public protocol SubmittedClaimRecord: Identifiable, Sendable where ID: Sendable {
    /// The kind of service line the lookup gives for this claim.
    associatedtype Line: SubmittedLineRecord

    /// CLM01, the patient control number.
    var patientControlNumber: String { get }
    /// CLM02, the total charge.
    var chargeAmount: Decimal? { get }
}
