import Foundation

/// Another payer of the claim (2320 with its 2330A subscriber and 2330B payer): on a secondary claim, the primary
/// payer and how it adjudicated the claim.
public struct OtherPayer: Sendable, Hashable, Codable {
    /// 2320 SBR01: that payer's responsibility (`P` for the primary when billing the secondary).
    public var responsibility: String
    /// 2320 SBR02: the patient's relationship to that payer's subscriber (`18` self, `01` spouse, `19` child, `G8` other).
    public var relationshipCode: String
    /// 2320 SBR03: that coverage's group number.
    public var groupNumber: String?
    /// 2320 SBR09: that payer's claim filing indicator (`MB`, `CI`, `MC`...).
    public var claimFilingCode: String
    /// 2320 CAS: claim-level adjustments copied from that payer's 835 (CLP loop).
    public var adjustments: [ClaimAdjustmentGroup]
    /// 2320 AMT*D: what that payer paid (the 835's CLP04).
    public var paidAmount: Decimal?
    /// 2320 AMT*EAF: remaining patient liability after that payer.
    public var remainingPatientLiability: Decimal?
    /// 2320 OI03: benefits assignment (`Y`, `N`, `W`).
    public var benefitsAssignment: String
    /// 2320 OI06: release of information (`I` or `Y`).
    public var releaseOfInformation: String
    /// 2330A: that payer's subscriber.
    public var subscriber: OtherSubscriber
    /// 2330B NM103: that payer's name.
    public var payerName: String
    /// 2330B NM109 (`PI`): that payer's id, the same as every 2430 SVD01 for it.
    public var payerId: String
    /// 2330B DTP*573: the date that payer adjudicated the claim (the 835's payment date).
    public var adjudicationDate: CalendarDate?
    /// 2330B REF*F8: that payer's claim control number (the 835's CLP07).
    public var claimControlNumber: String?

    /// Creates another payer.
    public init(responsibility: String = "P", relationshipCode: String, groupNumber: String? = nil, claimFilingCode: String,
                adjustments: [ClaimAdjustmentGroup] = [], paidAmount: Decimal? = nil, remainingPatientLiability: Decimal? = nil,
                benefitsAssignment: String = "Y", releaseOfInformation: String = "Y", subscriber: OtherSubscriber,
                payerName: String, payerId: String, adjudicationDate: CalendarDate? = nil, claimControlNumber: String? = nil) {
        self.responsibility = responsibility
        self.relationshipCode = relationshipCode
        self.groupNumber = groupNumber
        self.claimFilingCode = claimFilingCode
        self.adjustments = adjustments
        self.paidAmount = paidAmount
        self.remainingPatientLiability = remainingPatientLiability
        self.benefitsAssignment = benefitsAssignment
        self.releaseOfInformation = releaseOfInformation
        self.subscriber = subscriber
        self.payerName = payerName
        self.payerId = payerId
        self.adjudicationDate = adjudicationDate
        self.claimControlNumber = claimControlNumber
    }
}

/// 2330A: the subscriber of another payer's coverage.
public struct OtherSubscriber: Sendable, Hashable, Codable {
    /// NM103-NM105.
    public var name: EntityName
    /// NM109 (`MI`): the member id with that payer.
    public var memberId: String
    /// N3/N4, when sent.
    public var address: Address?

    /// Creates the subscriber.
    public init(name: EntityName, memberId: String, address: Address? = nil) {
        self.name = name
        self.memberId = memberId
        self.address = address
    }
}
