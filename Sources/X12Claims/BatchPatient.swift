import Foundation

/// A phone number of the patient.
public struct BatchPhone: Sendable, Hashable {
    /// Whether this is the primary phone (R9).
    public var primary: Bool?
    /// The number.
    public var number: String?
}

/// A patient of the practice. Every field but `id` may be missing: an incomplete profile is a billing
/// exception naming what is missing (R2), not a batch error.
public struct PatientRecord: Sendable, Hashable {
    /// Id used by cases.
    public var id: String
    /// First name.
    public var firstName: String?
    /// Last name.
    public var lastName: String?
    /// Middle name.
    public var middleName: String?
    /// Date of birth.
    public var dateOfBirth: CalendarDate?
    /// `M`, `F` or `U`.
    public var sex: String?
    /// Addresses; only the primary one is sent (R9).
    public var addresses: [BatchAddress]?
    /// Phones; only the primary one would be sent (the 837P has no patient phone).
    public var phones: [BatchPhone]?
}

/// The insured person of a case, as recorded with the encounter (M5).
public struct SubscriberRecord: Sendable, Hashable, Codable {
    /// `self`, `spouse`, `child` or `other`.
    public var relationship: String?
    /// Member id on the insurance card (MBI for Medicare).
    public var memberId: String?
    /// Group/policy number (SBR03).
    public var groupNumber: String?
    /// Subscriber first name (when not `self`).
    public var firstName: String?
    /// Subscriber last name (when not `self`).
    public var lastName: String?
    /// Subscriber middle name.
    public var middleName: String?
    /// Subscriber date of birth.
    public var dateOfBirth: CalendarDate?
    /// Subscriber sex.
    public var sex: String?
    /// Subscriber address.
    public var address: BatchAddress?
}

/// A prior authorization on a case (R4-R6).
public struct AuthorizationRecord: Sendable, Hashable {
    /// Whether the payer requires one.
    public var required: Bool?
    /// The number (`0000` is the accepted placeholder).
    public var number: String?
    /// First day covered.
    public var effectiveFrom: CalendarDate?
    /// Last day covered.
    public var effectiveTo: CalendarDate?
}

/// A case (episode of care): which payer is billed, by whom, under which authorization.
public struct CaseRecord: Sendable, Hashable {
    /// Id used by visits.
    public var id: String
    /// The patient.
    public var patientId: String
    /// The payer billed (missing: a billing exception).
    public var payerId: String?
    /// First day the case covers.
    public var startDate: CalendarDate?
    /// Last day the case covers (open when absent).
    public var endDate: CalendarDate?
    /// The insured, as of this case.
    public var subscriber: SubscriberRecord?
    /// Prior authorization.
    public var authorization: AuthorizationRecord?
    /// Add KX to every line (R7).
    public var kxModifier: Bool?
    /// Referring physician (2310A).
    public var referringProviderId: String?
    /// Rendering provider (2310B).
    public var renderingProviderId: String?
    /// Service facility (2310C).
    public var facilityId: String?
    /// DME case: DME-flagged codes go to the Medicare DME payer (R13).
    public var dme: Bool?
    /// Onset of the current illness (DTP*431).
    public var onsetDate: CalendarDate?
    /// Place of service (default `11`).
    public var placeOfService: String?
    /// The patient's secondary coverage for this case (billed from the primary's 835 by `x12 ledger secondary`).
    public var secondary: SecondaryCoverageRecord?

    /// Whether the case covers a date.
    public func covers(_ date: CalendarDate) -> Bool {
        if let startDate, date < startDate { return false }
        if let endDate, endDate < date { return false }
        return true
    }
}

/// A case's secondary coverage (`cases[].secondary`): the payer billed after the primary adjudicated the claim.
public struct SecondaryCoverageRecord: Sendable, Hashable, Codable {
    /// The secondary payer (an `id` of the payer list).
    public var payerId: String?
    /// The insured of the secondary coverage (same shape as the case's subscriber).
    public var subscriber: SubscriberRecord?

    /// Creates a secondary coverage.
    public init(payerId: String?, subscriber: SubscriberRecord?) {
        self.payerId = payerId
        self.subscriber = subscriber
    }
}
